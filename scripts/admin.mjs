#!/usr/bin/env node
// Launcher of the admin CLI (src/cli/admin.ts): `npm run admin -- <command>`
// or the pos-admin bin. Paths are resolved from this file, so any cwd works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_NODE_MAJOR = 24;

if (Number(process.versions.node.split('.')[0]) < MIN_NODE_MAJOR) {
  // better-sqlite3 13 crashes on older Node. The project ships Node 24 as the
  // `node` dev dependency: re-run on it when present (once, never in a loop).
  let local;
  try {
    local = path.join(path.dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    local = null;
  }
  if (local && existsSync(local) && !process.env.POS_ADMIN_REEXEC) {
    const result = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, POS_ADMIN_REEXEC: '1' },
    });
    process.exit(result.status ?? 1);
  }
  console.error(`admin: needs Node ${MIN_NODE_MAJOR}.21 or newer, this is ${process.version}; run it as: npm run admin -- <command>`);
  process.exit(1);
}

// `npm run admin -- ... --db store.sqlite` runs with the package root as cwd;
// relative paths typed at the shell mean the directory npm was called from.
if (process.env.npm_lifecycle_event === 'admin' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const { register } = await import('tsx/esm/api');
register();
const { main } = await import(new URL('../src/cli/admin.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
