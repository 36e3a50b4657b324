import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../../test/db';
import { createServices, type Services } from '../services';
import { createRouter, type Router } from './router';
import { newSessionState } from './session-state';

let t: TempDb;
let services: Services;
let router: Router;
let logged: { channel: string; input: unknown; code?: string }[];

beforeEach(async () => {
  t = tempDb();
  services = createServices(t.db, { version: '0.0.0-test', shell: 'web' });
  await services.staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, null);
  logged = [];
  router = createRouter(services, { log: (e) => logged.push(e) });
});
afterEach(() => t.cleanup());

describe('router', () => {
  it('logs in, reports the session, and logs out', async () => {
    const session = newSessionState();
    const list = await router.call('pos:session.staffList', undefined, session);
    expect(list).toEqual({ ok: true, value: [{ id: 1, displayName: 'Lucía', role: 'cashier' }] });
    const login = await router.call('pos:session.login', { userId: 1, pin: '2468' }, session);
    expect(login).toMatchObject({ ok: true, value: { user: { id: 1, role: 'cashier' } } });
    expect(await router.call('pos:session.current', {}, session)).toMatchObject({ ok: true, value: { user: { id: 1 } } });
    expect(await router.call('pos:session.logout', {}, session)).toEqual({ ok: true, value: null });
    expect(session.current).toBeNull();
  });

  it('names the bad field and never runs the handler on invalid input', async () => {
    const session = newSessionState();
    const res = await router.call('pos:session.login', { userId: 1, pin: '12' }, session);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pin' } });
    const extra = await router.call('pos:session.login', { userId: 1, pin: '2468', admin: true }, session);
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(session.current).toBeNull();
  });

  it('keeps signed-in channels closed to an anonymous caller', async () => {
    expect(await router.call('pos:session.logout', {}, newSessionState())).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('answers unknown channels with an error, not a throw', async () => {
    expect(await router.call('pos:db.exec', { sql: 'DROP TABLE tblproductos' }, newSessionState())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('never logs a PIN', async () => {
    await router.call('pos:session.login', { userId: 1, pin: '9753' }, newSessionState());
    expect(JSON.stringify(logged)).not.toContain('9753');
    expect(logged.at(-1)).toMatchObject({ channel: 'pos:session.login', code: 'PIN_INVALID', input: { pin: '[redacted]' } });
  });
});
