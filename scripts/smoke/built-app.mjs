#!/usr/bin/env node
// Smoke checks of the build. The main process (out/main/index.js): every import it
// keeps external must resolve and evaluate on Node 24, Electron's Node, e.g.
// a JSON import that lost its import attribute in the bundle would fail here.
// Electron itself is stubbed, since its binary is not on every machine.
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const main = path.resolve(import.meta.dirname, '../../out/main/index.js');
try {
  await import(pathToFileURL(main).href);
  console.log('smoke: the built main process loads');
} catch (err) {
  console.error(`smoke: the built main process does not load: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

// A second copy of the app hands over to the first and does nothing else.
{
  const { spawnSync } = await import('node:child_process');
  const probe = `
    import { register } from 'node:module';
    register(${JSON.stringify(new URL('./hooks.mjs', import.meta.url).href)});
    await import(${JSON.stringify(pathToFileURL(main).href)});
    console.log(JSON.stringify(globalThis.__electronStubCalls.filter((c) => typeof c === 'string')));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', env: { ...process.env, SMOKE_SECOND_INSTANCE: '1' } });
  const did = JSON.parse(run.stdout.trim().split('\n').pop() || '[]');
  if (run.status !== 0 || did.join() !== 'app.quit') {
    console.error(`smoke: a second instance must only quit; it did ${did.join(', ') || 'nothing'} ${run.stderr}`);
    process.exit(1);
  }
  console.log('smoke: a second instance only quits');
}

// The sandboxed preload may require nothing but electron, and must be CommonJS.
const preload = fs.readFileSync(path.resolve(import.meta.dirname, '../../out/preload/index.cjs'), 'utf8');
const required = [...new Set([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))];
if (required.join() !== 'electron' || /^\s*(import|export)\s/m.test(preload)) {
  console.error(`smoke: the preload must be CommonJS requiring only electron; it requires ${required.join(', ') || 'nothing'}`);
  process.exit(1);
}
console.log('smoke: the preload is one CommonJS file requiring only electron');
