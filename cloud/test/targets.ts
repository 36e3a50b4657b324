/**
 * Where the cloud suite runs: PGlite (always) and the machine's PostgreSQL
 * (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test). Each test file
 * gets a fresh PostgreSQL database of its own, dropped after. When
 * PostgreSQL cannot be reached: CI=true fails the run; otherwise its cases
 * are skipped and the reason is printed.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openCloudDb, type OpenedCloudDb } from '../src/db';

export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface Target {
  name: 'pglite' | 'postgres';
  /** Opens the file's database (migrated); PostgreSQL: a new pool on the file's own database each call. */
  open(): Promise<OpenedCloudDb>;
  /** PostgreSQL only: the URL of the file's database, for extra cloud processes. */
  databaseUrl?: string;
  /** Drops what the file created. */
  dispose(): Promise<void>;
}

/** Why PostgreSQL cases cannot run here, or null when they can. */
export const postgresProblem: Promise<string | null> = reachable();

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `${PG_URL}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The targets this file runs on; PostgreSQL's unreachability is printed (or thrown under CI). */
export async function cloudTargets(): Promise<{ name: Target['name']; make: () => Promise<Target> }[]> {
  const problem = await postgresProblem;
  const targets: { name: Target['name']; make: () => Promise<Target> }[] = [{ name: 'pglite', make: pgliteTarget }];
  if (problem === null) targets.push({ name: 'postgres', make: postgresTarget });
  else if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI=true and cannot be reached at ${problem}`);
  else console.warn(`[cloud tests] PostgreSQL cases SKIPPED: cannot reach ${problem} (set DATABASE_URL or start PostgreSQL; CI=true makes this a failure)`);
  return targets;
}

async function pgliteTarget(): Promise<Target> {
  const opened = await openCloudDb({});
  return { name: 'pglite', open: async () => ({ ...opened, close: async () => undefined }), dispose: () => opened.close() };
}

async function postgresTarget(): Promise<Target> {
  const name = `pos_cloud_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const pools: OpenedCloudDb[] = [];
  return {
    name: 'postgres',
    databaseUrl,
    async open() {
      const opened = await openCloudDb({ databaseUrl });
      pools.push(opened);
      return opened;
    },
    async dispose() {
      await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
      const drop = new pg.Client({ connectionString: PG_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
