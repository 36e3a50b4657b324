import type Database from 'better-sqlite3';

/**
 * The one place connection settings live. synchronous=FULL because a sale the
 * cashier saw complete must survive a power cut; WAL so readers (reports)
 * never block the single writer.
 */
export function applyWriterPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  // 64 MiB page cache: the catalog of a large store fits, scans stay in memory.
  sqlite.pragma('cache_size = -65536');
  // Checkpoints move off the sale's commit: the app checkpoints when idle
  // (startIdleCheckpoints); SQLite's own only kicks in past ~40 MB of WAL.
  sqlite.pragma('wal_autocheckpoint = 10000');
}

export function applyReaderPragmas(sqlite: Database.Database): void {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('query_only = ON');
}
