import path from 'node:path';
import { openDatabase, type PosDb } from '../../src/main/db/open';
import { seedDemo } from '../../src/main/seed/demo-seed';
import type { BenchContext } from './bench';

export const FULL_PRODUCTS = 20_000;
export const QUICK_PRODUCTS = 2_000;

/** A freshly seeded demo store in the benchmark's temp dir: 20,000 products (2,000 with --quick). */
export async function seededStore(ctx: BenchContext, name = 'store.sqlite'): Promise<{ db: PosDb; file: string; products: number }> {
  const products = ctx.quick ? QUICK_PRODUCTS : FULL_PRODUCTS;
  const file = path.join(ctx.tmpDir, name);
  const { db } = openDatabase(file, { migrationsFolder: path.join(ctx.repoRoot, 'db', 'migrations') });
  await seedDemo(db, { products, seed: 1, onProgress: (d, t) => ctx.progress(`seeding ${d}/${t} products`) });
  ctx.progress('');
  return { db, file, products };
}

/** The p-th percentile (0-100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
