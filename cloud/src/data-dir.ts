/**
 * PGlite serves one process: a data folder in use by a running cloud must
 * not be opened by a second one (the admin CLI). A pid file says who holds it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../.cloud-data');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dir` for this process; throws when another live process holds it. Returns the release function. */
export function claimDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'cloud.pid');
  const holder = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : 0;
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`${dir} is in use by process ${holder} (a running cloud on PGlite); stop it first, or use DATABASE_URL (PostgreSQL serves many processes)`);
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}
