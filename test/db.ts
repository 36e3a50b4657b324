/** Test factory: a real, migrated SQLite database in a fresh temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../src/main/db/clock';
import { openDatabase, type PosDb } from '../src/main/db/open';

export const MIGRATIONS = path.resolve(import.meta.dirname, '../db/migrations');

export interface TempDb {
  db: PosDb;
  dir: string;
  file: string;
  cleanup(): void;
}

export function tempDb(clock?: Clock): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-test-'));
  const file = path.join(dir, 'pos.sqlite');
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS, ...(clock ? { clock } : {}) });
  // A register named R01, as the demo store's is: receipts and invoice numbers in tests read the same.
  db.sqlite.prepare(`UPDATE device_identity SET register_code = 'R01' WHERE id = 1`).run();
  return {
    db,
    dir,
    file,
    cleanup() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = '2026-11-25T10:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}
