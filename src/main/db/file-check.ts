import fs from 'node:fs';
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
