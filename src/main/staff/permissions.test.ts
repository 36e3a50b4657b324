import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cart } from '../../shared/ipc/dto-sales';
import type { AuditPage, RoleGrantDto } from '../../shared/ipc/dto-staff';
import { testStore, type TestStore } from '../../../test/store';
import { createRouter } from '../ipc/router';
import { newSessionState } from '../ipc/session-state';

let t: TestStore;
let adminId: number;
beforeEach(async () => {
  t = await testStore(5, 6);
  adminId = t.services.staff.list().find((s) => s.role === 'admin')!.id;
});
afterEach(() => t.cleanup());

const signedIn = async (userId: number, pin: string) => {
  const router = createRouter(t.services);
  const session = newSessionState();
  expect((await router.call('pos:session.login', { userId, pin }, session)).ok).toBe(true);
  return (channel: string, input: unknown = {}) => router.call(channel, input, session);
};
const value = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};

describe('role permissions, enforced in main', () => {
  it("refuses a cashier's call to a manager channel, and lets it through at the next call once an admin grants it", async () => {
    const cashier = await signedIn(t.cashier.id, '2468');
    expect(await cashier('pos:settings.updateStore', { stockPolicy: 'block' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('settings.manage') },
    });
    expect(await cashier('pos:audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cashier('pos:staff.setRoleGrant', { role: 'cashier', permissions: ['settings.manage'], discountLimitBp: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const admin = await signedIn(adminId, '2580');
    const cashierGrant = value<RoleGrantDto[]>(await admin('pos:staff.roles')).find((g) => g.role === 'cashier')!;
    expect(cashierGrant).toMatchObject({ editable: true, permissions: ['sales.discount', 'sales.void'], discountLimitBp: 0 });
    value(await admin('pos:staff.setRoleGrant', { role: 'cashier', permissions: [...cashierGrant.permissions, 'settings.manage'], discountLimitBp: 0 }));
    // The same signed-in cashier, no new login: the grant is re-read on every call.
    expect(await cashier('pos:settings.updateStore', { stockPolicy: 'block' })).toMatchObject({ ok: true });
    expect(value<{ grant: { permissions: string[] } }>(await cashier('pos:session.current')).grant.permissions).toContain('settings.manage');

    value(await admin('pos:staff.setRoleGrant', { role: 'cashier', permissions: ['sales.discount'], discountLimitBp: 0 }));
    expect(await cashier('pos:settings.updateStore', { stockPolicy: 'warn' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Void was taken away too: the till cannot cancel a sale by calling the channel directly.
    expect(await cashier('pos:sales.voidCurrent', { draftId: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'sales.void' } } });
  });

  it('refuses a cashier the stock channels even with the screen bypassed, and lets a manager adjust', async () => {
    const cashier = await signedIn(t.cashier.id, '2468');
    const v = t.variant(0);
    const adjust = { reasonCode: 'correction', lines: [{ variantId: v.variantId, quantity: -1 }] };
    expect(await cashier('pos:inventory.adjust', adjust)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'stock.adjust' } } });
    expect(await cashier('pos:inventory.startCount', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cashier('pos:inventory.sendTransfer', { toStore: 'NORTE', lines: [{ variantId: v.variantId, quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cashier('pos:customerAdmin.erase', { id: 1, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Reading stock is for everyone, but costs only for roles that see them.
    const seen = value<{ rows: { unitCost: number | null }[]; stockValue: number | null }>(await cashier('pos:inventory.stock', { text: v.barcode }));
    expect(seen.stockValue).toBeNull();
    const manager = await signedIn(t.manager.id, '1357');
    expect(value<{ movements: number }>(await manager('pos:inventory.adjust', adjust)).movements).toBe(1);
    expect(value<{ stockValue: number | null }>(await manager('pos:inventory.stock', { text: v.barcode })).stockValue).not.toBeNull();
    expect(await manager('pos:inventory.adjust', { ...adjust, lines: [{ variantId: v.variantId, quantity: 0 }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'lines.0.quantity' } });
  });

  it('keeps the admin role whole, names bad input, and audits and syncs each change once', async () => {
    const admin = await signedIn(adminId, '2580');
    expect(await admin('pos:staff.setRoleGrant', { role: 'admin', permissions: [], discountLimitBp: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'role' } });
    expect(await admin('pos:staff.setRoleGrant', { role: 'manager', permissions: ['root'], discountLimitBp: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await admin('pos:staff.setRoleGrant', { role: 'manager', permissions: [], discountLimitBp: 10_001 })).toMatchObject({ ok: false, error: { field: 'discountLimitBp' } });
    value(await admin('pos:staff.setRoleGrant', { role: 'manager', permissions: ['sales.discount', 'stock.count'], discountLimitBp: 3000 }));
    value(await admin('pos:staff.setRoleGrant', { role: 'manager', permissions: ['stock.count', 'sales.discount'], discountLimitBp: 3000 }));
    const audit = value<AuditPage>(await admin('pos:audit.list', { action: 'staff.permissions' }));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ entity: 'role_permissions', entityId: 'manager', staffId: adminId, details: { after: { permissions: ['sales.discount', 'stock.count'], discountLimitBp: 3000 } } });
    const docs = t.db.sqlite.prepare(`SELECT payload FROM sync_outbox WHERE type = 'role_permissions.changed'`).pluck().all() as string[];
    expect(docs.map((d) => JSON.parse(d))).toEqual([{ role: 'manager', baseChangeId: null, permissions: ['sales.discount', 'stock.count'], discountLimitBp: 3000 }]);
    // The manager lost settings.manage: refused at once.
    const manager = await signedIn(t.manager.id, '1357');
    expect(await manager('pos:settings.updateStore', { stockPolicy: 'block' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never lets the last admin go, whether demoted or disabled', async () => {
    const admin = await signedIn(adminId, '2580');
    expect(await admin('pos:staff.setRole', { id: adminId, role: 'manager' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(value<{ role: string }>(await admin('pos:staff.setRole', { id: t.manager.id, role: 'admin' })).role).toBe('admin');
    expect(value<{ role: string }>(await admin('pos:staff.setRole', { id: adminId, role: 'cashier' })).role).toBe('cashier');
    // Now a cashier: the very next call is judged by the new role.
    expect(await admin('pos:staff.roles')).toMatchObject({ ok: true });
    expect(await admin('pos:staff.setRole', { id: t.manager.id, role: 'cashier' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('discount limits per role', () => {
  const percent = (bp: number) => ({ kind: 'percent', percentBp: bp, reason: 'fidelidad' });

  it('lets a role give discounts up to its limit; above it a PIN whose limit covers it is needed', async () => {
    t.services.permissions.set('cashier', { permissions: ['sales.discount', 'sales.void'], discountLimitBp: 2000 }, null);
    t.services.permissions.set('manager', { permissions: ['sales.discount', 'sales.overridePrice'], discountLimitBp: 3000 }, null);
    const cashier = await signedIn(t.cashier.id, '2468');
    const v = t.variant(0);
    const cart = value<{ cart: Cart }>(await cashier('pos:sales.scan', { code: v.barcode })).cart;
    const lineId = cart.lines[0]!.lineId;
    // Store threshold is 10 %; the cashier's role allows 20 %.
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(2000) })).toMatchObject({ ok: true });
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(2500) })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', details: { thresholdBp: 2000 } } });
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(2500), approval: { userId: t.manager.id, pin: '1357' } })).toMatchObject({ ok: true });
    // The manager's own limit is 30 %: 40 % is refused naming them.
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(4000), approval: { userId: t.manager.id, pin: '1357' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('30 %') },
    });
    const stored = t.db.sqlite.prepare(`SELECT discount_value FROM tbldetalle_factura WHERE id_det_fac = ?`).pluck().get(lineId);
    expect(stored).toBe(2500);
  });

  it('a role without the discount permission needs approval for any discount, even under the threshold', async () => {
    t.services.permissions.set('cashier', { permissions: ['sales.void'], discountLimitBp: 0 }, null);
    const cashier = await signedIn(t.cashier.id, '2468');
    const cart = value<{ cart: Cart }>(await cashier('pos:sales.scan', { code: t.variant(0).barcode })).cart;
    const lineId = cart.lines[0]!.lineId;
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(500) })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(await cashier('pos:sales.setLineDiscount', { lineId, discount: percent(500), approval: { userId: t.manager.id, pin: '1357' } })).toMatchObject({ ok: true });
  });
});

describe('the audit log viewer', () => {
  it('filters by user, action prefix, entity and day, newest first, in pages', async () => {
    const admin = await signedIn(adminId, '2580');
    const manager = await signedIn(t.manager.id, '1357');
    value(await manager('pos:settings.updateStore', { stockPolicy: 'block' }));
    t.clock.advance(86_400_000 * 2);
    value(await manager('pos:settings.updateStore', { stockPolicy: 'warn' }));
    const byManager = value<AuditPage>(await admin('pos:audit.list', { staffId: t.manager.id, entity: 'app_settings' }));
    expect(byManager.entries.map((e) => e.details?.after)).toEqual([{ stockPolicy: 'warn' }, { stockPolicy: 'block' }]);
    expect(byManager.entries[0]!.staffName).toBe(t.manager.displayName);
    const today = t.clock.now().toISOString().slice(0, 10);
    const onlyToday = value<AuditPage>(await admin('pos:audit.list', { action: 'settings.', from: today, to: today }));
    expect(onlyToday.entries).toHaveLength(1);
    const sessions = value<AuditPage>(await admin('pos:audit.list', { action: 'session.', limit: 1 }));
    expect(sessions.entries).toHaveLength(1);
    expect(sessions.nextBefore).not.toBeNull();
    const older = value<AuditPage>(await admin('pos:audit.list', { action: 'session.', limit: 1, before: sessions.nextBefore }));
    expect(older.entries[0]!.id).toBeLessThan(sessions.entries[0]!.id);
    expect(await admin('pos:audit.list', { from: '2026-12-05', to: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'to' } });
    const facets = value<{ actions: string[]; entities: string[] }>(await admin('pos:audit.facets'));
    expect(facets.actions).toContain('settings.update');
    expect(facets.entities).toContain('app_settings');
  });
});
