import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, ipcCallLogger } from './logger';
import { redact } from '../ipc/redact';

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
});
