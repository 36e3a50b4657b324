/**
 * The cloud's PostgreSQL tables (drizzle). Every table carries `store_id`
 * (the tenant) and every key and unique index leads with it, so the
 * database can be partitioned or distributed by store (Citus distribution
 * column, or one database per group of stores) without changing a query.
 */
import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PostgreSQL's 64-bit transaction id, as a decimal string (it does not fit a JS number safely). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
/**
 * The id of the transaction that wrote the row (`pg_current_xact_id()`; the
 * top-level transaction's id inside a savepoint). Pull's cursor: see pull.ts.
 */
const writtenBy = () => xid8('txid').notNull().default(sql`pg_current_xact_id()`);

export const stores = pgTable('stores', {
  storeId: uuid('store_id').primaryKey(),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull().default(sql`now()`),
});

export const registers = pgTable(
  'registers',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.storeId),
    registerId: uuid('register_id').notNull(),
    /** Printed in invoice numbers (R01-000123): unique in the store. */
    code: text('code').notNull(),
    /** sha256 (hex) of the device token's secret; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    registeredAt: at('registered_at').notNull().default(sql`now()`),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.registerId] }), unique('registers_store_code').on(t.storeId, t.code)],
);

export const registrationCodes = pgTable(
  'registration_codes',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.storeId),
    /** sha256 (hex) of the code's secret. */
    codeHash: text('code_hash').notNull(),
    /** The register code the new till gets; null: the next free R01, R02... */
    registerCode: text('register_code'),
    createdAt: at('created_at').notNull().default(sql`now()`),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    usedBy: uuid('used_by'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.codeHash] })],
);

/** The Replicache lastMutationID: advanced in the same transaction as the document it counts. */
export const registerCursors = pgTable(
  'register_cursors',
  {
    storeId: uuid('store_id').notNull(),
    registerId: uuid('register_id').notNull(),
    lastAppliedSeq: bigint('last_applied_seq', { mode: 'number' }).notNull().default(0),
    updatedAt: at('updated_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.registerId] })],
);

/** Every document a register pushed, applied or rejected (with its reason), once. */
export const documents = pgTable(
  'documents',
  {
    storeId: uuid('store_id').notNull(),
    registerId: uuid('register_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    type: text('type').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    /** The global id the document is about (its command's entity), when it was valid. */
    entityId: text('entity_id'),
    payload: jsonb('payload'),
    /** 'applied' or 'rejected'. */
    status: text('status').notNull(),
    rejectReason: text('reject_reason'),
    rejectMessage: text('reject_message'),
    appliedAt: at('applied_at').notNull().default(sql`now()`),
    /** The store's change log: pull reads documents by the transaction that wrote them. */
    txid: writtenBy(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.registerId, t.seq] }),
    unique('documents_store_idempotency').on(t.storeId, t.idempotencyKey),
    index('documents_store_txid').on(t.storeId, t.txid),
  ],
);

export const sales = pgTable(
  'sales',
  {
    storeId: uuid('store_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    registerId: uuid('register_id').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    /** Integer minor units. */
    total: bigint('total', { mode: 'number' }).notNull(),
    completedAt: at('completed_at').notNull(),
    /** The sale.completed document's seq on its register. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    txid: writtenBy(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.saleId] }), unique('sales_store_invoice').on(t.storeId, t.invoiceNumber)],
);

/** Stock is the sum of movements: append-only, one row per movement, by global id. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    storeId: uuid('store_id').notNull(),
    movementId: uuid('movement_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    saleId: uuid('sale_id'),
    registerId: uuid('register_id').notNull(),
    txid: writtenBy(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.movementId] }), index('stock_movements_variant').on(t.storeId, t.variantId)],
);

/**
 * The store's current catalog, customers, tax rates, staff and settings: one
 * row per versioned entity (product, customer...), its latest accepted
 * document, and the change id (that document's idempotency key) an edit
 * must be based on to be applied. History stays in `documents`.
 */
export const entities = pgTable(
  'entities',
  {
    storeId: uuid('store_id').notNull(),
    /** The global id the document names (command's entity). */
    entityId: text('entity_id').notNull(),
    /** The command that wrote it, e.g. 'product.upserted'. */
    type: text('type').notNull(),
    changeId: text('change_id').notNull(),
    payload: jsonb('payload').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: at('updated_at').notNull().default(sql`now()`),
    txid: writtenBy(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.entityId] }), index('entities_store_type').on(t.storeId, t.type, t.entityId)],
);
