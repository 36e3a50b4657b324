import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, ipcCallLogger } from './logger';
import { redact } from '../ipc/redact';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { newSessionState } from '../ipc/session-state';
import { createServices } from '../services';
import { tempDb } from '../../../test/db';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('file logger', () => {
  it('writes IPC calls as JSON lines, slow and failed ones above debug, never a PIN', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-log-'));
    const log = createFileLogger(dir, 'debug');
    const call = ipcCallLogger(log);
    call({ channel: 'pos:session.login', ms: 12.34, ok: false, code: 'PIN_INVALID', input: redact({ userId: 1, pin: '2468' }) });
    call({ channel: 'pos:catalog.search', ms: 75, ok: true, input: { query: 'camisa' } });
    call({ channel: 'pos:sales.complete', ms: 3, ok: false, code: 'INTERNAL', input: { completionKey: 'k' } });
    const lines = fs.readFileSync(path.join(dir, 'main.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.channel, l.msg])).toEqual([
      [20, 'pos:session.login', 'ipc call'],
      [40, 'pos:catalog.search', 'slow ipc call'],
      [50, 'pos:sales.complete', 'ipc call failed'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('2468');
    expect(lines[0]).toMatchObject({ ms: 12.3, code: 'PIN_INVALID', input: { pin: '[redacted]' } });
  });

  it("keeps a bug's stack in the log file, and tells the caller only a stable code", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-log-'));
    const t = tempDb();
    try {
      const broken = { ...handlers, app: { status: () => (undefined as unknown as { x: () => void }).x() } };
      const router = createRouter(createServices(t.db, { version: 't', shell: 'web' }), { log: ipcCallLogger(createFileLogger(dir)), handlers: broken as unknown as typeof handlers });
      const result = await router.call('pos:app.status', {}, newSessionState());
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the error was logged.' } });
      const line = JSON.parse(fs.readFileSync(path.join(dir, 'main.log'), 'utf8').trim()) as { msg: string; err: { type: string; stack: string } };
      expect(line.msg).toBe('ipc call failed');
      expect(line.err.type).toBe('TypeError');
      expect(line.err.stack).toMatch(/logger\.test\.ts/);
    } finally {
      t.cleanup();
    }
  });
});
