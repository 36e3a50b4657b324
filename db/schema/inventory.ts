import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { manufacturers, variants } from './catalog';
import { staffUsers } from './staff';

export const STOCK_MOVEMENT_REASONS = [
  'initial',
  'sale',
  'return',
  'receipt',
  'adjustment',
  'count',
  'transfer_in',
  'transfer_out',
] as const;
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

/**
 * The stock ledger, append-only. Inserting a movement is the only way
 * tblprodXcolorXtalla.inventario changes: a trigger applies the delta, another
 * refuses any other update of inventario, and updates/deletes here are refused.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    /** Signed delta in units: negative for sales, positive for receipts. */
    quantity: integer('quantity').notNull(),
    reason: text('reason', { enum: STOCK_MOVEMENT_REASONS }).notNull(),
    /** What caused it, e.g. the invoice's global id. */
    referenceId: text('reference_id'),
    staffId: integer('staff_id').references(() => staffUsers.id),
    note: text('note'),
    occurredAt: timestamp('occurred_at').notNull(),
  },
  (t) => [
    index('ix_movs_variant').on(t.variantId, t.quantity),
    index('ix_movs_reference').on(t.referenceId),
    index('ix_movs_occurred').on(t.occurredAt),
    check('ck_movs_quantity', sql`${t.quantity} <> 0`),
    check(
      'ck_movs_reason',
      sql.raw(`reason IN (${STOCK_MOVEMENT_REASONS.map((r) => `'${r}'`).join(', ')})`),
    ),
  ],
);

/*
 * Stock documents. Each one is the business fact behind a group of ledger
 * movements: every movement it causes carries the document's global id in
 * stock_movements.reference_id, so "why did this variant move" is one join.
 */

export const ADJUSTMENT_REASONS = ['damage', 'theft', 'correction', 'found', 'expired', 'sample', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** A stock adjustment: one reason code for every line (the lines are its movements). */
export const stockAdjustments = sqliteTable(
  'stock_adjustments',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    reasonCode: text('reason_code', { enum: ADJUSTMENT_REASONS }).notNull(),
    note: text('note'),
    staffId: integer('staff_id').references(() => staffUsers.id),
    occurredAt: timestamp('occurred_at').notNull(),
  },
  () => [check('ck_adjust_reason', sql.raw(`reason_code IN (${ADJUSTMENT_REASONS.map((r) => `'${r}'`).join(', ')})`))],
);

export const PURCHASE_ORDER_STATES = ['open', 'partial', 'received', 'closed', 'cancelled'] as const;

/** A purchase order to a manufacturer, ordered per variant on the colour x size grid. */
export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    /** PO-<register>-000001: readable, unique across registers. */
    number: text('number').notNull().unique(),
    manufacturerId: integer('manufacturer_id')
      .notNull()
      .references(() => manufacturers.id),
    status: text('status', { enum: PURCHASE_ORDER_STATES }).notNull(),
    note: text('note'),
    expectedAt: text('expected_at'),
    createdBy: integer('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('ix_po_status').on(t.status), check('ck_po_status', sql.raw(`status IN (${PURCHASE_ORDER_STATES.map((r) => `'${r}'`).join(', ')})`))],
);

export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    orderId: integer('order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    quantityOrdered: integer('quantity_ordered').notNull(),
    /** Sum of what goods receipts took in against this line (may exceed what was ordered). */
    quantityReceived: integer('quantity_received').notNull().default(0),
    /** Expected unit cost in minor units; null: not agreed. */
    unitCost: integer('unit_cost'),
  },
  (t) => [
    uniqueIndex('ux_po_line_variant').on(t.orderId, t.variantId),
    check('ck_po_line_qty', sql`${t.quantityOrdered} > 0 AND ${t.quantityReceived} >= 0`),
    check('ck_po_line_cost', sql`${t.unitCost} IS NULL OR ${t.unitCost} >= 0`),
  ],
);

/** Goods that arrived: against a purchase order, or without one. */
export const goodsReceipts = sqliteTable('goods_receipts', {
  id: integer('id').primaryKey(),
  globalId: globalId(),
  orderId: integer('order_id').references(() => purchaseOrders.id),
  manufacturerId: integer('manufacturer_id').references(() => manufacturers.id),
  note: text('note'),
  staffId: integer('staff_id').references(() => staffUsers.id),
  receivedAt: timestamp('received_at').notNull(),
});

export const goodsReceiptLines = sqliteTable(
  'goods_receipt_lines',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    receiptId: integer('receipt_id')
      .notNull()
      .references(() => goodsReceipts.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    quantity: integer('quantity').notNull(),
    /** What each unit cost, minor units; null when not given (stock value then uses the product's cost price). */
    unitCost: integer('unit_cost'),
  },
  (t) => [
    index('ix_gr_line_variant').on(t.variantId, t.receiptId),
    check('ck_gr_line_qty', sql`${t.quantity} > 0`),
    check('ck_gr_line_cost', sql`${t.unitCost} IS NULL OR ${t.unitCost} >= 0`),
  ],
);

export const STOCK_COUNT_STATES = ['open', 'applied', 'cancelled'] as const;

/** A stock count: a count sheet for the whole store, a category or a manufacturer. */
export const stockCounts = sqliteTable(
  'stock_counts',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    scope: text('scope', { enum: ['all', 'category', 'manufacturer'] }).notNull(),
    /** The category's or manufacturer's id; null for the whole store. */
    scopeId: integer('scope_id'),
    status: text('status', { enum: STOCK_COUNT_STATES }).notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at').notNull(),
    appliedBy: integer('applied_by').references(() => staffUsers.id),
    appliedAt: timestamp('applied_at'),
  },
  () => [check('ck_count_status', sql.raw(`status IN (${STOCK_COUNT_STATES.map((r) => `'${r}'`).join(', ')})`))],
);

/**
 * One counted variant. `expected` is the variant's stock at the moment it
 * was (last) counted: applying books counted - expected, so sales made
 * between the count and the apply stay booked (see stock-counts.ts).
 */
export const stockCountLines = sqliteTable(
  'stock_count_lines',
  {
    id: integer('id').primaryKey(),
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    counted: integer('counted').notNull(),
    expected: integer('expected').notNull(),
    countedAt: timestamp('counted_at').notNull(),
    countedBy: integer('counted_by').references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('ux_count_line_variant').on(t.countId, t.variantId), check('ck_count_line_qty', sql`${t.counted} >= 0`)],
);

export const TRANSFER_STATES = ['in_transit', 'received', 'cancelled'] as const;

/**
 * A transfer between stores of the chain. `out`: this store sent it (stock
 * left when it was sent). `in`: another store sent it here (it arrives
 * through sync; stock arrives when it is accepted, line by line).
 */
export const stockTransfers = sqliteTable(
  'stock_transfers',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    /** The sending register's number (TR-<register>-000001): unique per sending store, not across the chain. */
    number: text('number').notNull(),
    /** The other store of the chain, by its code. */
    otherStore: text('other_store').notNull(),
    status: text('status', { enum: TRANSFER_STATES }).notNull(),
    note: text('note'),
    sentBy: integer('sent_by').references(() => staffUsers.id),
    sentAt: timestamp('sent_at').notNull(),
    receivedBy: integer('received_by').references(() => staffUsers.id),
    receivedAt: timestamp('received_at'),
  },
  (t) => [index('ix_transfer_status').on(t.direction, t.status), index('ix_transfer_number').on(t.number), check('ck_transfer_status', sql.raw(`status IN (${TRANSFER_STATES.map((r) => `'${r}'`).join(', ')})`))],
);

export const stockTransferLines = sqliteTable(
  'stock_transfer_lines',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    transferId: integer('transfer_id')
      .notNull()
      .references(() => stockTransfers.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    quantitySent: integer('quantity_sent').notNull(),
    /** Set when accepted: what actually arrived (the difference is the discrepancy). */
    quantityReceived: integer('quantity_received'),
    discrepancyNote: text('discrepancy_note'),
  },
  (t) => [uniqueIndex('ux_transfer_line_variant').on(t.transferId, t.variantId), check('ck_transfer_line_qty', sql`${t.quantitySent} > 0 AND (${t.quantityReceived} IS NULL OR ${t.quantityReceived} >= 0)`)],
);
