import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { billingAddresses, customers, shippingAddresses } from './customers';
import { products, variants } from './catalog';
import { invoiceStates } from './reference';
import { staffUsers } from './staff';
import { PAYMENT_METHODS } from '../../src/shared/payment-methods';

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
    // --- POS additions (all amounts integer minor units) ---
    /** Per-register gapless number, e.g. R01-000123; set when completed, null for drafts. */
    invoiceNumber: text('invoice_number'),
    registerCode: text('register_code').notNull(),
    /** The register (device_identity.register_id) that rang the sale up; null only on rows older than it. */
    registerId: text('register_id'),
    staffId: integer('staff_id').references(() => staffUsers.id),
    /** Sum of unit price x quantity before discounts. */
    grossTotal: integer('gross_total').notNull().default(0),
    discountTotal: integer('discount_total').notNull().default(0),
    taxTotal: integer('tax_total').notNull().default(0),
    /** Cash rounding applied to the amount due (+/-). */
    cashRounding: integer('cash_rounding').notNull().default(0),
    changeDue: integer('change_due').notNull().default(0),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(true),
    orderDiscountKind: text('order_discount_kind', { enum: ['percent', 'amount'] }),
    /** Percent in basis points (1000 = 10 %) or an amount. */
    orderDiscountValue: integer('order_discount_value'),
    orderDiscountReason: text('order_discount_reason'),
    orderDiscountApprovedBy: integer('order_discount_approved_by').references(() => staffUsers.id),
    /**
     * The share of the sale (basis points, rounded up) the order discount had when it was
     * given or approved: it may never grow past this and the store threshold without a new approval.
     */
    orderDiscountAllowedBp: integer('order_discount_allowed_bp'),
    /** Tenders entered in the payment dialog before completion (JSON), kept with the draft across a reload. */
    pendingTenders: text('pending_tenders'),
    parkedAt: timestamp('parked_at'),
    parkedLabel: text('parked_label'),
    completedAt: timestamp('completed_at'),
    /** Idempotency key of the completion: a retried completion finds the sale already made. */
    completionKey: text('completion_key'),
  },
  (t) => [
    uniqueIndex('ux_facturas_numero').on(t.invoiceNumber),
    uniqueIndex('ux_facturas_completion_key').on(t.completionKey),
    index('ix_facturas_register_estado').on(t.registerCode, t.stateId),
    // The open sale and the parked ones of this register: read on every cart change.
    index('ix_facturas_register_id_estado').on(t.registerId, t.stateId),
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
    // --- POS additions (all amounts integer minor units) ---
    lineNo: integer('line_no').notNull(),
    unitPrice: integer('unit_price').notNull(),
    /** The catalog price when a manager overrode it; null otherwise. */
    originalUnitPrice: integer('original_unit_price'),
    priceOverrideReason: text('price_override_reason'),
    priceOverrideApprovedBy: integer('price_override_approved_by').references(() => staffUsers.id),
    discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
    discountValue: integer('discount_value'),
    discountReason: text('discount_reason'),
    discountApprovedBy: integer('discount_approved_by').references(() => staffUsers.id),
    /** The share of the line (basis points, rounded up) its discount had when given or approved; see orderDiscountAllowedBp. */
    discountAllowedBp: integer('discount_allowed_bp'),
    discountAmount: integer('discount_amount').notNull().default(0),
    orderDiscountShare: integer('order_discount_share').notNull().default(0),
    taxCode: text('tax_code').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    taxAmount: integer('tax_amount').notNull().default(0),
    baseAmount: integer('base_amount').notNull().default(0),
  },
  (t) => [
    index('ix_detalle_factura').on(t.invoiceId),
    index('ix_detalle_producto').on(t.productId),
    index('ix_detalle_variante').on(t.variantId),
    check('ck_detalle_cantidad', sql`${t.quantity} <> 0`),
  ],
);

const PAYMENT_METHOD_NAMES = PAYMENT_METHODS;

/** Tenders of a completed sale. Cash keeps what was handed over and what it paid. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    method: text('method', { enum: PAYMENT_METHOD_NAMES }).notNull(),
    /** What this tender paid of the sale (cash: tendered minus change). */
    amount: integer('amount').notNull(),
    tendered: integer('tendered'),
    reference: text('reference'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    index('ix_payments_invoice').on(t.invoiceId),
    check('ck_payments_method', sql.raw(`method IN (${PAYMENT_METHOD_NAMES.map((m) => `'${m}'`).join(', ')})`)),
  ],
);

/** Last invoice number used per register; bumped in the sale's transaction, so numbers have no gaps. */
export const registerSequences = sqliteTable('register_sequences', {
  registerCode: text('register_code').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/** Store credit per customer as a ledger: the balance is the sum. */
export const customerCredit = sqliteTable(
  'customer_credit',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Signed: positive when credit is granted (a return), negative when spent. */
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    staffId: integer('staff_id').references(() => staffUsers.id),
    occurredAt: timestamp('occurred_at').notNull(),
  },
  (t) => [index('ix_credit_customer').on(t.customerId)],
);
