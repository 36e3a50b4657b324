import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/**
 * Sync outbox: written in the same transaction as the business action it
 * reports, pushed later. `idempotency_key` lets the cloud apply each entry once.
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: integer('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** e.g. 'sale', 'stock_movement', 'customer'. */
    entity: text('entity').notNull(),
    entityGlobalId: text('entity_global_id').notNull(),
    operation: text('operation', { enum: ['upsert', 'delete'] }).notNull(),
    /** JSON document the cloud applies. */
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at').notNull(),
    ackedAt: timestamp('acked_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('ix_outbox_pending').on(t.ackedAt, t.id)],
);
