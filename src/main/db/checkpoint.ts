import type Database from 'better-sqlite3';

/**
 * Folds the WAL back into the database between customers instead of inside
 * a sale's commit (see applyWriterPragmas). PASSIVE never waits for readers
 * or blocks the writer; it does what it can and tries again next time.
 */
export function startIdleCheckpoints(sqlite: Database.Database, everyMs = 30_000): () => void {
  const timer = setInterval(() => {
    if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
