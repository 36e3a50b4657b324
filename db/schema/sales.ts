import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { billingAddresses, customers, shippingAddresses } from './customers';
import { products, variants } from './catalog';
import { invoiceStates } from './reference';

export const invoices = sqliteTable(
  'tblfacturas',
  {
    id: integer('id_facturas').primaryKey(),
    date: timestamp('fecha_factura').notNull(),
    /** Null for a walk-in sale. */
    customerId: integer('ID_cliente').references(() => customers.id),
    /** Invoice total in integer minor units (cents). */
    total: integer('total_factura').notNull(),
    billingAddressId: integer('ID_direccion_facturacion').references(() => billingAddresses.id),
    shippingAddressId: integer('ID_direccion_envio').references(() => shippingAddresses.id),
    stateId: integer('ID_estado')
      .notNull()
      .references(() => invoiceStates.id),
    globalId: globalId(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('ix_facturas_fecha').on(t.date),
    index('ix_facturas_cliente').on(t.customerId),
    index('ix_facturas_estado').on(t.stateId),
  ],
);

export const invoiceLines = sqliteTable(
  'tbldetalle_factura',
  {
    id: integer('id_det_fac').primaryKey(),
    invoiceId: integer('ID_factura')
      .notNull()
      .references(() => invoices.id),
    productId: integer('ID_producto')
      .notNull()
      .references(() => products.id),
    quantity: integer('cantidad').notNull(),
    /** Line total in integer minor units (cents), after line discounts and tax rules. */
    lineTotal: integer('total_producto').notNull(),
    /** Addition: the variant (colour x size) sold; stock is kept per variant. */
    variantId: integer('ID_prodXcolorXtalla')
      .notNull()
      .references(() => variants.id),
    globalId: globalId(),
  },
  (t) => [
    index('ix_detalle_factura').on(t.invoiceId),
    index('ix_detalle_producto').on(t.productId),
    index('ix_detalle_variante').on(t.variantId),
    check('ck_detalle_cantidad', sql`${t.quantity} <> 0`),
  ],
);
