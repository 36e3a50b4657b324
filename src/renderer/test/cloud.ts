/**
 * A real cloud for renderer tests (Hono on PGlite over HTTP on an ephemeral
 * port, in a child process: see cloud-child.ts), and the registration of a
 * RealPos register with it through main's registerDevice. Ended when the
 * test ends.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { onTestFinished } from 'vitest';
import { registerDevice } from '../../main/sync/register-device';
import { nodeFetch } from './node-fetch';
import type { RealPos } from './real-pos';

export interface TestCloud {
  url: string;
  storeId: string;
  /** Registers this register with the cloud (server URL and device token stored in its database). */
  register(pos: RealPos): Promise<void>;
  revoke(pos: RealPos, reason: string): Promise<void>;
  /** Stops listening (the register sees the cloud unreachable). */
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

export async function startTestCloud(): Promise<TestCloud> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/renderer/test/cloud-child.ts')], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill(), 5_000).unref();
      }),
  );
  const waiting = new Map<number, (value: Record<string, unknown>) => void>();
  let ready: (value: { url: string; storeId: string }) => void = () => undefined;
  const started = new Promise<{ url: string; storeId: string }>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) => reject(new Error(`the test cloud exited (${code}) before it was ready`)));
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (typeof message.id === 'number') waiting.get(message.id)?.(message);
    else ready(message as { url: string; storeId: string });
  });
  let next = 0;
  const ask = (op: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (answer) => (typeof answer.error === 'string' ? reject(new Error(answer.error)) : resolve(answer)));
      child.stdin.write(`${JSON.stringify({ id, ...op })}\n`);
    });
  const { url, storeId } = await started;
  return {
    url,
    storeId,
    async register(pos) {
      const { code } = await ask({ op: 'code' });
      await registerDevice(pos.db, { serverUrl: url, code: String(code), fetch: nodeFetch });
    },
    async revoke(pos, reason) {
      await ask({ op: 'revoke', registerId: pos.services.device.identity().registerId, reason });
    },
    async stop() {
      await ask({ op: 'stop' });
    },
  };
}
