import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

export interface BackupResult {
  file: string;
  bytes: number;
  integrity: 'ok';
}

/**
 * Online, consistent copy of a live database (VACUUM INTO reads inside one
 * transaction, so writers keep going), then PRAGMA integrity_check on the copy.
 * Never overwrites: an existing destination is refused.
 */
export function backupDatabase(source: Database.Database, destination: string): BackupResult {
  if (fs.existsSync(destination)) {
    throw new DomainError('CONFLICT', `${destination} already exists; choose a new backup file`, 'out');
  }
  source.prepare('VACUUM INTO ?').run(destination);
  const copy = new Database(destination, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') {
      throw new DomainError('INTERNAL', `backup ${destination} failed integrity_check: ${verdict}`);
    }
  } finally {
    copy.close();
  }
  return { file: destination, bytes: fs.statSync(destination).size, integrity: 'ok' };
}

/** How many pre-migration backups of a database are kept by default (older ones are deleted). */
export const KEEP_PRE_MIGRATE_BACKUPS = 5;

/** The name of a pre-migration backup of `dbFile`, stamped so names sort by time. */
export function preMigrateBackupName(dbFile: string, at: Date): string {
  return `${path.basename(dbFile)}.pre-migrate-${at.toISOString().replace(/[:.]/g, '-')}.bak`;
}

/**
 * Keeps the newest `keep` pre-migration backups of `dbFile` in `dir` and
 * deletes the older ones (each is a whole copy of the store: a till updated
 * monthly would otherwise fill its disk). Only files named as this module
 * names them are touched. Returns the files deleted.
 */
export function prunePreMigrateBackups(dir: string, dbFile: string, keep = KEEP_PRE_MIGRATE_BACKUPS): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep at least one backup (got ${keep})`);
  const prefix = `${path.basename(dbFile)}.pre-migrate-`;
  const stamp = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.bak$/;
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && stamp.test(name.slice(prefix.length)))
    .sort();
  const old = backups.slice(0, Math.max(0, backups.length - keep)).map((name) => path.join(dir, name));
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}
