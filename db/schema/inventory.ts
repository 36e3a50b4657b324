import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';
import { variants } from './catalog';
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
