import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';

/**
 * Tax rates of the store (e.g. IVA 19 %, IVA 5 %, exempt), assigned per
 * product or per category; the store settings name the default.
 */
export const taxRates = sqliteTable(
  'tax_rates',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Basis points: 1900 = 19 %. */
    rateBp: integer('rate_bp').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [check('ck_tax_rate_bp', sql`${t.rateBp} BETWEEN 0 AND 10000`)],
);
