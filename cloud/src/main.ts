/**
 * `npm run cloud [-- --data DIR --host H --port P]`: the cloud sync API.
 * DATABASE_URL=postgres://... uses PostgreSQL (any number of processes);
 * without it, PGlite in --data (default .cloud-data/ in the project).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { claimDataDir, DEFAULT_DATA_DIR } from './data-dir';
import { startCloud } from './server';

const HELP = `Usage: npm run cloud -- [--data DIR] [--host HOST] [--port PORT]

The cloud sync API. With DATABASE_URL set it uses that PostgreSQL database;
otherwise embedded PostgreSQL (PGlite) in --data.

Options:
  --data DIR    PGlite data folder (default .cloud-data/ in the project)
  --host HOST   address to listen on (default 127.0.0.1)
  --port PORT   port (default 8787; 0 picks a free one)
  -h, --help    show this help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
  const log = pino({ base: { app: 'pos-cloud' }, timestamp: pino.stdTimeFunctions.isoTime });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), values.data ?? DEFAULT_DATA_DIR);
  const release = dataDir ? claimDataDir(dataDir) : () => undefined;
  const cloud = await startCloud({ host: values.host ?? '127.0.0.1', port, databaseUrl, dataDir, log });
  log.info({ url: cloud.url, db: cloud.db.kind, ...(dataDir ? { dataDir } : {}) }, 'cloud listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'cloud stopping');
    void cloud.close().finally(() => {
      release();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cloud: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
