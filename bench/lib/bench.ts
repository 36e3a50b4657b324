import type { BenchResult } from './results';

/** What a benchmark gets from the runner. */
export interface BenchContext {
  /** `--quick`: a smaller run (same figure names; say so in the note). */
  quick: boolean;
  /** A fresh temp directory for this benchmark's files, removed afterwards. */
  tmpDir: string;
  /** The repository root, for db/migrations and the like. */
  repoRoot: string;
  record(result: BenchResult): void;
  /** A line on stderr, for what a person watching should know. */
  log(line: string): void;
  /** Rewrites a progress line on stderr when it is a terminal; a no-op otherwise. */
  progress(text: string): void;
}

/**
 * A benchmark file: `bench/<topic>.bench.ts` default-exporting one of these.
 * The runner finds the files by name, so adding a benchmark touches nothing else.
 */
export interface Benchmark {
  title: string;
  run(ctx: BenchContext): Promise<void>;
}
