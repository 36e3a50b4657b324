import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDb, type TempDb } from '../../../test/db';
import { startIdleCheckpoints } from './checkpoint';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  t.cleanup();
});

describe('idle checkpoints', () => {
  it('leave commits in the WAL and fold them into the file on the timer', () => {
    expect(t.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const fileSize = () => fs.statSync(t.file).size;
    const start = fileSize();
    t.db.sqlite.exec(`CREATE TABLE filler (x TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
      INSERT INTO filler SELECT hex(randomblob(400)) FROM n`);
    // ~2.4 MB committed, still only in the WAL: no checkpoint ran on commit.
    expect(fileSize()).toBe(start);
    const stop = startIdleCheckpoints(t.db.sqlite, 1000);
    vi.advanceTimersByTime(999);
    expect(fileSize()).toBe(start);
    vi.advanceTimersByTime(1);
    expect(fileSize()).toBeGreaterThan(start + 2_000_000);
    stop();
  });
});
