import { text } from 'drizzle-orm/sqlite-core';

/**
 * Global id (UUIDv7) of a row that syncs. Integer keys are local to one
 * database and collide across registers; this one does not. No SQL default on
 * purpose: every writer must supply it, and forgetting to is an error.
 */
export const globalId = () => text('global_id').notNull().unique();

/** ISO-8601 UTC timestamp text, e.g. 2026-11-25T07:36:04.000Z. */
export const timestamp = (name: string) => text(name);
