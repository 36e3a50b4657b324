import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { testStore, type TestStore } from '../../../test/store';
import { makeEan13 } from '../catalog/ean13';

let t: TestStore;
beforeEach(async () => {
  t = await testStore();
});
afterEach(() => t.cleanup());

const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};
const count = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).pluck().get(...args) as number;

describe('finding items', () => {
  it('a scanned barcode is that exact variant, priced', () => {
    const v = t.variant(0);
    const found = t.services.catalog.scan(v.barcode);
    expect(found).toMatchObject({ kind: 'variant', variant: { variantId: v.variantId, unitPrice: v.price, taxCode: 'IVA19', taxRateBp: 1900 } });
  });

  it('refuses a wrong check digit without looking it up, and names an unknown code', () => {
    const v = t.variant(0);
    const wrong = v.barcode.slice(0, 12) + String((Number(v.barcode[12]) + 1) % 10);
    expect(errorOf(() => t.services.catalog.scan(wrong)).code).toBe('BARCODE_INVALID');
    const unknown = makeEan13('299999999999');
    expect(errorOf(() => t.services.catalog.scan(unknown))).toMatchObject({ code: 'NOT_FOUND', details: { code: unknown } });
  });

  it('a typed PLU opens the product for the variant picker', () => {
    const v = t.variant(0);
    expect(t.services.catalog.scan(v.plu)).toEqual({ kind: 'product', productId: v.productId });
    const grid = t.services.catalog.grid(v.productId);
    expect(grid.cells.some((c) => c.variantId === v.variantId)).toBe(true);
    expect(grid.cells.length).toBeGreaterThanOrEqual(4);
  });

  it('searches by name prefix, brand, colour and barcode, kept in step by triggers', () => {
    const v = t.variant(0);
    const row = t.db.sqlite
      .prepare(`SELECT p.nombre_producto AS name, f.nombre_fabricante AS brand FROM tblproductos p JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante WHERE p.id_producto = ?`)
      .get(v.productId) as { name: string; brand: string };
    const firstWord = row.name.split(' ')[0]!;
    expect(t.services.catalog.search(firstWord.slice(0, 4)).length).toBeGreaterThan(0);
    expect(t.services.catalog.search(v.barcode).map((h) => h.productId)).toEqual([v.productId]);
    expect(t.services.catalog.search(`${row.brand} ${firstWord}`).some((h) => h.productId === v.productId)).toBe(true);
    // Renaming the product re-indexes it.
    t.db.sqlite.prepare(`UPDATE tblproductos SET nombre_producto = 'Poncho ruana artesanal' WHERE id_producto = ?`).run(v.productId);
    expect(t.services.catalog.search('ruana').map((h) => h.productId)).toEqual([v.productId]);
  });
});

describe('the cart', () => {
  it('adds, merges the same variant, and keeps totals equal to the lines', () => {
    const a = t.variant(0);
    const b = t.variant(20);
    t.services.sales.addVariant(t.cashier, a.variantId, 1);
    t.services.sales.addVariant(t.cashier, a.variantId, 2);
    const cart = t.services.sales.addVariant(t.cashier, b.variantId, 1);
    expect(cart.lines).toHaveLength(2);
    expect(cart.lines[0]).toMatchObject({ quantity: 3, total: a.price * 3 });
    expect(cart.totals.total).toBe(cart.lines.reduce((s, l) => s + l.total, 0));
    // Stored as it is shown: the draft survives a restart.
    expect(count(`SELECT total_factura FROM tblfacturas WHERE id_facturas = ?`, cart.draftId)).toBe(cart.totals.total);
  });

  it('counts a product added from a search', () => {
    const v = t.variant(0);
    const before = count(`SELECT cantidad_Busquedas FROM tblproductos WHERE id_producto = ?`, v.productId);
    t.services.sales.addVariant(t.cashier, v.variantId, 1, true);
    t.services.sales.addVariant(t.cashier, v.variantId, 1, false);
    expect(count(`SELECT cantidad_Busquedas FROM tblproductos WHERE id_producto = ?`, v.productId)).toBe(before + 1);
  });

  it('logs a removed line in the audit log', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const after = await t.services.sales.removeLine(t.cashier, cart.lines[0]!.lineId);
    expect(after.lines).toEqual([]);
    expect(count(`SELECT COUNT(*) FROM audit_log WHERE action = 'sale.line_removed' AND staff_id = ?`, t.cashier.id)).toBe(1);
  });

  it('a discount above the threshold needs a manager PIN, and records who approved it', async () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const lineId = cart.lines[0]!.lineId;
    const big = { kind: 'percent' as const, percentBp: 2500, reason: 'Cliente frecuente' };
    await expect(t.services.sales.setLineDiscount(t.cashier, lineId, big)).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    await expect(t.services.sales.setLineDiscount(t.cashier, lineId, big, { userId: t.cashier.id, pin: '2468' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.services.sales.setLineDiscount(t.cashier, lineId, big, { userId: t.manager.id, pin: '9999' })).rejects.toMatchObject({ code: 'PIN_INVALID' });
    const ok = await t.services.sales.setLineDiscount(t.cashier, lineId, big, { userId: t.manager.id, pin: '1357' });
    expect(ok.lines[0]).toMatchObject({ approvedBy: t.manager.displayName, discountAmount: Math.round(ok.lines[0]!.gross / 4) });
    expect(count(`SELECT discount_approved_by FROM tbldetalle_factura WHERE id_det_fac = ?`, lineId)).toBe(t.manager.id);
    // A small one needs nobody.
    const small = await t.services.sales.setLineDiscount(t.cashier, lineId, { kind: 'percent', percentBp: 500, reason: 'Promo' });
    expect(small.lines[0]!.approvedBy).toBeNull();
  });

  it('blocks selling beyond stock when the store says so', () => {
    t.services.settings.updateStore({ stockPolicy: 'block' });
    const v = t.variant(0);
    expect(errorOf(() => t.services.sales.addVariant(t.cashier, v.variantId, v.stock + 1)).code).toBe('STOCK_SHORT');
    t.services.settings.updateStore({ stockPolicy: 'warn' });
    const cart = t.services.sales.addVariant(t.cashier, v.variantId, v.stock + 1);
    expect(cart.lines[0]!.stockShort).toBe(1);
  });

  it('parks a sale, starts another, and resumes the first', () => {
    const a = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const empty = t.services.sales.park(t.cashier, 'Señora de rojo');
    expect(empty.lines).toEqual([]);
    t.services.sales.addVariant(t.cashier, t.variant(1).variantId, 1);
    const parked = t.services.sales.parked();
    expect(parked).toMatchObject([{ draftId: a.draftId, label: 'Señora de rojo', lineCount: 1 }]);
    const resumed = t.services.sales.resume(t.cashier, a.draftId!);
    expect(resumed.draftId).toBe(a.draftId);
    expect(t.services.sales.parked()).toHaveLength(1); // the other sale took its place
  });
});

describe('completing a sale', () => {
  const pay = (total: number) => [
    { method: 'card' as const, amount: Math.floor(total / 2), reference: 'AUTH-778' },
    { method: 'cash' as const, amount: total },
  ];

  it('writes invoice, lines, payments, stock movements, outbox and audit in one go', () => {
    const a = t.variant(0);
    const b = t.variant(30);
    t.services.sales.addVariant(t.cashier, a.variantId, 2);
    const cart = t.services.sales.addVariant(t.cashier, b.variantId, 1);
    const total = cart.totals.total;
    const done = t.services.completeSale(t.cashier, pay(total), 'key-0001-aaaa');
    expect(done).toMatchObject({ invoiceNumber: 'R01-000001', replayed: false });

    const inv = t.db.sqlite.prepare(`SELECT f.*, e.code FROM tblfacturas f JOIN tblestados_factura e ON e.id_estado = f.ID_estado WHERE id_facturas = ?`).get(done.invoiceId) as Record<string, unknown>;
    expect(inv).toMatchObject({ code: 'COMPLETED', total_factura: total, change_due: Math.floor(total / 2) + total - total, staff_id: t.cashier.id });
    expect(count(`SELECT SUM(amount) FROM payments WHERE invoice_id = ?`, done.invoiceId)).toBe(total);
    expect(count(`SELECT COUNT(*) FROM stock_movements WHERE reference_id = ? AND reason = 'sale'`, inv.global_id)).toBe(2);
    expect(count(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`, a.variantId)).toBe(a.stock - 2);
    expect(count(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'sale.completed' AND entity_global_id = ?`, inv.global_id)).toBe(1);
    expect(count(`SELECT COUNT(*) FROM audit_log WHERE action = 'sale.completed' AND entity_id = ?`, inv.global_id)).toBe(1);
    // Stock is still the sum of the ledger everywhere.
    expect(count(`SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE inventario <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = v.idcolorxtalla)`)).toBe(0);
    // The till is empty again and the next number follows.
    expect(t.services.sales.current().lines).toEqual([]);
    t.services.sales.addVariant(t.cashier, a.variantId, 1);
    const next = t.services.completeSale(t.cashier, [{ method: 'cash', amount: 10_000_000 }], 'key-0002-bbbb');
    expect(next.invoiceNumber).toBe('R01-000002');
  });

  it('completing twice with the same key makes exactly one sale', () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const payments = [{ method: 'cash' as const, amount: cart.totals.total }];
    const first = t.services.completeSale(t.cashier, payments, 'double-click-1');
    const again = t.services.completeSale(t.cashier, payments, 'double-click-1');
    expect(again).toEqual({ ...first, replayed: true });
    expect(count(`SELECT COUNT(*) FROM tblfacturas WHERE invoice_number IS NOT NULL`)).toBe(1);
    expect(count(`SELECT COUNT(*) FROM payments`)).toBe(1);
  });

  it('a short payment writes nothing and says what is missing', () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const err = errorOf(() => t.services.completeSale(t.cashier, [{ method: 'cash', amount: cart.totals.total - 100 }], 'short-pay-01'));
    expect(err).toMatchObject({ code: 'PAYMENT_SHORT', details: { remaining: 100 } });
    expect(count(`SELECT COUNT(*) FROM payments`)).toBe(0);
    expect(count(`SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'`)).toBe(0);
    expect(count(`SELECT COUNT(*) FROM register_sequences`)).toBe(0);
    expect(t.services.sales.current().lines).toHaveLength(1);
  });

  it('store credit needs a customer with enough balance', () => {
    const cart = t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const credit = [{ method: 'store_credit' as const, amount: cart.totals.total }];
    expect(errorOf(() => t.services.completeSale(t.cashier, credit, 'credit-0001')).field).toBe('payments');
    const customerId = count(`SELECT MIN(id_cliente) FROM tblclientes`);
    t.services.sales.setCustomer(t.cashier, customerId);
    expect(errorOf(() => t.services.completeSale(t.cashier, credit, 'credit-0002')).code).toBe('PAYMENT_SHORT');
    t.db.sqlite.prepare(`INSERT INTO customer_credit (global_id, customer_id, amount, reason, occurred_at) VALUES ('g-credit', ?, ?, 'return', '2026-11-01')`).run(customerId, cart.totals.total);
    t.services.completeSale(t.cashier, credit, 'credit-0003');
    expect(count(`SELECT COALESCE(SUM(amount), 0) FROM customer_credit WHERE customer_id = ?`, customerId)).toBe(0);
  });
});

describe('type-ahead query', () => {
  it('makes every word a required prefix, a single letter a whole word, and skips one-letter queries', async () => {
    const { toFtsQuery } = await import('../catalog/catalog-service');
    expect(toFtsQuery('camisa  ne')).toBe('"camisa"* "ne"*');
    expect(toFtsQuery('jean m')).toBe('"jean"* "m"');
    expect(toFtsQuery('m')).toBeNull();
    expect(toFtsQuery('"; DROP TABLE x --')).toBe('"DROP"* "TABLE"* "x"');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('vestido de lino')).toBe('"vestido"* "lino"*');
    expect(toFtsQuery('de')).toBe('"de"*');
  });
});

describe('scanned code normalisation', () => {
  it('reads a 12-digit UPC-A as the EAN-13 with a leading zero', async () => {
    const { normalizeScan } = await import('../catalog/catalog-service');
    expect(normalizeScan(' 036000291452 ')).toBe('0036000291452');
    expect(normalizeScan('7701234567895')).toBe('7701234567895');
    expect(normalizeScan('123456')).toBe('123456');
  });

  it('finds a variant labelled with a UPC-A code when scanned as 12 digits', () => {
    const v = t.variant(3);
    // The stored form is the EAN-13: the UPC-A with a leading zero (same check digit).
    t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET barcode = '0036000291452' WHERE idcolorxtalla = ?`).run(v.variantId);
    expect(t.services.catalog.scan('036000291452')).toMatchObject({ kind: 'variant', variant: { variantId: v.variantId } });
    expect(() => t.services.catalog.scan('036000291453')).toThrow(/check digit/);
  });
});
