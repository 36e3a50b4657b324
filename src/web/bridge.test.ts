import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../test/db';
import { createRouter } from '../main/ipc/router';
import { newSessionState } from '../main/ipc/session-state';
import { createServices } from '../main/services';
import { createBridgeApp, TOKEN_HEADER } from './bridge';

const HOST = '127.0.0.1:5999';
const ORIGIN = `http://${HOST}`;
const TOKEN = 'test-token-0123456789';

let t: TempDb;
let app: ReturnType<typeof createBridgeApp>;

beforeEach(async () => {
  t = tempDb();
  const services = createServices(t.db, { version: 'test', shell: 'web' });
  await services.staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, null);
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>POS</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  app = createBridgeApp({ router: createRouter(services), session: newSessionState(), rendererDir, token: TOKEN, host: HOST });
});
afterEach(() => t.cleanup());

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}/api/${channel}`, {
    method: 'POST',
    headers: { host: HOST, origin: ORIGIN, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify(body),
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
