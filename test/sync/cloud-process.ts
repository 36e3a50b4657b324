/**
 * The cloud as an operating-system process, the way `npm run cloud` runs it
 * (cloud/src/main.ts on PGlite in a data folder, or on PostgreSQL with
 * DATABASE_URL), for tests and benchmarks that kill it, restart it, run two
 * of it, or measure its memory. Resolves once it logs "cloud listening".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CloudProcessOptions {
  /** PostgreSQL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** 0 (default): a free port. */
  port?: number;
  /** Extra environment (e.g. NODE_OPTIONS for a profile). */
  env?: Record<string, string>;
}

export interface CloudProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: a crash, nothing flushed, no goodbye to clients. */
  kill(): Promise<void>;
  /** SIGTERM: the cloud's own clean stop (the PGlite folder is released). */
  stop(): Promise<void>;
  /** Peak resident memory so far, in MB (Linux /proc VmHWM), or null when unknown. */
  peakRssMb(): number | null;
  /** The last lines the process wrote (for a failure message). */
  output(): string;
}

export async function startCloudProcess(options: CloudProcessOptions): Promise<CloudProcess> {
  if (!options.databaseUrl && !options.dataDir) throw new Error('startCloudProcess: a databaseUrl or a dataDir is required');
  const args = ['--import', 'tsx', path.join(ROOT, 'cloud/src/main.ts'), '--port', String(options.port ?? 0)];
  if (!options.databaseUrl) args.push('--data', options.dataDir!);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  // node itself (not npm or tsx's launcher) is the child, so pid and /proc describe the cloud.
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  const listening = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (!line.includes('cloud listening')) return;
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`cannot read the cloud's address from: ${line}`));
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`the cloud process exited (${code ?? signal}) before listening:\n${tail.join('\n')}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  let url: string;
  try {
    url = await listening;
  } finally {
    clearTimeout(timeout);
  }
  const pid = child.pid!;
  let peak: number | null = null;
  const readPeak = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1024);
    } catch {
      // exited: the last reading stands
    }
    return peak;
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    readPeak();
    child.kill(signal);
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(guard);
  };
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    child,
    exited,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    peakRssMb: readPeak,
    output: () => tail.join('\n'),
  };
}
