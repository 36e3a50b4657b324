import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../test/db';
import { createRouter } from '../main/ipc/router';
import { createServices } from '../main/services';
import { createBridgeApp, TOKEN_HEADER } from './bridge';
import { CLIENT_HEADER } from './client-sessions';

const HOST = '127.0.0.1:5999';
const ORIGIN = `http://${HOST}`;
const TOKEN = 'test-token-0123456789';

let t: TempDb;
let app: ReturnType<typeof createBridgeApp>;
/** The session cookie our page got, and its tab's id. */
let cookie: string;
const TAB = 'tab-aaaaaaaaaaaaaaaa';

/** What a browser (or any process) gets when it loads the page: the cookie it is given. */
async function loadPage(sendCookie?: string): Promise<{ html: string; setCookie: string | null }> {
  const res = await app.request(`${ORIGIN}/`, { headers: { host: HOST, ...(sendCookie ? { cookie: sendCookie } : {}) } });
  return { html: await res.text(), setCookie: res.headers.get('set-cookie') };
}

beforeEach(async () => {
  t = tempDb();
  const services = createServices(t.db, { version: 'test', shell: 'web' });
  await services.staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, null);
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>POS</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  app = createBridgeApp({ router: createRouter(services), rendererDir, token: TOKEN, host: HOST });
  cookie = (await loadPage()).setCookie!.split(';')[0]!;
});
afterEach(() => t.cleanup());

const post = (channel: string, body: unknown, headers: Record<string, string> = {}, raw?: string) =>
  app.request(`${ORIGIN}/api/${channel}`, {
    method: 'POST',
    headers: {
      host: HOST,
      origin: ORIGIN,
      'content-type': 'application/json',
      [TOKEN_HEADER]: TOKEN,
      'sec-fetch-site': 'same-origin',
      cookie,
      [CLIENT_HEADER]: TAB,
      ...headers,
    },
    body: raw ?? JSON.stringify(body),
  });

describe('web bridge', () => {
  it('hands the token to the page it serves, with a strict CSP', async () => {
    const res = await app.request(`${ORIGIN}/`, { headers: { host: HOST } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<meta name="pos-bridge-token" content="${TOKEN}" />`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('also answers on localhost, but only to its own origin', async () => {
    const local = 'localhost:5999';
    expect((await post('pos:session.staffList', {}, { host: local, origin: `http://${local}` })).status).toBe(200);
    expect((await post('pos:session.staffList', {}, { host: local, origin: ORIGIN })).status).toBe(403);
    expect((await post('pos:session.staffList', {}, { host: 'localhost:6000', origin: 'http://localhost:6000' })).status).toBe(403);
  });

  it('serves nothing to another Host name (DNS rebinding)', async () => {
    const res = await app.request(`http://evil.example:5999/`, { headers: { host: 'evil.example:5999' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(TOKEN);
    expect((await post('pos:session.staffList', {}, { host: 'evil.example:5999' })).status).toBe(403);
  });

  it('runs a call from our page', async () => {
    const res = await post('pos:session.login', { userId: 1, pin: '2468' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { user: { displayName: 'Lucía' } } });
  });

  it('refuses calls without the token, with a wrong one, or from another origin', async () => {
    expect((await post('pos:session.staffList', {}, { [TOKEN_HEADER]: '' })).status).toBe(403);
    expect((await post('pos:session.staffList', {}, { [TOKEN_HEADER]: 'test-token-0123456780' })).status).toBe(403);
    expect((await post('pos:session.staffList', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('pos:session.staffList', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('gives each browser an HttpOnly, SameSite=Strict session cookie, kept across reloads', async () => {
    const first = await loadPage();
    expect(first.setCookie).toMatch(/^pos_sid=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await loadPage(cookie)).setCookie).toBeNull();
    // A cookie this run did not mint (another run, or made up) is replaced.
    expect((await loadPage('pos_sid=abc.def')).setCookie).toMatch(/^pos_sid=/);
  });

  it('gives every client its own session: another tab or a process that read the page starts signed out', async () => {
    expect(await (await post('pos:session.login', { userId: 1, pin: '2468' })).json()).toMatchObject({ ok: true });
    expect(await (await post('pos:sales.current', {})).json()).toMatchObject({ ok: true });

    // Another tab of the same browser: same cookie, its own tab id.
    const otherTab = await post('pos:sales.current', {}, { [CLIENT_HEADER]: 'tab-bbbbbbbbbbbbbbbb' });
    expect(await otherTab.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // A local process that fetched the page has the token and a cookie of its own, never the browser's.
    const stranger = (await loadPage()).setCookie!.split(';')[0]!;
    expect(stranger).not.toBe(cookie);
    const ride = await post('pos:staff.add', { username: 'x9', displayName: 'X', role: 'admin', pin: '2580' }, { cookie: stranger });
    expect(await ride.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await (await post('pos:session.current', {}, { cookie: stranger })).json()).toEqual({ ok: true, value: null });

    // The first tab is still signed in as before.
    expect(await (await post('pos:session.current', {})).json()).toMatchObject({ ok: true, value: { user: { displayName: 'Lucía' } } });
  });

  it('refuses calls without our cookie or a tab id, saying which', async () => {
    const noCookie = await post('pos:session.staffList', {}, { cookie: '' });
    expect(noCookie.status).toBe(403);
    expect(await noCookie.json()).toMatchObject({ error: { message: /cookie/ } });
    expect((await post('pos:session.staffList', {}, { cookie: 'pos_sid=forged.value' })).status).toBe(403);
    const noTab = await post('pos:session.staffList', {}, { [CLIENT_HEADER]: '' });
    expect(await noTab.json()).toMatchObject({ error: { message: /x-pos-client/ } });
  });

  it('answers a 100,000-level nested body with a validation error, not a 500', async () => {
    const res = await post('pos:session.login', null, {}, '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('accepts only JSON POSTs', async () => {
    expect((await post('pos:session.staffList', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const get = await app.request(`${ORIGIN}/api/pos:session.staffList`, { headers: { host: HOST } });
    expect(get.status).toBe(405);
  });

  it('passes validation errors through with the field named', async () => {
    const res = await post('pos:session.login', { userId: 'one', pin: '2468' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'userId' } });
  });

  it('serves built assets but nothing outside the renderer folder', async () => {
    expect((await app.request(`${ORIGIN}/assets/app.js`, { headers: { host: HOST } })).status).toBe(200);
    const escape = await app.request(`${ORIGIN}/..%2f..%2fpos.sqlite`, { headers: { host: HOST } });
    expect(escape.status).toBe(404);
  });
});
