import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { DomainError } from '../../shared/errors';

export interface MigrationStatus {
  files: MigrationMeta[];
  appliedCount: number;
  pending: MigrationMeta[];
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Compares the migration files with what the database has applied. A database
 * that has applied more than we ship comes from a newer app: refuse it rather
 * than run old code against a newer schema.
 */
/** A row of drizzle's migrations table: what was applied, and the migration folder's timestamp. */
interface AppliedMigrationRow {
  hash: string;
  createdAt: number;
}

export function migrationStatus(sqlite: Database.Database, migrationsFolder: string): MigrationStatus {
  const files = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite
    .prepare<[name: string], { 1: number }>(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!hasTable) return { files, appliedCount: 0, pending: files };
  const applied = sqlite
    .prepare<[], AppliedMigrationRow>(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at`)
    .all();
  const newestKnown = files.at(-1)?.folderMillis ?? 0;
  const last = applied.at(-1);
  if (applied.length > files.length || (last && Number(last.createdAt) > newestKnown)) {
    throw new DomainError(
      'DB_TOO_NEW',
      `database has ${applied.length} migrations applied but this app knows ${files.length}; it was written by a newer version`,
    );
  }
  const lastMillis = last ? Number(last.createdAt) : -1;
  return { files, appliedCount: applied.length, pending: files.filter((m) => m.folderMillis > lastMillis) };
}
