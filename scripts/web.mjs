#!/usr/bin/env node
// `npm run web`: build the renderer, then serve it with the real router behind
// the HTTP bridge on 127.0.0.1. Arguments after `--` go to the server
// (--db, --port, --products); --no-build serves the existing build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');

if (!noBuild) {
  const build = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: root,
  });
  if (build.status !== 0) {
    console.error('npm run web: the build failed (see above)');
    process.exit(build.status ?? 1);
  }
}

const { register } = await import('tsx/esm/api');
register();
process.argv = [process.argv[0], path.join(root, 'src/web/server.ts'), ...args.filter((a) => a !== '--no-build')];
await import(path.join(root, 'src/web/server.ts'));
