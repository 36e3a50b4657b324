/**
 * `npm run web`: the browser preview. Serves the built renderer on 127.0.0.1
 * (never another address) with the real main-process router behind the HTTP
 * bridge, over a demo database created and seeded on first run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { startIdleCheckpoints } from '../main/db/checkpoint';
import { openDatabase } from '../main/db/open';
import { createRouter } from '../main/ipc/router';
import { createFileLogger, ipcCallLogger } from '../main/log/logger';
import { DEMO_STAFF } from '../main/seed/demo-staff';
import { seedDemo } from '../main/seed/demo-seed';
import { createServices } from '../main/services';
import { readSyncServer } from '../main/sync/register-device';
import { fileVaultFor } from '../main/sync/token-vault';
import { createBridgeApp } from './bridge';

const root = path.resolve(import.meta.dirname, '../..');
const HOST = '127.0.0.1';

const USAGE = `usage: npm run web -- [--db FILE] [--port N] [--products N]
  --db FILE       database to serve (default .web-data/pos-demo.sqlite; created and seeded if missing)
  --port N        port on 127.0.0.1 (default 5180; 0 picks a free one)
  --products N    products in the demo catalog made on first run (default 400)`;

function fail(message: string): never {
  console.error(`web: ${message}`);
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        products: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port ?? 5180);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
  const products = Number(values.products ?? 400);
  if (!Number.isInteger(products) || products < 1) fail(`--products must be a positive integer, got ${values.products}`);
  return {
    db: path.resolve(values.db ?? path.join(root, '.web-data/pos-demo.sqlite')),
    port,
    products,
    rendererDir: path.resolve(values.renderer ?? path.join(root, 'out/renderer')),
  };
}

async function main() {
  const args = parse();
  if (!fs.existsSync(path.join(args.rendererDir, 'index.html'))) {
    fail(`no built renderer in ${args.rendererDir}; run \`npm run build\` first (npm run web does it for you)`);
  }
  fs.mkdirSync(path.dirname(args.db), { recursive: true });
  const { db, report } = openDatabase(args.db, { migrationsFolder: path.join(root, 'db/migrations') });
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Only a file made just now gets the demo store: an existing database is served as it is.
  if (report.created) {
    console.log(`web: seeding a demo store into ${args.db} (${args.products} products)...`);
    await seedDemo(db, { products: args.products, seed: 1 });
  }
  // The device token: a 0600 file beside the database (never in it, never logged).
  const services = createServices(db, { version, shell: 'web' }, undefined, { vault: fileVaultFor(db) });
  if (report.created) services.settings.updateStore({ storeName: 'Moda Andina (demo)' });
  startIdleCheckpoints(db.sqlite);
  // The sync loop: idle (checking its configuration each interval) until `npm run admin -- register` gives this database a server and a token.
  services.sync.start();
  const server0 = readSyncServer(db);
  console.log(server0 && services.sync.configured() ? `web: syncing with ${server0.serverUrl}` : 'web: sync not configured (npm run admin -- register --db FILE --server URL --code CODE)');

  const token = randomBytes(32).toString('base64url');
  // The same JSON-lines log as the desktop app, in the data folder (beside the database).
  const logDir = path.join(path.dirname(args.db), 'logs');
  const fileLog = ipcCallLogger(createFileLogger(logDir));
  const router = createRouter(services, {
    log: (e) => {
      fileLog(e);
      if (e.ms > 40 || process.env.POS_DEBUG || e.code === 'INTERNAL') {
        console.log(`[ipc] ${e.channel} ${e.ok ? 'ok' : e.code} ${e.ms.toFixed(1)} ms${e.code === 'INTERNAL' ? ` (logged with its stack in ${logDir})` : ''}`);
      }
    },
  });

  let app: Hono | undefined;
  const server = serve({ fetch: (req) => app!.fetch(req), hostname: HOST, port: args.port }, (info: AddressInfo) => {
    const host = `${HOST}:${info.port}`;
    app = createBridgeApp({ router, rendererDir: args.rendererDir, token, host });
    console.log(`POS browser preview: http://${host}/`);
    console.log(`demo PINs: ${DEMO_STAFF.map((s) => `${s.displayName} (${s.role}) ${s.pin}`).join(', ')}`);
  });

  const shutdown = () => {
    server.close();
    // A round in flight finishes (its acks are committed) before the database closes.
    void services.sync.stop().finally(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`web: ${(err as Error).message}`);
  process.exit(1);
});
