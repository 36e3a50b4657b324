/**
 * Structured logs for support: JSON lines, one file per app data folder.
 * IPC calls are logged with secret fields already redacted by the router.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { CallLog } from '../ipc/router';

export function createFileLogger(dir: string, level = process.env.POS_LOG_LEVEL ?? 'info'): Logger {
  fs.mkdirSync(dir, { recursive: true });
  // Synchronous writes: a log line about a crash must not be lost with the process.
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: path.join(dir, 'main.log'), sync: true, mkdir: true }));
}

/** Every IPC call at debug, slow ones (over 40 ms) at warn, internal errors at error. */
export function ipcCallLogger(log: Logger): CallLog {
  return (e) => {
    const entry = { channel: e.channel, ms: Math.round(e.ms * 10) / 10, ok: e.ok, ...(e.code ? { code: e.code } : {}) };
    if (!e.ok && e.code === 'INTERNAL') log.error({ ...entry, input: e.input, err: e.error }, 'ipc call failed');
    else if (e.ms > 40) log.warn(entry, 'slow ipc call');
    else log.debug({ ...entry, input: e.input }, 'ipc call');
  };
}
