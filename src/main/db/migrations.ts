import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { DomainError } from '../../shared/errors';

export interface MigrationStatus {
  files: MigrationMeta[];
  appliedCount: number;
  pending: MigrationMeta[];
  /** The pending migrations' names (drizzle's journal tags, e.g. 0008_entity_versions). */
  pendingTags: string[];
}

/** Migration names in journal order (readMigrationFiles reads the same journal, in the same order). */
function journalTags(migrationsFolder: string): string[] {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    return journal.entries.map((e) => e.tag);
  } catch {
    return [];
  }
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
  const tags = journalTags(migrationsFolder);
  const tagsOf = (pending: MigrationMeta[]) => pending.map((m) => tags[files.indexOf(m)] ?? `migration ${files.indexOf(m)}`);
  if (!hasTable) return { files, appliedCount: 0, pending: files, pendingTags: tagsOf(files) };
  const applied = sqlite
    .prepare<[], AppliedMigrationRow>(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at`)
    .all();
  const newestKnown = files.at(-1)?.folderMillis ?? 0;
  const last = applied.at(-1);
  if (applied.length > files.length || (last && Number(last.createdAt) > newestKnown)) {
    throw new DomainError(
      'DB_TOO_NEW',
      `database has ${applied.length} migrations applied but this app knows ${files.length} (up to ${tags.at(-1) ?? 'none'}); it was written by a newer version, so this one will not open it. ` +
        `Install that newer version again (or a later one), or, to go back to this version, open a pre-migrate backup this version took before the update (<database>.pre-migrate-<time>.bak beside it; sales made since are not in it)`,
    );
  }
  const lastMillis = last ? Number(last.createdAt) : -1;
  const pending = files.filter((m) => m.folderMillis > lastMillis);
  return { files, appliedCount: applied.length, pending, pendingTags: tagsOf(pending) };
}
