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

/**
 * The cloud's change id each versioned row (product, customer, tax rate...)
 * was last known at here: the idempotency key of the document that made
 * that version. A local edit sends it as `baseChangeId` and becomes the
 * new one; the cloud applies an edit only on the version it was based on.
 * An id, not a counter: two registers' edits on the same base can never
 * look alike. Never synced. Written by the write path and by pull only.
 */
export const syncEntityVersions = sqliteTable('sync_entity_versions', {
  entityGlobalId: text('entity_global_id').primaryKey(),
  changeId: text('change_id').notNull(),
});

/**
 * Edits the cloud refused because the row changed elsewhere first: the
 * cloud's row was kept and applied here; this register's edit is kept for a
 * manager to read, re-apply or dismiss. Never synced.
 */
export const syncConflicts = sqliteTable('sync_conflicts', {
  id: integer('id').primaryKey(),
  outboxSeq: integer('outbox_seq').notNull().unique(),
  type: text('type').notNull(),
  entityGlobalId: text('entity_global_id').notNull(),
  /** This register's edit (JSON), as it was pushed. */
  localPayload: text('local_payload').notNull(),
  /** The cloud's row when it refused the edit (JSON), or null when it sent none. */
  serverPayload: text('server_payload'),
  detectedAt: timestamp('detected_at').notNull(),
  resolvedAt: timestamp('resolved_at'),
  /** 'kept_server' or 'reapplied'. */
  resolution: text('resolution'),
  resolvedBy: integer('resolved_by'),
});
