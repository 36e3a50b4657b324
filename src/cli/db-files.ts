import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkExistingDatabaseFile } from '../main/db/file-check';
import { openDatabase, type OpenReport, type PosDb } from '../main/db/open';
import { UsageError } from './exit';
import { MIGRATIONS_FOLDER } from './paths';

/**
 * What a --db path holds: nothing yet, an empty file, a store database, a
 * SQLite database with no tables, or some other program's SQLite database.
 */
export type DbFileKind = 'missing' | 'empty' | 'store' | 'blank' | 'foreign';

/** Looks without writing. Throws NOT_SQLITE for a file that is not SQLite or cannot be read. */
export function inspectDbFile(file: string): DbFileKind {
  if (!checkExistingDatabaseFile(file)) return fs.existsSync(file) ? 'empty' : 'missing';
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new UsageError(`cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    const tables = sqlite.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    if (tables.includes('__drizzle_migrations')) return 'store';
    return tables.length === 0 ? 'blank' : 'foreign';
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  } finally {
    sqlite.close();
  }
}

export interface OpenedStore {
  db: PosDb;
  report: OpenReport;
}

/**
 * Opens a store database for a command. `create` (migrate, seed) may create
 * a new file or set up a blank one; other commands need an existing store
 * database and never create one. Someone else's file is never touched.
 */
export function openStore(file: string, options: { create: boolean }): OpenedStore {
  const kind = inspectDbFile(file);
  if (kind === 'foreign') {
    throw new UsageError(`${file} is a SQLite database of another program (it has tables but no store migrations); refusing to touch it`);
  }
  if (!options.create) {
    if (kind === 'missing') throw new UsageError(`no database at ${file} (create one with: admin migrate --db ${file})`);
    if (kind !== 'store') throw new UsageError(`${file} is not a store database yet (run: admin migrate --db ${file})`);
  } else if (kind === 'missing') {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UsageError(`directory ${dir} does not exist`);
  }
  return openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** An existing SQLite file for read-only work (backup): never migrated, never created. */
export function requireSqliteFile(file: string): void {
  const kind = inspectDbFile(file);
  if (kind === 'missing') throw new UsageError(`no database at ${file}`);
  if (kind === 'empty') throw new UsageError(`${file} is an empty file, not a database`);
}
