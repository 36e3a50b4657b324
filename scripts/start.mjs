#!/usr/bin/env node
// `npm start`: build and run the Electron app. Where the Electron binary cannot
// be had (no download access), say so in one line and point to the preview.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureElectronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const missing = ensureElectronBinary();
if (missing) {
  console.error(
    `npm start: Electron's program could not be downloaded to this machine (${missing}), so the desktop app cannot open here.\n` +
      'Run `npm run web` for the browser preview of the same app, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45.',
  );
  process.exit(1);
}

const bin = path.join(root, 'node_modules/.bin/electron-vite');
const run = spawnSync(bin, ['preview', '-c', 'electron.config.ts', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
