import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/main/db/open';
import { seedDemo } from '../src/main/seed/demo-seed';
import type { Benchmark } from './lib/bench';
import { median, round, timed } from './lib/stats';

const FULL_PRODUCTS = 20_000;
const QUICK_PRODUCTS = 2_000;

/**
 * Issue #3's figures: seeding a demo store of 20,000 products (~300,000
 * variants) into a fresh file, reopening it (migration check and reference
 * data check included), and the file's size.
 */
const seedBench: Benchmark = {
  title: 'demo seed, open and size',
  async run(ctx) {
    const products = ctx.quick ? QUICK_PRODUCTS : FULL_PRODUCTS;
    const quickNote = ctx.quick ? `quick run: ${products.toLocaleString('en-US')} products, not 20,000` : '';
    const migrationsFolder = path.join(ctx.repoRoot, 'db', 'migrations');
    const file = path.join(ctx.tmpDir, 'demo.sqlite');

    // Create, migrate, seed, close: what `admin seed` does for a new file.
    const seeded = await timed(async () => {
      const { db } = openDatabase(file, { migrationsFolder });
      try {
        return await seedDemo(db, {
          products,
          seed: 1,
          onProgress: (done, total) => ctx.progress(`seeding ${done}/${total} products`),
        });
      } finally {
        db.close();
      }
    });
    ctx.progress('');
    ctx.record({
      name: 'seed_demo_20k_s',
      value: round(seeded.ms / 1000, 2),
      unit: 's',
      aimBelow: 60,
      note: [quickNote, `${seeded.value.variants.toLocaleString('en-US')} variants`].filter(Boolean).join('; '),
    });

    const opens = ctx.quick ? 5 : 11;
    const times: number[] = [];
    for (let i = 0; i < opens; i++) {
      const { value: db, ms } = await timed(() => openDatabase(file, { migrationsFolder }).db);
      times.push(ms);
      db.close();
    }
    ctx.record({
      name: 'open_migrate_ms',
      value: round(median(times), 1),
      unit: 'ms',
      aimBelow: 300,
      note: `median of ${opens} opens (min ${round(Math.min(...times), 1)}, max ${round(Math.max(...times), 1)})${quickNote ? `; ${quickNote}` : ''}`,
    });

    // Fold the WAL into the file first, so the size is the database's, not the log's.
    const raw = new Database(file, { fileMustExist: true });
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const bytes = fs.statSync(file).size;
    ctx.record({
      name: 'db_size_mb',
      value: round(bytes / 1_000_000, 1),
      unit: 'MB',
      note: [quickNote, `${Math.round(bytes / seeded.value.variants)} bytes per variant, FTS index included`].filter(Boolean).join('; '),
    });
  },
};

export default seedBench;
