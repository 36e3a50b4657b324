// Whether Electron's binary is on this machine (Electron 42+ downloads it on
// first use), and one attempt to fetch it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve(import.meta.dirname, '../node_modules/electron');

export function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = path.join(electronDir, 'path.txt');
  return fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));
}

/** Returns null when the binary is there (fetching it once if needed), else why not in a few words. */
export function ensureElectronBinary() {
  if (electronBinaryPresent()) return null;
  const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 120_000 });
  if (fetched.status === 0 && electronBinaryPresent()) return null;
  return String(fetched.stderr || fetched.stdout || 'download failed').trim().split('\n').pop();
}
