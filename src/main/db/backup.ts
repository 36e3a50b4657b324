import fs from 'node:fs';
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
