#!/usr/bin/env node
// `npm run test:e2e`: build the renderer, find a Chromium, start the browser
// preview on a free port over a temp database, and run the Playwright specs.
// Browser lookup order: CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureElectronBinary } from './electron-binary.mjs';
import { findBrowser, NO_BROWSER } from './find-browser.mjs';

const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

// --electron: drive the built desktop app instead of the browser preview.
const electron = process.argv.includes('--electron');
const noElectron = electron ? ensureElectronBinary() : null;
if (noElectron) {
  console.error(`test:e2e --electron: the Electron binary is not available on this machine (${noElectron}); run without --electron to test the browser preview.`);
  process.exit(1);
}
const browser = electron ? 'electron' : await findBrowser();
if (!browser) {
  console.error(`test:e2e: ${NO_BROWSER}`);
  process.exit(1);
}

const build = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const smoke = spawnSync(process.execPath, [path.join(root, 'scripts/smoke/built-app.mjs')], { stdio: 'inherit', cwd: root });
if (smoke.status !== 0) process.exit(smoke.status ?? 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
const env = {
  ...process.env,
  ...(electron ? {} : { POS_E2E_BROWSER: browser }),
  POS_E2E_DB: path.join(dir, 'pos.sqlite'),
  POS_E2E_PORT: String(await freePort()),
  ...(electron ? { POS_E2E_TARGET: 'electron' } : {}),
};
const run = spawnSync(path.join(root, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2).filter((a) => a !== '--electron')], {
  stdio: 'inherit',
  cwd: root,
  env,
});
fs.rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
