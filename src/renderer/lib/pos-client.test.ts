import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PosApi } from '../../shared/ipc/api';
import { createRealPos } from '../test/real-pos';
import { createPosClient, tabClientId } from './pos-client';

function setToken(token: string | null) {
  document.head.querySelectorAll('meta[name="pos-bridge-token"]').forEach((el) => el.remove());
  if (token === null) return;
  const meta = document.createElement('meta');
  meta.setAttribute('name', 'pos-bridge-token');
  meta.setAttribute('content', token);
  document.head.append(meta);
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('tab client id', () => {
  it('is kept per tab (sessionStorage), so a reload keeps it and a new tab gets another', () => {
    const tab = new Map<string, string>();
    const storage = { getItem: (k: string) => tab.get(k) ?? null, setItem: (k: string, v: string) => void tab.set(k, v) };
    const id = tabClientId(storage);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(tabClientId(storage)).toBe(id);
    const other = new Map<string, string>();
    expect(tabClientId({ getItem: (k) => other.get(k) ?? null, setItem: (k, v) => void other.set(k, v) })).not.toBe(id);
  });
});

describe('pos client', () => {
  beforeEach(() => {
    delete window.pos;
    setToken('tok-123');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete window.pos;
    setToken(null);
  });

  it('uses window.pos when the preload provided it, and never fetches', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchSpy);
    const pos = await createRealPos();
    const preload: PosApi = pos.api;
    window.pos = preload;

    const client = createPosClient();
    expect(client).toBe(preload);
    const status = await client.app.status();
    expect(status).toEqual({ ok: true, value: { version: 'test', shell: 'web', sync: { state: 'not_configured', pending: pos.services.outboxPending(), lastSyncAt: null, lastError: null, rejected: 0 } } });
    expect(pos.calls).toEqual([{ channel: 'app.status', input: {} }]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('otherwise posts to /api/<channel> with the bridge token', async () => {
    const session = { user: { id: 1, displayName: 'Ana', role: 'cashier' }, since: '2026-05-14T10:00:00.000Z' };
    const fetchSpy = vi.fn<typeof fetch>(async () => jsonResponse({ ok: true, value: session }));
    vi.stubGlobal('fetch', fetchSpy);

    const result = await createPosClient().session.login({ userId: 1, pin: '2580' });

    expect(result).toEqual({ ok: true, value: session });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/pos%3Asession.login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toEqual({ 'content-type': 'application/json', 'x-pos-token': 'tok-123', 'x-pos-client': tabClientId() });
    expect(JSON.parse(String(init?.body))).toEqual({ userId: 1, pin: '2580' });
  });

  it('sends {} for channels without input and passes error results through', async () => {
    const failure = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in with your PIN first' } };
    const fetchSpy = vi.fn<typeof fetch>(async () => jsonResponse(failure, 401));
    vi.stubGlobal('fetch', fetchSpy);

    const result = await createPosClient().session.logout();

    expect(result).toEqual(failure);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe('/api/pos%3Asession.logout');
    expect(fetchSpy.mock.calls[0]?.[1]?.body).toBe('{}');
  });

  it('turns a network failure into an INTERNAL result instead of throwing', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const result = await createPosClient().app.status();

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toMatch(/cannot reach the web bridge.*Failed to fetch/);
    expect(result.error.details).toEqual({ network: true });
  });

  it('turns a body that is not JSON, or not a Result, into INTERNAL', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })));
    const notJson = await createPosClient().app.status();
    expect(notJson.ok ? null : notJson.error.code).toBe('INTERNAL');
    expect(notJson.ok ? '' : notJson.error.message).toMatch(/HTTP 502/);

    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => jsonResponse({ hello: 'world' })));
    const notResult = await createPosClient().app.status();
    expect(notResult.ok ? null : notResult.error.code).toBe('INTERNAL');
  });

  it('without a token it does not call the bridge at all', async () => {
    setToken(null);
    const fetchSpy = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchSpy);

    const result = await createPosClient().app.status();

    expect(fetchSpy).not.toHaveBeenCalled();
    expect(result.ok ? null : result.error.code).toBe('INTERNAL');
  });
});
