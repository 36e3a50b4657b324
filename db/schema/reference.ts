/**
 * Reference tables of the store's diagram (countries, document and phone
 * types, invoice states, departments, colours, sizes). SQL names as drawn;
 * each gets a stable `code` beside it so code and translations never depend
 * on the display text or on integer keys.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const countries = sqliteTable('tblpaises', {
  id: integer('id_pais').primaryKey(),
  /** Spanish name (the diagram's column). */
  name: text('nombre_pais').notNull(),
  /** Addition: ISO 3166-1 alpha-2 code, the stable key. */
  isoAlpha2: text('iso_alpha2').notNull().unique(),
  /** Addition: English name. */
  nameEn: text('name_en').notNull(),
});

export const documentTypes = sqliteTable('tbltipo_documento', {
  id: integer('id_tipo_documento').primaryKey(),
  name: text('tipo_documento').notNull(),
  /** Addition: NATIONAL_ID, TAX_ID, FOREIGNER_ID, PASSPORT. */
  code: text('code').notNull().unique(),
});

export const phoneTypes = sqliteTable('tbltipo_telefono', {
  id: integer('id_tipo_telefono').primaryKey(),
  name: text('tipo_telefono').notNull(),
  /** Addition: MOBILE, HOME, WORK. */
  code: text('code').notNull().unique(),
});

export const invoiceStates = sqliteTable('tblestados_factura', {
  id: integer('id_estado').primaryKey(),
  name: text('estado').notNull(),
  description: text('descripcio'),
  /** Addition: DRAFT, PARKED, COMPLETED, VOIDED, RETURNED. */
  code: text('code').notNull().unique(),
});

export const departments = sqliteTable('tblgenero', {
  id: integer('id_genero').primaryKey(),
  name: text('nombre').notNull(),
  /** Addition: WOMEN, MEN, KIDS, UNISEX. */
  code: text('code').notNull().unique(),
  nameEn: text('name_en').notNull(),
});

export const colors = sqliteTable('tblcolor', {
  id: integer('id_color').primaryKey(),
  name: text('color').notNull(),
  /** #RRGGBB */
  hex: text('hexadecimal').notNull(),
  code: text('code').notNull().unique(),
  nameEn: text('name_en').notNull(),
});

export const sizes = sqliteTable('tbltallas', {
  id: integer('id_talla').primaryKey(),
  /** Descriptive name, e.g. "Mediana" or "Talla 32". */
  name: text('nombre').notNull(),
  /** Size code printed on the label: XS..XXL or numeric. */
  code: text('talla').notNull().unique(),
  /** Addition: order in pickers and reports (XS before S before M...). */
  sortOrder: integer('sort_order').notNull(),
  /** Addition: 'alpha' (XS-XXL) or 'numeric' (28, 30...). */
  system: text('size_system', { enum: ['alpha', 'numeric'] }).notNull(),
});
