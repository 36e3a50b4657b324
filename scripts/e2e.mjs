#!/usr/bin/env node
// `npm run test:e2e`: build the renderer, find a Chromium, start the browser
// preview on a free port over a temp database, and run the Playwright specs.
// Browser lookup order: CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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

const browser = await findBrowser();
if (!browser) {
  console.error(`test:e2e: ${NO_BROWSER}`);
  process.exit(1);
}

const build = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
const env = {
  ...process.env,
  POS_E2E_BROWSER: browser,
  POS_E2E_DB: path.join(dir, 'pos.sqlite'),
  POS_E2E_PORT: String(await freePort()),
};
const run = spawnSync(path.join(root, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env,
});
fs.rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
