import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../../test/db';
import { testStore, type TestStore } from '../../../test/store';
import { createServices } from '../services';
import { createRouter } from './router';
import { newSessionState } from './session-state';

describe('settings and staff channels', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await testStore(5, 6);
  });
  afterEach(() => t.cleanup());

  const signedIn = async (userId: number, pin: string) => {
    const router = createRouter(t.services);
    const session = newSessionState();
    expect((await router.call('pos:session.login', { userId, pin }, session)).ok).toBe(true);
    return (channel: string, input: unknown) => router.call(channel, input, session);
  };

  it('a manager changes store settings and tax rates; a cashier may not', async () => {
    const cashier = await signedIn(t.cashier.id, '2468');
    expect(await cashier('pos:settings.updateStore', { stockPolicy: 'block' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager = await signedIn(t.manager.id, '1357');
    expect(await manager('pos:settings.updateStore', { stockPolicy: 'block', receiptColumns: 32 })).toMatchObject({ ok: true, value: { stockPolicy: 'block', receiptColumns: 32 } });
    expect(t.services.settings.store().stockPolicy).toBe('block');
    expect(await manager('pos:settings.updateStore', { defaultTaxCode: 'NOPE' })).toMatchObject({ ok: false, error: { field: 'defaultTaxCode' } });
    expect(await manager('pos:settings.updateStore', { registerCode: 'r 1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'registerCode' } });
    expect(await manager('pos:settings.updateStore', { currency: 'XYZ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'currency' } });
    const saved = await manager('pos:settings.saveTaxRate', { code: 'INC8', name: 'Impoconsumo 8 %', rateBp: 800, active: true });
    expect(saved.ok && (saved.value as { code: string }[]).map((r) => r.code)).toContain('INC8');
    const cats = await manager('pos:settings.categories', {});
    const first = (cats as { ok: true; value: { id: number }[] }).value[0]!;
    const assigned = await manager('pos:settings.assignTaxRate', { target: 'category', id: first.id, taxCode: 'INC8' });
    expect((assigned as { ok: true; value: { id: number; taxCode: string | null }[] }).value.find((c) => c.id === first.id)?.taxCode).toBe('INC8');
  });

  it('only an admin adds and disables staff', async () => {
    const manager = await signedIn(t.manager.id, '1357');
    expect(await manager('pos:staff.add', { username: 'sofia', displayName: 'Sofía', role: 'cashier', pin: '4826' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const adminId = t.services.staff.list().find((s) => s.role === 'admin')!.id;
    const admin = await signedIn(adminId, '2580');
    const added = await admin('pos:staff.add', { username: 'Sofia', displayName: 'Sofía', role: 'cashier', pin: '4826' });
    expect(added).toMatchObject({ ok: true, value: { username: 'sofia', role: 'cashier', active: true } });
    const id = (added as { ok: true; value: { id: number } }).value.id;
    expect(await admin('pos:staff.disable', { id })).toMatchObject({ ok: true, value: { active: false } });
    expect(await admin('pos:staff.add', { username: 'weak', displayName: 'W', role: 'cashier', pin: '1234' })).toMatchObject({ ok: false, error: { field: 'pin' } });
  });
});

describe('a brand-new store', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('creates its first admin from the login screen, once', async () => {
    const router = createRouter(createServices(t.db, { version: 'test', shell: 'web' }));
    const session = newSessionState();
    expect(await router.call('pos:session.staffList', {}, session)).toEqual({ ok: true, value: [] });
    const first = await router.call('pos:session.bootstrapAdmin', { username: 'duena', displayName: 'Dueña', pin: '2580' }, session);
    expect(first).toMatchObject({ ok: true, value: { user: { role: 'admin', displayName: 'Dueña' } } });
    expect(session.current?.user.role).toBe('admin');
    const again = await router.call('pos:session.bootstrapAdmin', { username: 'intruso', displayName: 'X', pin: '2580' }, newSessionState());
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
