/**
 * Registers this database's register with the cloud: exchanges a one-time
 * registration code for a device token and keeps the token in the register's
 * token vault (src/main/sync/token-vault.ts: a 0600 file beside the database,
 * encrypted with Electron safeStorage in the app), never in the database. The
 * token is never returned, printed or logged.
 */
import type Database from 'better-sqlite3';
import { RegisterResponse } from '../../shared/sync/protocol';
import type { PosDb } from '../db/open';
import { SyncError } from './push';
import { fileVaultFor, type TokenVault } from './token-vault';

export interface RegisterDeviceOptions {
  serverUrl: string;
  code: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  now?: () => Date;
  /** Where the token goes (default: the file vault beside the database). */
  vault?: TokenVault;
}

export interface Registration {
  storeId: string;
  registerId: string;
  registerCode: string;
}

export async function registerDevice(db: PosDb | Database.Database, options: RegisterDeviceOptions): Promise<Registration> {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const identity = sqlite.prepare<[], { registerId: string; registerCode: string }>(`SELECT register_id AS registerId, register_code AS registerCode FROM device_identity WHERE id = 1`).get();
  if (!identity) throw new SyncError('not_registered', 'this database has no register identity');
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = new URL('/v1/register', options.serverUrl).toString();
  const timeoutMs = options.timeoutMs ?? 30_000;
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: options.code.trim(), registerId: identity.registerId, registerCode: identity.registerCode }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new SyncError('timeout', `the cloud did not answer within ${timeoutMs} ms`);
    throw new SyncError('network', `cannot reach the cloud at ${new URL(url).origin}: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (json as { message?: unknown } | null)?.message;
    throw new SyncError(res.status === 403 ? 'revoked' : res.status === 401 ? 'unauthorized' : 'server', `registration refused (${res.status}): ${typeof message === 'string' ? message : 'no reason given'}`, res.status);
  }
  const parsed = RegisterResponse.safeParse(json);
  if (!parsed.success) throw new SyncError('bad_response', 'the cloud answered something that is not a registration');
  const { token, storeId, registerCode } = parsed.data;
  const at = (options.now ?? (() => new Date()))().toISOString();
  // The vault first: a failure there (e.g. no encryption in the app) leaves the register as it was.
  (options.vault ?? fileVaultFor(db)).set(token);
  // The cloud names the register (its code is unique in the store): invoices printed from now on carry it.
  sqlite.transaction(() => {
    // device_token stays NULL: a token left there by an older version is replaced by the vault's.
    sqlite.prepare(`UPDATE device_identity SET device_token = NULL, register_code = ?, updated_at = ? WHERE id = 1`).run(registerCode, at);
    // Where this register syncs: local to this till (never synced, unlike the store's settings).
    sqlite
      .prepare(`INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(SYNC_SETTINGS_KEY, JSON.stringify({ serverUrl: new URL(options.serverUrl).origin, storeId }), at);
  })();
  return { storeId, registerId: identity.registerId, registerCode };
}

export const SYNC_SETTINGS_KEY = 'sync.server';

/** The cloud this register was registered with, or null. */
export function readSyncServer(db: PosDb | Database.Database): { serverUrl: string; storeId: string } | null {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const value = sqlite.prepare<[string], string>(`SELECT value FROM app_settings WHERE key = ?`).pluck().get(SYNC_SETTINGS_KEY);
  if (!value) return null;
  const parsed = JSON.parse(value) as { serverUrl?: unknown; storeId?: unknown };
  return typeof parsed.serverUrl === 'string' && typeof parsed.storeId === 'string' ? { serverUrl: parsed.serverUrl, storeId: parsed.storeId } : null;
}
