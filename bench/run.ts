/**
 * Runs every bench/*.bench.ts in name order, prints a table and writes
 * bench/results.json. Benchmarks are not tests: they measure and report.
 *
 *   npm run bench                 all figures, full size
 *   npm run bench -- --quick      smaller runs, same figure names
 *   npm run bench -- --only seed  only files whose name contains "seed"
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, Benchmark } from './lib/bench';
import { createResults } from './lib/results';

const BENCH_DIR = import.meta.dirname;
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

function isBenchmark(value: unknown): value is Benchmark {
  const b = value as Partial<Benchmark> | null;
  return typeof b === 'object' && b !== null && typeof b.title === 'string' && typeof b.run === 'function';
}

async function main(): Promise<number> {
  let values: { quick?: boolean; only?: string };
  try {
    values = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const quick = values.quick === true;
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts') && (!values.only || f.includes(values.only)))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`bench: no bench/*.bench.ts file matches${values.only ? ` "${values.only}"` : ''}\n`);
    return 2;
  }

  const results = createResults();
  const tty = process.stderr.isTTY === true;
  process.stdout.write(`bench: ${quick ? 'QUICK run (smaller sizes; figures not comparable with full runs)' : 'full run'}, Node ${process.version}, ${os.cpus().length} CPUs\n`);
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(path.join(BENCH_DIR, file)).href);
    const bench = (mod as { default?: unknown }).default;
    if (!isBenchmark(bench)) throw new Error(`${file} must default-export a Benchmark ({ title, run })`);
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-'));
    const ctx: BenchContext = {
      quick,
      tmpDir,
      repoRoot: REPO_ROOT,
      record: (r) => results.add(r),
      log: (line) => process.stderr.write(`${line}\n`),
      progress: (text) => {
        if (tty) process.stderr.write(`\r\x1b[2K${text}`);
      },
    };
    process.stderr.write(`bench: ${file}: ${bench.title}\n`);
    try {
      await bench.run(ctx);
    } finally {
      fs.rmSync(tmpDir, { recursive: true, force: true });
    }
  }

  process.stdout.write(`\n${results.table().join('\n')}\n\n`);
  results.writeJson(RESULTS_FILE);
  process.stdout.write(`wrote ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}\n`);
  return 0;
}

process.exitCode = await main();
