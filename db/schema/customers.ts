import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { countries, documentTypes, phoneTypes } from './reference';

export const customers = sqliteTable(
  'tblclientes',
  {
    id: integer('id_cliente').primaryKey(),
    email: text('email'),
    /** scrypt hash (`scrypt$N$r$p$salt$hash`), never a password. Null: no online account. */
    passwordHash: text('contraseña'),
    firstName: text('primer_nombre').notNull(),
    middleName: text('segundo_nombre'),
    lastName: text('primer_apellido').notNull(),
    secondLastName: text('segundo_apellido'),
    phoneTypeId: integer('ID_tipo_telefono').references(() => phoneTypes.id),
    phone: text('telefono'),
    countryId: integer('ID_pais').references(() => countries.id),
    document: text('documento'),
    documentTypeId: integer('ID_tipo_documento').references(() => documentTypes.id),
    globalId: globalId(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('ux_clientes_documento').on(t.documentTypeId, t.document),
    index('ix_clientes_email').on(t.email),
    index('ix_clientes_apellido').on(t.lastName, t.firstName),
  ],
);

export const shippingAddresses = sqliteTable(
  'tbldirecciones_envio',
  {
    id: integer('id_direccion_envio').primaryKey(),
    address: text('direccion').notNull(),
    zipCode: text('zip_code'),
    customerId: integer('ID_cliente')
      .notNull()
      .references(() => customers.id),
    countryId: integer('ID_pais')
      .notNull()
      .references(() => countries.id),
    globalId: globalId(),
  },
  (t) => [index('ix_direnvio_cliente').on(t.customerId)],
);

export const billingAddresses = sqliteTable(
  'tbldirecciones_facturacion',
  {
    id: integer('id_direccion_facturacion').primaryKey(),
    address: text('direccion').notNull(),
    zipCode: text('zip_code'),
    customerId: integer('ID_cliente')
      .notNull()
      .references(() => customers.id),
    countryId: integer('ID_pais')
      .notNull()
      .references(() => countries.id),
    globalId: globalId(),
  },
  (t) => [index('ix_dirfact_cliente').on(t.customerId)],
);
