#!/usr/bin/env node
// `npm start`: build and run the Electron app. Where the Electron binary cannot
// be had (no download access), say so in one line and point to the preview.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules/electron');

function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = path.join(electronDir, 'path.txt');
  return fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
}

if (!electronBinaryPresent()) {
  // Electron 42+ downloads its binary on first use; try once, quietly.
  const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 120_000 });
  if (fetched.status !== 0 || !electronBinaryPresent()) {
    const why = String(fetched.stderr || fetched.stdout || 'download failed').trim().split('\n').pop();
    console.error(`npm start: the Electron binary is not available on this machine (${why}); run \`npm run web\` for the browser preview.`);
    process.exit(1);
  }
}

const bin = path.join(root, 'node_modules/.bin/electron-vite');
const run = spawnSync(bin, ['preview', '-c', 'electron.config.ts', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
