#!/usr/bin/env node
// `npm run demo`: a cloud on PGlite and two registers of one store, each a
// browser preview, to watch sync work. Register 1 is a demo store that joins
// the cloud by uploading its catalog once; register 2 starts empty and
// downloads the store from the cloud. Everything lives in .demo-data/ and is
// made anew on each run; Ctrl-C stops all three.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, '.demo-data');
const node = process.execPath;
const PRODUCTS = Number(process.env.DEMO_PRODUCTS ?? 300);
const DEMO_STAFF = [
  ['admin', '2580'],
  ['manager', '1357'],
  ['cashier', '2468'],
  ['cashier2', '1470'],
];

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => {
  console.log('\ndemo: stopping the registers and the cloud...');
  stopAll(0);
});
process.on('SIGTERM', () => stopAll(0));

function step(what) {
  console.log(`demo: ${what}`);
}

/** Runs a command to completion; its output is returned, its failure ends the demo with what it said. */
function run(args, label) {
  const r = spawnSync(node, args, { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) {
    console.error(`demo: ${label} failed:\n${r.stdout}${r.stderr}`);
    stopAll(1);
    throw new Error(label);
  }
  return r.stdout.trim();
}
const admin = (args, label) => run([path.join(root, 'scripts/admin.mjs'), ...args], label);
const cloudAdmin = (args, label) => run(['--import', 'tsx', path.join(root, 'cloud/src/admin.ts'), ...args], label);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, what) {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start (${url})`);
}

function start(args, label, env = {}) {
  const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  const prefix = (line) => `[${label}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      // The cloud logs JSON lines per request: keep the console for what a person reads.
      for (const l of lines) if (l && !l.includes('"msg":"request"')) console.log(prefix(l));
    });
  }
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`demo: ${label} stopped (exit ${code}); stopping the rest`);
      stopAll(1);
    }
  });
  return child;
}

async function main() {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const cloudData = path.join(dir, 'cloud');
  const db1 = path.join(dir, 'register-1.sqlite');
  const db2 = path.join(dir, 'register-2.sqlite');

  step('building the renderer...');
  const build = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the build failed (see above)');

  step('creating the cloud store and two registration codes (PGlite in .demo-data/cloud)...');
  const storeId = cloudAdmin(['create-store', 'Moda Andina', '--data', cloudData], 'cloud:admin create-store').split('\n').pop();
  const code1 = cloudAdmin(['register-code', '--store', storeId, '--register-code', 'R01', '--data', cloudData], 'cloud:admin register-code').split('\n').pop();
  const code2 = cloudAdmin(['register-code', '--store', storeId, '--register-code', 'R02', '--data', cloudData], 'cloud:admin register-code').split('\n').pop();

  const cloudPort = await freePort();
  const cloudUrl = `http://127.0.0.1:${cloudPort}`;
  step(`starting the cloud at ${cloudUrl}...`);
  start(['--import', 'tsx', path.join(root, 'cloud/src/main.ts'), '--data', cloudData, '--port', String(cloudPort)], 'cloud', { DATABASE_URL: '' });
  await waitFor(`${cloudUrl}/health`, 'the cloud');

  step(`register 1: a demo store of ${PRODUCTS} products that joins the cloud by uploading it once...`);
  admin(['migrate', '--db', db1], 'admin migrate (register 1)');
  admin(['seed', '--db', db1, '--demo', '--products', String(PRODUCTS)], 'admin seed (register 1)');
  admin(['register', '--db', db1, '--server', cloudUrl, '--code', code1], 'admin register (register 1)');
  console.log(admin(['sync', '--db', db1, '--initial-upload'], 'admin sync --initial-upload (register 1)').replace(/^/gm, '  '));

  step('register 2: a new till that downloads the store from the cloud...');
  admin(['migrate', '--db', db2], 'admin migrate (register 2)');
  admin(['register', '--db', db2, '--server', cloudUrl, '--code', code2], 'admin register (register 2)');
  console.log(admin(['sync', '--db', db2], 'admin sync (register 2)').replace(/^/gm, '  '));
  // PINs never travel between registers: the demo staff get theirs here, as an admin would set them.
  for (const [username, pin] of DEMO_STAFF) admin(['user', 'pin', '--db', db2, '--username', username, '--pin', pin], `admin user pin ${username}`);

  const [port1, port2] = [await freePort(), await freePort()];
  step('starting both registers (browser previews)...');
  start([path.join(root, 'scripts/web.mjs'), '--no-build', '--db', db1, '--port', String(port1)], 'register 1');
  start([path.join(root, 'scripts/web.mjs'), '--no-build', '--db', db2, '--port', String(port2)], 'register 2');
  await waitFor(`http://127.0.0.1:${port1}/`, 'register 1');
  await waitFor(`http://127.0.0.1:${port2}/`, 'register 2');

  console.log(`
  Cloud:       ${cloudUrl}  (store ${storeId})
  Register 1:  http://127.0.0.1:${port1}/
  Register 2:  http://127.0.0.1:${port2}/
  PINs:        admin 2580 · manager 1357 · cashier 2468 · cashier2 1470

  Sell on one register: the status bar shows the queue; within 15 s (or
  Settings > Sync > Sync now) the other register's stock for that variant
  drops. Ctrl-C stops everything.
`);
}

main().catch((err) => {
  console.error(`demo: ${err.message}`);
  stopAll(1);
});
