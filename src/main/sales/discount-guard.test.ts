/**
 * A discount given under the approval threshold must not grow past it when
 * the amounts change later (issue: qty 100 with 10 % off as an amount, then
 * qty 1 made the line free with nobody's approval).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PIN_ATTEMPTS } from '../staff/staff-service';
import { testStore, type TestStore } from '../../../test/store';
import { discountShareBp, exceedsAllowance } from './discount-guard';

let t: TestStore;
beforeEach(async () => {
  t = await testStore();
  t.services.settings.updateStore({ discountApprovalBp: 1000, stockPolicy: 'warn' });
});
afterEach(() => t.cleanup());

const one = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).pluck().get(...args);
const managerPin = () => ({ userId: t.manager.id, pin: '1357' });
const tenPercentOf = (gross: number) => Math.floor(gross / 10);

describe('discount share', () => {
  it('is a percent as given, and an amount rounded up so share > limit means exactly more than the limit', () => {
    expect(discountShareBp({ kind: 'percent', percentBp: 1500 }, 1, 7)).toBe(1500);
    expect(discountShareBp({ kind: 'amount', amount: 1000 }, 1000, 10_000)).toBe(1000);
    expect(discountShareBp({ kind: 'amount', amount: 1001 }, 1001, 10_000)).toBe(1001);
    expect(discountShareBp({ kind: 'amount', amount: 1000 }, 1000, 10_001)).toBe(1000);
    expect(exceedsAllowance(1000, 1000, null)).toBe(false);
    expect(exceedsAllowance(1001, 1000, null)).toBe(true);
    expect(exceedsAllowance(2500, 1000, 2500)).toBe(false);
  });
});

describe('a discount re-checked when the amounts change', () => {
  it('refuses lowering the quantity under an amount discount until a manager approves, and audits the change', async () => {
    const v = t.variant(0);
    const cart = t.services.sales.addVariant(t.cashier, v.variantId, 100);
    const line = cart.lines[0]!;
    const given = await t.services.sales.setLineDiscount(t.cashier, line.lineId, { kind: 'amount', amount: tenPercentOf(line.gross), reason: 'Volumen' });
    expect(given.lines[0]!.approvedBy).toBeNull();

    await expect(t.services.sales.setQuantity(t.cashier, line.lineId, 1)).rejects.toMatchObject({
      code: 'APPROVAL_REQUIRED',
      details: { lineId: line.lineId, percentBp: 10_000, thresholdBp: 1000 },
    });
    // Nothing changed: the refused change rolled back.
    expect(t.services.sales.current().lines[0]).toMatchObject({ quantity: 100, total: given.lines[0]!.total });
    // Even small drops that push the share over 10 % are refused.
    await expect(t.services.sales.setQuantity(t.cashier, line.lineId, 90)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    // Raising it is fine (a smaller share).
    await t.services.sales.setQuantity(t.cashier, line.lineId, 120);

    const approved = await t.services.sales.setQuantity(t.cashier, line.lineId, 1, managerPin());
    expect(approved.lines[0]).toMatchObject({ quantity: 1, approvedBy: t.manager.displayName, total: 0 });
    expect(one(`SELECT discount_allowed_bp FROM tbldetalle_factura WHERE id_det_fac = ?`, line.lineId)).toBe(10_000);
    const actions = t.db.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'sale.%' ORDER BY id`).pluck().all();
    expect(actions).toEqual(['sale.line_discount', 'sale.quantity_changed', 'sale.discount_reapproved', 'sale.quantity_changed']);
  });

  it('refuses removing the big line under an order amount discount', async () => {
    const big = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 20);
    const small = t.services.sales.addVariant(t.cashier, t.variant(1).variantId, 1);
    const order = await t.services.sales.setOrderDiscount(t.cashier, { kind: 'amount', amount: tenPercentOf(small.totals.gross), reason: 'Redondeo' });
    expect(order.orderDiscountApprovedBy).toBeNull();
    const bigLine = big.lines[0]!.lineId;
    await expect(t.services.sales.removeLine(t.cashier, bigLine)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED', message: /order discount/ });
    expect(t.services.sales.current().lines).toHaveLength(2);
    // Lowering the big line's quantity far enough is the same thing.
    await expect(t.services.sales.setQuantity(t.cashier, bigLine, 1)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    const after = await t.services.sales.removeLine(t.cashier, bigLine, managerPin());
    expect(after.lines).toHaveLength(1);
    expect(after.orderDiscountApprovedBy).toBe(t.manager.displayName);
  });

  it('keeps an approval for the share approved: the same share again passes, a larger one asks again', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 10);
    const lineId = cart.lines[0]!.lineId;
    const quarter = { kind: 'amount' as const, amount: Math.floor(cart.lines[0]!.gross / 4), reason: 'Defecto' };
    await expect(t.services.sales.setLineDiscount(t.cashier, lineId, quarter)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    await t.services.sales.setLineDiscount(t.cashier, lineId, quarter, managerPin());
    await t.services.sales.setQuantity(t.cashier, lineId, 12); // smaller share: fine
    await t.services.sales.setQuantity(t.cashier, lineId, 10); // back to the approved share: fine
    await expect(t.services.sales.setQuantity(t.cashier, lineId, 5)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
  });

  it('a manager approving a lower price also approves the larger share an amount discount becomes', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const line = cart.lines[0]!;
    await t.services.sales.setLineDiscount(t.cashier, line.lineId, { kind: 'amount', amount: tenPercentOf(line.gross), reason: 'Promo' });
    const lowered = await t.services.sales.overridePrice(t.cashier, line.lineId, Math.floor(line.unitPrice / 2), 'Saldo', managerPin());
    expect(lowered.lines[0]!.approvedBy).toBe(t.manager.displayName);
    expect(one(`SELECT discount_approved_by FROM tbldetalle_factura WHERE id_det_fac = ?`, line.lineId)).toBe(t.manager.id);
  });

  it('re-checks every discount at completion', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const line = cart.lines[0]!;
    await t.services.sales.setLineDiscount(t.cashier, line.lineId, { kind: 'amount', amount: tenPercentOf(line.gross), reason: 'Promo' });
    // A draft changed behind the services' back (an older version, a hand edit of the file).
    t.db.sqlite.prepare(`UPDATE tbldetalle_factura SET discount_value = ? WHERE id_det_fac = ?`).run(line.gross, line.lineId);
    expect(() => t.services.completeSale(t.cashier, [{ method: 'cash', amount: line.gross }], 'key-discount-1')).toThrow(/manager must approve/);
    expect(one(`SELECT COUNT(*) FROM tblfacturas WHERE invoice_number IS NOT NULL`)).toBe(0);
  });

  it('holds the approver lock-out when approvals are guessed in parallel', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const lineId = cart.lines[0]!.lineId;
    const big = { kind: 'percent' as const, percentBp: 9000, reason: 'x' };
    const guesses = [...Array.from({ length: 30 }, (_, i) => String(4000 + i * 3)), '1357'];
    const results = await Promise.allSettled(guesses.map((pin) => t.services.sales.setLineDiscount(t.cashier, lineId, big, { userId: t.manager.id, pin })));
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: { code: 'USER_LOCKED' } });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(0);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'PIN_INVALID')).toHaveLength(MAX_PIN_ATTEMPTS - 1);
    expect(t.services.sales.current().lines[0]!.discount).toBeNull();
  });
});

describe('amounts stay in the safe-integer range', () => {
  it('refuses a price or quantity that would take a line or the sale past the limit', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const lineId = cart.lines[0]!.lineId;
    await expect(t.services.sales.overridePrice(t.manager, lineId, 1e13, 'x')).rejects.toMatchObject({ field: 'unitPrice' });
    await t.services.sales.overridePrice(t.manager, lineId, 90_000_000_000, 'Abrigo de visón');
    await expect(t.services.sales.setQuantity(t.manager, lineId, 2)).rejects.toMatchObject({ code: 'VALIDATION', field: 'quantity' });
    const second = t.services.sales.addVariant(t.manager, t.variant(1).variantId, 1).lines[1]!.lineId;
    await expect(t.services.sales.overridePrice(t.manager, second, 20_000_000_000, 'x')).rejects.toThrow(/more than a sale can hold/);
    expect(t.services.sales.current().totals.total).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });
});
