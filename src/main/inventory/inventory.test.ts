import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import type { CommandPayload } from '../../shared/sync/commands';
import { referencesOf } from '../../shared/sync/commands';
import { createInventoryService, type InventoryService } from './inventory-service';

let t: TestStore;
let inv: InventoryService;
const stockOf = (variantId: number) => t.db.sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(variantId) as number;
const ledgerSum = (variantId: number) => t.db.sqlite.prepare(`SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = ?`).pluck().get(variantId) as number;
const docs = (type: string) => (t.db.sqlite.prepare(`SELECT payload FROM sync_outbox WHERE type = ? ORDER BY seq`).pluck().all(type) as string[]).map((p) => JSON.parse(p) as Record<string, unknown>);

beforeEach(async () => {
  t = await testStore(6, 3);
  inv = createInventoryService({ sqlite: t.db.sqlite, writes: t.services.writes, settings: t.services.settings, device: t.services.device });
});
afterEach(() => t.cleanup());

/** Sells `quantity` of a variant at the till, as a cashier would. */
async function sell(variantId: number, quantity: number) {
  t.services.sales.addVariant(t.cashier, variantId, quantity);
  const cart = t.services.sales.current();
  t.services.completeSale(t.cashier, [{ method: 'cash', amount: cart.totals.total }], `sale-${variantId}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
}

describe('stock counts', () => {
  it('applies counted minus the snapshot taken when counted, so a sale between count and apply stays booked', async () => {
    const v = t.variant(0);
    const count = inv.counts.start(t.manager, { scope: 'all' });
    expect(count.lines.length).toBeGreaterThan(10);
    // Counted 2 fewer than the system says (two went missing).
    const line = inv.counts.record(t.manager, count.id, { variantId: v.variantId, quantity: v.stock - 2, mode: 'set' });
    expect(line).toMatchObject({ counted: v.stock - 2, expected: v.stock, variance: -2, current: v.stock });
    // A sale of 1 happens before the manager applies the count.
    await sell(v.variantId, 1);
    const sheet = inv.counts.get(count.id).lines.find((l) => l.variantId === v.variantId)!;
    expect(sheet).toMatchObject({ expected: v.stock, current: v.stock - 1, variance: -2 });
    expect(inv.counts.apply(t.manager, count.id)).toEqual({ movements: 1, units: -2 });
    // Shelf had stock-2 when counted; one sold since: stock-3, not the stale "counted" figure.
    expect(stockOf(v.variantId)).toBe(v.stock - 3);
    expect(ledgerSum(v.variantId)).toBe(stockOf(v.variantId));
    const [applied] = docs('stock_count.applied');
    expect(applied).toMatchObject({ scope: 'all', lines: [{ counted: v.stock - 2, expected: v.stock }] });
    expect(referencesOf('stock_count.applied', applied).map((r) => r.table)).toContain('stock_movements');
    expect(() => inv.counts.apply(t.manager, count.id)).toThrow(/applied/);
  });

  it('applies a count when a sale from another register arrives by sync in between', async () => {
    const v = t.variant(1);
    const count = inv.counts.start(t.manager, { scope: 'all' });
    inv.counts.record(t.manager, count.id, { variantId: v.variantId, quantity: v.stock, mode: 'set' });
    // The other register's sale reaches this database as its movement (what pull writes).
    t.db.sqlite
      .prepare(`INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at) VALUES (?, ?, -2, 'sale', NULL, NULL, ?)`)
      .run('018f0000-0000-7000-8000-00000000abcd', v.variantId, new Date().toISOString());
    expect(inv.counts.apply(t.manager, count.id)).toEqual({ movements: 0, units: 0 });
    expect(stockOf(v.variantId)).toBe(v.stock - 2);
  });

  it('adds scanned units to the first snapshot, refuses what is not on the sheet, and counts by manufacturer', () => {
    const v = t.variant(0);
    const manufacturerId = t.db.sqlite.prepare(`SELECT ID_fabricante FROM tblproductos WHERE id_producto = ?`).pluck().get(v.productId) as number;
    const count = inv.counts.start(t.manager, { scope: 'manufacturer', scopeId: manufacturerId });
    expect(count.lines.every((l) => l.counted === null)).toBe(true);
    inv.counts.record(t.manager, count.id, { barcode: v.barcode, quantity: 1, mode: 'add' });
    const twice = inv.counts.record(t.manager, count.id, { barcode: v.barcode, quantity: 1, mode: 'add' });
    expect(twice).toMatchObject({ counted: 2, expected: v.stock });
    const other = t.db.sqlite.prepare(`SELECT v.idcolorxtalla FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto WHERE p.ID_fabricante <> ? LIMIT 1`).pluck().get(manufacturerId) as number | undefined;
    if (other !== undefined) expect(() => inv.counts.record(t.manager, count.id, { variantId: other, quantity: 1, mode: 'set' })).toThrow(/not on this count sheet/);
    expect(() => inv.counts.record(t.manager, count.id, { barcode: '0000000000000', quantity: 1, mode: 'add' })).toThrow(/no variant has barcode/);
    expect(() => inv.counts.start(t.manager, { scope: 'category' })).toThrow(/choose the category/);
  });
});

describe('purchase orders and goods receipts', () => {
  it('receives partially, then over, showing what is still due or over; the unit cost feeds stock value', () => {
    const a = t.variant(0);
    const b = t.variant(1);
    const manufacturerId = t.db.sqlite.prepare(`SELECT id_fabricante FROM tblfabricantes LIMIT 1`).pluck().get() as number;
    const po = inv.orders.create(t.manager, { manufacturerId, lines: [{ variantId: a.variantId, quantity: 10, unitCost: 12_000 }, { variantId: b.variantId, quantity: 5 }] });
    expect(po).toMatchObject({ status: 'open', ordered: 15, received: 0 });
    expect(po.number).toMatch(/^PO-R01-000001$/);

    const first = inv.orders.receive(t.manager, { orderId: po.id, lines: [{ variantId: a.variantId, quantity: 4 }] });
    expect(first.order).toMatchObject({ status: 'partial', received: 4 });
    expect(first.order!.lines.find((l) => l.variantId === a.variantId)).toMatchObject({ quantityReceived: 4, difference: -6 });
    expect(stockOf(a.variantId)).toBe(a.stock + 4);

    const second = inv.orders.receive(t.manager, { orderId: po.id, lines: [{ variantId: a.variantId, quantity: 7, unitCost: 11_000 }, { variantId: b.variantId, quantity: 5 }] });
    expect(second.order).toMatchObject({ status: 'received', received: 16 });
    expect(second.order!.lines.find((l) => l.variantId === a.variantId)).toMatchObject({ quantityReceived: 11, difference: 1 });
    expect(stockOf(a.variantId)).toBe(a.stock + 11);
    expect(ledgerSum(a.variantId)).toBe(a.stock + 11);
    expect(() => inv.orders.receive(t.manager, { orderId: po.id, lines: [{ variantId: a.variantId, quantity: 1 }] })).toThrow(/received/);

    const row = inv.queries.stock({ text: a.barcode }, true).rows[0]!;
    expect(row.unitCost).toBe(11_000);
    expect(inv.queries.stock({ text: a.barcode }, false).rows[0]!.unitCost).toBeNull();
    const received = docs('goods.received');
    expect(received).toHaveLength(2);
    expect(docs('stock.moved').filter((d) => d.reason === 'receipt')).toHaveLength(3);
    const history = inv.queries.movements(a.variantId);
    expect(history[0]).toMatchObject({ reason: 'receipt', quantity: 7, balance: a.stock + 11, document: { kind: 'receipt', label: po.number } });
  });

  it('refuses a variant that is not on the order, leaving nothing written', () => {
    const a = t.variant(0);
    const b = t.variant(1);
    const manufacturerId = t.db.sqlite.prepare(`SELECT id_fabricante FROM tblfabricantes LIMIT 1`).pluck().get() as number;
    const po = inv.orders.create(t.manager, { manufacturerId, lines: [{ variantId: a.variantId, quantity: 3 }] });
    expect(() => inv.orders.receive(t.manager, { orderId: po.id, lines: [{ variantId: a.variantId, quantity: 3 }, { variantId: b.variantId, quantity: 1 }] })).toThrow(/not on purchase order/);
    expect(stockOf(a.variantId)).toBe(a.stock);
    expect(inv.orders.get(po.id)).toMatchObject({ status: 'open', received: 0 });
  });
});

describe('transfers', () => {
  it('sends: stock leaves at once and the transfer is in transit; the receiving store accepts with a discrepancy noted', () => {
    const v = t.variant(0);
    const sent = inv.transfers.send(t.manager, { toStore: 'NORTE', lines: [{ variantId: v.variantId, quantity: 3 }] });
    expect(sent).toMatchObject({ direction: 'out', status: 'in_transit', units: 3, otherStore: 'NORTE' });
    expect(stockOf(v.variantId)).toBe(v.stock - 3);
    const [doc] = docs('transfer.sent') as CommandPayload<'transfer.sent'>[];

    // The same catalog at the other store: here, the document arriving as an incoming transfer.
    const incoming = inv.transfers.recordIncoming({ ...doc!, transferId: '018f0000-0000-7000-8000-0000000000aa', lines: doc!.lines.map((l) => ({ ...l, lineId: '018f0000-0000-7000-8000-0000000000bb' })) }, 'CENTRO');
    expect(incoming).toMatchObject({ direction: 'in', status: 'in_transit', otherStore: 'CENTRO' });
    expect(inv.transfers.recordIncoming({ ...doc!, transferId: '018f0000-0000-7000-8000-0000000000aa', lines: doc!.lines.map((l) => ({ ...l, lineId: '018f0000-0000-7000-8000-0000000000bb' })) }, 'CENTRO').id).toBe(incoming.id);
    const lineId = incoming.lines[0]!.lineId;
    expect(() => inv.transfers.accept(t.manager, incoming.id, { lines: [{ lineId, quantityReceived: 2 }] })).toThrow(/note what happened/);
    const accepted = inv.transfers.accept(t.manager, incoming.id, { lines: [{ lineId, quantityReceived: 2, discrepancyNote: 'one damaged in transit' }] });
    expect(accepted).toMatchObject({ status: 'received', lines: [{ quantitySent: 3, quantityReceived: 2, discrepancyNote: 'one damaged in transit' }] });
    expect(stockOf(v.variantId)).toBe(v.stock - 3 + 2);
    expect(docs('transfer.received')[0]).toMatchObject({ fromStore: 'CENTRO', lines: [{ quantitySent: 3, quantityReceived: 2 }] });
    expect(() => inv.transfers.accept(t.manager, sent.id, { lines: [] })).toThrow(/other store accepts/);
  });

  it('refuses to send more than is in stock when the store blocks negative stock', () => {
    t.services.settings.updateStore({ stockPolicy: 'block' });
    const v = t.variant(0);
    expect(() => inv.transfers.send(t.manager, { toStore: 'NORTE', lines: [{ variantId: v.variantId, quantity: v.stock + 1 }] })).toThrow(/does not allow negative stock/);
    expect(stockOf(v.variantId)).toBe(v.stock);
  });
});

describe('adjustments and stock reads', () => {
  it('adjusts several cells with one reason; the movement history and low-stock list show it', () => {
    const a = t.variant(0);
    const b = t.variant(1);
    t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET low_stock_threshold = ? WHERE idcolorxtalla = ?`).run(a.stock - 2, a.variantId);
    expect(inv.queries.stock({ lowOnly: true }, false).rows.map((r) => r.variantId)).not.toContain(a.variantId);
    inv.adjustments.adjust(t.manager, { reasonCode: 'damage', note: 'water leak', lines: [{ variantId: a.variantId, quantity: -2 }, { variantId: b.variantId, quantity: 1 }, { variantId: b.variantId, quantity: -1 }] });
    expect(stockOf(a.variantId)).toBe(a.stock - 2);
    expect(stockOf(b.variantId)).toBe(b.stock);
    expect(inv.queries.stock({ lowOnly: true }, false).rows.map((r) => r.variantId)).toContain(a.variantId);
    expect(inv.queries.movements(a.variantId)[0]).toMatchObject({ reason: 'adjustment', quantity: -2, note: 'water leak', document: { kind: 'adjustment', label: 'damage' }, staffName: t.manager.displayName });
    expect(docs('stock.adjusted')).toEqual([expect.objectContaining({ reasonCode: 'damage', lines: [expect.objectContaining({ quantity: -2 })] })]);
    expect(() => inv.adjustments.adjust(t.manager, { reasonCode: 'found', lines: [{ variantId: a.variantId, quantity: 0 }] })).toThrow(/at least one/);
  });
});
