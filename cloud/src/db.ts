/**
 * Opens the cloud's database: PostgreSQL through node-postgres when a
 * DATABASE_URL is given, otherwise PGlite (embedded PostgreSQL, one process,
 * one connection) in a data folder. Same schema, same migrations, same
 * queries: the rest of the cloud only sees `CloudDb`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type CloudDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenedCloudDb {
  db: CloudDb;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export const CLOUD_MIGRATIONS = path.resolve(import.meta.dirname, '../migrations');

/** Any number, shared by every cloud process: who holds it runs the migrations. */
const MIGRATION_LOCK = 7_340_001;

export interface OpenCloudDbOptions {
  /** postgres://... ; when absent, PGlite in `dataDir` (or in memory when that is absent too). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Connections per process (PostgreSQL only). */
  poolSize?: number;
}

export async function openCloudDb(options: OpenCloudDbOptions): Promise<OpenedCloudDb> {
  if (options.databaseUrl) {
    const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    // Several cloud processes may start at once: one migrates, the others wait, then find nothing to do.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle({ client, schema }), { migrationsFolder: CLOUD_MIGRATIONS });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
    return { db: drizzle({ client: pool, schema }), kind: 'postgres', close: () => pool.end() };
  }
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: CLOUD_MIGRATIONS });
  return { db, kind: 'pglite', close: () => client.close() };
}
