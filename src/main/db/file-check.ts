import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Refuses a path that exists but is not a SQLite database (or cannot be
 * read), so we never open, migrate or overwrite someone's other file.
 * Returns false when the file does not exist or is empty (a new database).
 */
export function checkExistingDatabaseFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new DomainError('NOT_SQLITE', `cannot read ${file}: ${(err as Error).message}`, 'db');
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new DomainError('NOT_SQLITE', `${file} is a directory, not a SQLite database`, 'db');
    if (stat.size === 0) return false;
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read < head.length || !head.equals(SQLITE_HEADER)) {
      throw new DomainError('NOT_SQLITE', `${file} is not a SQLite database; refusing to touch it`, 'db');
    }
    return true;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('NOT_SQLITE', `cannot read ${file}: ${(err as Error).message}`, 'db');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Refuses an existing SQLite database that is not a store database: it has
 * tables but none of our migrations. Looked at read-only, so nothing is
 * written to it (no journal mode change, no -wal/-shm files).
 */
export function refuseForeignDatabase(file: string): void {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    if (tables.length > 0 && !tables.includes('__drizzle_migrations')) {
      throw new DomainError(
        'DB_FOREIGN',
        `${file} is a SQLite database of another program (it has tables but no store migrations); refusing to touch it`,
        'db',
      );
    }
  } finally {
    sqlite.close();
  }
}

/** SQLite and file-system errors that mean the database cannot be written. */
export function isReadOnlyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS');
}
