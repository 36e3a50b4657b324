import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../../db/schema';
import { backupDatabase, KEEP_PRE_MIGRATE_BACKUPS, preMigrateBackupName, prunePreMigrateBackups, type BackupResult } from './backup';
import { systemClock, type Clock } from './clock';
import { DomainError } from '../../shared/errors';
import { checkExistingDatabaseFile, isReadOnlyError, refuseForeignDatabase } from './file-check';
import { migrationStatus } from './migrations';
import { applyWriterPragmas } from './pragmas';
import { ensureDeviceIdentity } from '../device/device-identity';
import { ensureReferenceData } from './reference-data';

export type Orm = BetterSQLite3Database<typeof schema>;

/** The one writer connection of a database file, passed to every service. */
export interface PosDb {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  close(): void;
}

export interface OpenOptions {
  migrationsFolder: string;
  clock?: Clock;
  /** Where the pre-migration backup goes; defaults to beside the database. */
  backupDir?: string;
  /** Pre-migration backups kept (older ones are deleted after a new one is verified); default 5. */
  keepBackups?: number;
}

export interface OpenReport {
  created: boolean;
  applied: number;
  backup: BackupResult | null;
  /** Older pre-migration backups deleted to keep the last few. */
  pruned: string[];
}

/**
 * Opens (or creates) a store database: refuses non-SQLite files, sets the
 * pragmas, takes an online backup of an existing file before applying pending
 * migrations, migrates in one transaction, then loads reference data.
 */
export function openDatabase(file: string, options: OpenOptions): { db: PosDb; report: OpenReport } {
  const clock = options.clock ?? systemClock;
  const inMemory = file === ':memory:';
  const existed = inMemory ? false : checkExistingDatabaseFile(file);
  let sqlite: Database.Database;
  try {
    if (existed) refuseForeignDatabase(file);
    sqlite = new Database(file);
  } catch (err) {
    throw isReadOnlyError(err) ? readOnly(file, err) : err;
  }
  try {
    applyWriterPragmas(sqlite);
    const status = migrationStatus(sqlite, options.migrationsFolder);
    let backup: BackupResult | null = null;
    let pruned: string[] = [];
    if (existed && status.pending.length > 0 && status.appliedCount > 0) {
      const dir = options.backupDir ?? path.dirname(file);
      backup = backupDatabase(sqlite, path.join(dir, preMigrateBackupName(file, clock.now())));
      // Only once the new copy passed integrity_check.
      pruned = prunePreMigrateBackups(dir, file, options.keepBackups ?? KEEP_PRE_MIGRATE_BACKUPS);
    }
    const orm = drizzle(sqlite, { schema });
    if (status.pending.length > 0) {
      try {
        migrate(orm, { migrationsFolder: options.migrationsFolder });
      } catch (err) {
        if (isReadOnlyError(err)) throw err;
        throw migrationFailed(file, status.pendingTags, backup, err);
      }
    }
    ensureReferenceData(sqlite, clock);
    ensureDeviceIdentity(sqlite, clock);
    const db: PosDb = {
      file,
      sqlite,
      orm,
      close: () => {
        if (!sqlite.open) return;
        sqlite.pragma('optimize');
        sqlite.close();
      },
    };
    return { db, report: { created: !existed, applied: status.pending.length, backup, pruned } };
  } catch (err) {
    sqlite.close();
    throw isReadOnlyError(err) ? readOnly(file, err) : err;
  }
}

function readOnly(file: string, err: unknown): DomainError {
  return new DomainError(
    'DB_READ_ONLY',
    `cannot write the store database ${file} (${(err as Error).message}): check that the file, its folder and the disk are writable`,
    'db',
  );
}

/**
 * The migrations run in one transaction, so a failure leaves the database as
 * the previous version left it. Nothing is restored behind IT's back: the
 * message says what happened and what to do.
 */
function migrationFailed(file: string, pending: string[], backup: BackupResult | null, err: unknown): DomainError {
  // drizzle wraps SQLite's error ("Failed to run the query ...") and keeps the reason in `cause`.
  const e = err as { message?: string; cause?: { message?: string } };
  const cause = [e?.message ?? String(err), e?.cause?.message].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
  return new DomainError(
    'DB_MIGRATION_FAILED',
    `updating the store database ${file} to this version failed (${pending.join(', ')}: ${cause}). ` +
      `Nothing was changed: the database is still as the previous version left it${backup ? `, and a verified copy taken just before is ${backup.file}` : ''}. ` +
      `To keep selling, reinstall the previous version (it opens this database as it is); send this message and the app log to support before trying this version again.`,
    'db',
  );
}
