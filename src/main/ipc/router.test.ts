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

  it('answers a 100,000-level nested input with a validation error, and logs it', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const res = await router.call('pos:session.login', deep, newSessionState());
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(logged.at(-1)).toMatchObject({ channel: 'pos:session.login', code: 'VALIDATION' });
    const arr = await router.call('pos:sales.scan', JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)), newSessionState());
    expect(arr).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('ends the session of a user disabled elsewhere, and applies a role change at the next call', async () => {
    const admin = await services.staff.create({ username: 'ana', displayName: 'Ana', role: 'admin', pin: '2580' }, null);
    const session = newSessionState();
    expect(await router.call('pos:session.login', { userId: 1, pin: '2468' }, session)).toMatchObject({ ok: true });
    expect(await router.call('pos:sales.current', {}, session)).toMatchObject({ ok: true });
    // Disabled from another process (the admin CLI) writing the same file.
    services.staff.disable('lucia', admin.id);
    expect(await router.call('pos:sales.current', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/ended/) },
    });
    expect(session.current).toBeNull();

    const manager = newSessionState();
    await services.staff.create({ username: 'carlos', displayName: 'Carlos', role: 'manager', pin: '1357' }, null);
    expect(await router.call('pos:session.login', { userId: 3, pin: '1357' }, manager)).toMatchObject({ ok: true });
    t.db.sqlite.prepare(`UPDATE staff_users SET role = 'cashier' WHERE id = 3`).run();
    expect(await router.call('pos:settings.updateStore', { storeName: 'X' }, manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(manager.current?.user.role).toBe('cashier');
  });

  it('shows a signed-out caller only the store settings the login screen needs', async () => {
    services.settings.updateStore({ storeName: 'Moda Andina', thermalPrinterHost: '10.0.0.9', receiptHeader: ['NIT 900.123.456-7'] });
    const anon = newSessionState();
    expect(await router.call('pos:settings.storePublic', {}, anon)).toEqual({
      ok: true,
      value: { storeName: 'Moda Andina', currency: expect.any(String), locale: expect.any(String) },
    });
    expect(await router.call('pos:settings.store', {}, anon)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await router.call('pos:session.login', { userId: 1, pin: '2468' }, anon);
    expect(await router.call('pos:settings.store', {}, anon)).toMatchObject({ ok: true, value: { thermalPrinterHost: '10.0.0.9' } });
  });

  it('returns every field at fault at once', async () => {
    const session = newSessionState();
    await router.call('pos:session.login', { userId: 1, pin: '2468' }, session);
    const res = await router.call('pos:customers.create', { documentTypeCode: 'CC', document: '!', firstName: '', lastName: '', countryCode: 'co' }, session);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fields = (res as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(['countryCode', 'document', 'firstName', 'lastName']);
  });

  it('strips control and bidi characters from typed names before saving', async () => {
    const session = newSessionState();
    await router.call('pos:session.login', { userId: 1, pin: '2468' }, session);
    const res = await router.call(
      'pos:customers.create',
      { documentTypeCode: 'NATIONAL_ID', document: '1020304050', firstName: 'Mar\u0000ía', lastName: '\u202EPeña\u202C', countryCode: 'CO' },
      session,
    );
    expect(res).toMatchObject({ ok: true, value: { firstName: 'María', lastName: 'Peña' } });
    expect(await router.call('pos:customers.search', { query: 'María Peña' }, session)).toMatchObject({ ok: true, value: [{ name: 'María Peña' }] });
  });

  it('never logs a PIN', async () => {
    await router.call('pos:session.login', { userId: 1, pin: '9753' }, newSessionState());
    expect(JSON.stringify(logged)).not.toContain('9753');
    expect(logged.at(-1)).toMatchObject({ channel: 'pos:session.login', code: 'PIN_INVALID', input: { pin: '[redacted]' } });
  });
});
