/**
 * The one way the renderer reaches main. In Electron the preload exposes the
 * API at window.pos. In the browser preview the web bridge serves the page
 * with <meta name="pos-bridge-token" content="..."> and answers POST
 * /api/<channel>; we build the same typed API over fetch.
 */
import type { ErrorInfo, Result } from '../../shared/errors';
import { buildPosApi, type Invoke, type PosApi } from '../../shared/ipc/api';
import { NETWORK_DETAIL } from '../i18n/error-message';

export const BRIDGE_TOKEN_META = 'pos-bridge-token';
export const BRIDGE_TOKEN_HEADER = 'x-pos-token';
/** Names this tab to the bridge: each tab has its own sign-in (the bridge's session cookie names the browser). */
export const BRIDGE_CLIENT_HEADER = 'x-pos-client';
const CLIENT_ID_KEY = 'pos-client-id';

/** This tab's id: kept in sessionStorage, so a reload keeps the tab signed in and another tab does not share it. */
export function tabClientId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeSessionStorage()): string {
  const stored = storage?.getItem(CLIENT_ID_KEY);
  if (stored && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return stored;
  const id = crypto.randomUUID();
  storage?.setItem(CLIENT_ID_KEY, id);
  return id;
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

const internal = (message: string, network = false): { ok: false; error: ErrorInfo } => ({
  ok: false,
  error: { code: 'INTERNAL', message, ...(network ? { details: { [NETWORK_DETAIL]: true } } : {}) },
});

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

export function readBridgeToken(doc: Document): string | null {
  const content = doc.querySelector(`meta[name="${BRIDGE_TOKEN_META}"]`)?.getAttribute('content')?.trim();
  return content ? content : null;
}

/** The fetch transport of the browser preview. Never throws: failures come back as INTERNAL results. */
export function bridgeTransport(token: string | null, clientId: string = tabClientId()): Invoke {
  return async (channel, input) => {
    if (!token) {
      return internal(`no window.pos and no <meta name="${BRIDGE_TOKEN_META}">: not running in the app or the web bridge`);
    }
    let response: Response;
    try {
      response = await globalThis.fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token, [BRIDGE_CLIENT_HEADER]: clientId },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch (err) {
      return internal(`cannot reach the web bridge for ${channel}: ${err instanceof Error ? err.message : String(err)}`, true);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return internal(`the web bridge answered ${channel} with HTTP ${response.status} and no JSON body`, true);
    }
    return isResult(body) ? body : internal(`the web bridge answered ${channel} with something that is not a Result`);
  };
}

/** window.pos when the preload provided it, otherwise the fetch bridge. */
export function createPosClient(win: Window = window): PosApi {
  if (win.pos) return win.pos;
  return buildPosApi(bridgeTransport(readBridgeToken(win.document)));
}

let cached: PosApi | null = null;

/** The app-wide client, created on first use. */
export function posClient(): PosApi {
  cached ??= createPosClient();
  return cached;
}
