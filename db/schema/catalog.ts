import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { colors, departments, sizes } from './reference';
import { taxRates } from './taxes';

export const manufacturers = sqliteTable('tblfabricantes', {
  id: integer('id_fabricante').primaryKey(),
  name: text('nombre_fabricante').notNull(),
  contact: text('contacto_fabricante'),
  phone: text('telefono_fabricante'),
  globalId: globalId(),
});

export const products = sqliteTable(
  'tblproductos',
  {
    id: integer('id_producto').primaryKey(),
    /** Price look-up code typed at the till. */
    plu: text('plu').notNull(),
    name: text('nombre_producto').notNull(),
    manufacturerId: integer('ID_fabricante').references(() => manufacturers.id),
    /** Unit price in integer minor units (cents), never a float. */
    price: integer('precio').notNull(),
    description: text('descripcion_producto'),
    createdAt: timestamp('fecha_creacion').notNull(),
    departmentId: integer('ID_genero').references(() => departments.id),
    /** Times the product was added to a sale from a search. */
    searchCount: integer('cantidad_Busquedas').notNull().default(0),
    globalId: globalId(),
    /** Addition: the product's tax rate; null falls back to its category's, then the store default. */
    taxRateId: integer('tax_rate_id').references(() => taxRates.id),
    /** Addition: inactive products stay for history but are not sold. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Addition: what one unit costs the store (minor units); null when unknown. Feeds stock value and margins. */
    costPrice: integer('cost_price'),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('ux_productos_plu').on(t.plu),
    index('ix_productos_fabricante').on(t.manufacturerId),
    index('ix_productos_genero').on(t.departmentId),
    // The back office's product list pages in name or price order without sorting the catalog;
    // `active` rides along so the usual "active only" filter is answered from the index alone.
    index('ix_productos_nombre').on(sql`${t.name} COLLATE NOCASE`, t.id, t.active),
    index('ix_productos_precio').on(t.price, t.id, t.active),
    check('ck_productos_precio', sql`${t.price} >= 0`),
  ],
);

export const categories = sqliteTable('tblcategorias', {
  id: integer('id_catgoria').primaryKey(),
  name: text('nombre').notNull(),
  description: text('decripcion'),
  globalId: globalId(),
  /** Addition: tax rate for the category's products that name none. */
  taxRateId: integer('tax_rate_id').references(() => taxRates.id),
});

export const productCategories = sqliteTable(
  'tblcategoriasXproducto',
  {
    id: integer('id_cat_prod').primaryKey(),
    categoryId: integer('ID_categoria')
      .notNull()
      .references(() => categories.id),
    productId: integer('ID_producto')
      .notNull()
      .references(() => products.id),
    globalId: globalId(),
  },
  (t) => [
    uniqueIndex('ux_catprod').on(t.productId, t.categoryId),
    index('ix_catprod_categoria').on(t.categoryId),
  ],
);

export const options = sqliteTable('tblopciones', {
  id: integer('id_opcion').primaryKey(),
  name: text('nombre_opcion').notNull(),
  description: text('descripcion_opcion'),
  globalId: globalId(),
});

export const productOptions = sqliteTable(
  'tblopcionesXproducto',
  {
    id: integer('id_op_prod').primaryKey(),
    optionId: integer('ID_opcion')
      .notNull()
      .references(() => options.id),
    productId: integer('ID_producto')
      .notNull()
      .references(() => products.id),
    globalId: globalId(),
  },
  (t) => [
    uniqueIndex('ux_opprod').on(t.productId, t.optionId),
    index('ix_opprod_opcion').on(t.optionId),
  ],
);

/**
 * A sellable variant: product x colour x size, with its stock. `inventario`
 * changes only through stock_movements (triggers in migration 0001 enforce it).
 */
export const variants = sqliteTable(
  'tblprodXcolorXtalla',
  {
    id: integer('idcolorxtalla').primaryKey(),
    productId: integer('ID_producto')
      .notNull()
      .references(() => products.id),
    colorId: integer('ID_color')
      .notNull()
      .references(() => colors.id),
    sizeId: integer('ID_talla')
      .notNull()
      .references(() => sizes.id),
    /** Units in stock: always the sum of this variant's stock_movements. */
    stock: integer('inventario').notNull().default(0),
    globalId: globalId(),
    /** Addition: EAN-13/UPC-A of the maker, or an in-store EAN-13 (prefix 20-29). */
    barcode: text('barcode').notNull(),
    /** Addition: a variant with history is deactivated, never deleted; inactive ones are not sold. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Addition: at or below this many units the variant is low on stock; null: no alert. */
    lowStockThreshold: integer('low_stock_threshold'),
  },
  (t) => [
    uniqueIndex('ux_variantes_combo').on(t.productId, t.colorId, t.sizeId),
    uniqueIndex('ux_variantes_barcode').on(t.barcode),
    index('ix_variantes_color').on(t.colorId),
    index('ix_variantes_talla').on(t.sizeId),
    // Low-stock variants only (a few of 150,000): the product list's "low stock" filter reads this, not every variant.
    index('ix_variantes_low')
      .on(t.productId)
      .where(sql`active = 1 AND low_stock_threshold IS NOT NULL AND inventario <= low_stock_threshold`),
  ],
);
