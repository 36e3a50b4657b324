import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../../db/schema';
import { backupDatabase, type BackupResult } from './backup';
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
}

export interface OpenReport {
  created: boolean;
  applied: number;
  backup: BackupResult | null;
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
    if (existed && status.pending.length > 0 && status.appliedCount > 0) {
      const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
      const dir = options.backupDir ?? path.dirname(file);
      backup = backupDatabase(sqlite, path.join(dir, `${path.basename(file)}.pre-migrate-${stamp}.bak`));
    }
    const orm = drizzle(sqlite, { schema });
    if (status.pending.length > 0) migrate(orm, { migrationsFolder: options.migrationsFolder });
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
    return { db, report: { created: !existed, applied: status.pending.length, backup } };
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
