import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/**
 * This installation: one row, never synced. The register's identity lives
 * here and not in the store settings (which every register shares): its
 * UUIDv7, the code printed in its invoice numbers, the last outbox sequence
 * number it used and, once registered with the cloud, its device token.
 */
export const deviceIdentity = sqliteTable(
  'device_identity',
  {
    id: integer('id').primaryKey(),
    registerId: text('register_id').notNull().unique(),
    /** Printed in invoice numbers (R01-000123); unique per store. */
    registerCode: text('register_code').notNull(),
    /** Gap-free per register: the outbox's last document number. */
    lastOutboxSeq: integer('last_outbox_seq').notNull().default(0),
    /** Issued by the cloud at registration, encrypted with safeStorage; null until then. */
    deviceToken: text('device_token'),
    /**
     * Where pulling from the cloud resumes: the cloud's last transaction id
     * applied here (xid8 as a decimal string; '0' before the first pull).
     * Advanced in the same SQLite transaction as the documents it covers.
     */
    pullCursor: text('pull_cursor').notNull().default('0'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  () => [check('ck_device_single_row', sql`id = 1`)],
);
