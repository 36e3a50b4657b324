import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/**
 * Sync outbox: domain commands (src/shared/sync) written in the same
 * transaction as the business action they report, by the one write path
 * only, pushed later in `seq` order. `seq` is gap-free per register;
 * `idempotency_key` lets the cloud apply each document once.
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: integer('id').primaryKey(),
    registerId: text('register_id').notNull(),
    seq: integer('seq').notNull(),
    /** What the cloud dedupes on; unique by construction (UUIDv7), so no local index pays for it on every sale. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The command, e.g. 'sale.completed', 'customer.upserted'. */
    type: text('type').notNull(),
    /** Version of the command's payload schema. */
    schemaVersion: integer('schema_version').notNull(),
    /** Global id of the row the command is about. */
    entityGlobalId: text('entity_global_id').notNull(),
    /** JSON payload, valid against the command's schema. */
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at').notNull(),
    ackedAt: timestamp('acked_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  // The one index: documents in order, and "what is pending" walks back from the newest (acks come in order).
  (t) => [uniqueIndex('ux_outbox_register_seq').on(t.registerId, t.seq)],
);
