import { layoutReceipt } from './receipt-layout';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { manualClock, tempDb, type TempDb } from '../../../test/db';
import type { TenderInput } from '../../shared/tender';
import { settingsOf } from '../settings/settings-service';
import { createReceiptBuilder } from './receipt-builder';
import { saleFixture, type SaleFixture } from './sale-fixture';

describe('receipt builder', () => {
  let t: TempDb;
  let f: SaleFixture;
  const clock = manualClock();
  beforeEach(() => {
    t = tempDb(clock);
    f = saleFixture(t);
  });
  afterEach(() => t.cleanup());
  const builder = () => createReceiptBuilder(t.db.sqlite, settingsOf(t.db.sqlite, clock));

  it('builds the receipt of a completed sale: lines with colour and size, two tax rates, discounts, split tender with change', () => {
    const { catalog } = f;
    const sale = f.sale({
      items: [
        { item: catalog.shirtNavyM, quantity: 2, discountBp: 1000 },
        { item: catalog.socksWhite8, quantity: 3 },
        { item: catalog.shirtRedL, quantity: 1 },
      ],
      orderDiscount: 500_000,
      tenders: [
        { method: 'card', amount: 10_000_000, reference: 'AUTH-778899' },
        { method: 'cash', amount: 10_000_000 },
      ],
      customer: true,
      date: '2026-11-25T15:04:05.000Z',
    });
    const receipt = builder().build(sale.invoiceId);

    expect(receipt).toMatchObject({
      invoiceId: sale.invoiceId,
      invoiceNumber: 'R01-000001',
      date: '2026-11-25T15:04:05.000Z',
      storeName: 'Tienda',
      header: ['NIT 900.123.456-7', 'Calle 10 # 20-30, Bogotá'],
      footer: ['¡Gracias por su compra!', 'Cambios dentro de 30 días con la factura.'],
      registerCode: 'R01',
      cashier: 'Ana Gómez',
      customer: { name: 'José Luis Peña Muñoz', document: 'CC 1020304050' },
      currency: 'COP',
      locale: 'es-CO',
      pricesIncludeTax: true,
    });
    expect(receipt.lines).toEqual([
      { name: 'Camiseta básica', plu: '100001', colorName: 'Azul marino', sizeCode: 'M', quantity: 2, unitPrice: 4_990_000,
        discountAmount: 998_000, total: sale.priced.lines[0]!.total, taxCode: 'IVA19' },
      { name: 'Medias tobilleras', plu: '200002', colorName: 'Blanco', sizeCode: '8', quantity: 3, unitPrice: 1_200_000,
        discountAmount: 0, total: sale.priced.lines[1]!.total, taxCode: 'IVA5' },
      { name: 'Camiseta básica', plu: '100001', colorName: 'Rojo', sizeCode: 'L', quantity: 1, unitPrice: 4_990_000,
        discountAmount: 0, total: sale.priced.lines[2]!.total, taxCode: 'IVA19' },
    ]);

    // Totals: as stored, and they add up.
    const { totals } = receipt;
    expect(totals.gross).toBe(2 * 4_990_000 + 3 * 1_200_000 + 4_990_000);
    expect(totals.discount).toBe(998_000 + 500_000);
    expect(receipt.orderDiscount).toBe(500_000);
    expect(totals.total).toBe(totals.gross - totals.discount);
    expect(receipt.lines.reduce((a, l) => a + l.total, 0)).toBe(totals.total);
    expect(totals.taxes.map((x) => [x.taxCode, x.rateBp])).toEqual([['IVA19', 1900], ['IVA5', 500]]);
    expect(totals.taxes.reduce((a, x) => a + x.tax, 0)).toBe(totals.tax);
    expect(totals.taxes.reduce((a, x) => a + x.base, 0)).toBe(totals.base);
    expect(totals.base + totals.tax).toBe(totals.total);
    expect(totals.taxes).toEqual(sale.priced.taxes);
    const iva19 = totals.taxes[0]!;
    expect(iva19.base + iva19.tax).toBe(sale.priced.lines[0]!.total + sale.priced.lines[2]!.total);
    expect(totals.cashRounding).toBe(0);

    // Split tender: the card pays its amount, cash pays the rest and the change goes back.
    expect(receipt.payments).toEqual([
      { method: 'card', amount: 10_000_000, tendered: null, reference: 'AUTH-778899' },
      { method: 'cash', amount: totals.total - 10_000_000, tendered: 10_000_000, reference: null },
    ]);
    expect(receipt.change).toBe(20_000_000 - totals.total);
    expect(receipt.change).toBeGreaterThan(0);
    expect(receipt.payments.reduce((a, p) => a + p.amount, 0)).toBe(totals.total + totals.cashRounding);
  });

  it('keeps cash rounding and a walk-in sale without a customer', () => {
    const sale = f.sale({
      items: [{ item: f.catalog.socksWhite8, quantity: 1 }],
      orderDiscount: 1_234,
      tenders: [{ method: 'cash', amount: 1_200_000 }],
      cashIncrement: 5_000,
      date: '2026-11-25T16:00:00.000Z',
    });
    const receipt = builder().build(sale.invoiceId);
    expect(receipt.customer).toBeNull();
    expect(receipt.totals.total).toBe(1_198_766);
    expect(receipt.totals.cashRounding).toBe(sale.settlement!.rounding);
    expect(receipt.totals.cashRounding).not.toBe(0);
    expect(receipt.payments[0]!.amount).toBe(receipt.totals.total + receipt.totals.cashRounding);
    expect(receipt.change).toBe(1_200_000 - receipt.payments[0]!.amount);
  });

  it('prints in the store language: English colour names and document type', () => {
    settingsOf(t.db.sqlite, clock).updateStore({ locale: 'en-US', currency: 'USD', storeName: 'Shop' });
    const sale = f.sale({
      items: [{ item: f.catalog.shirtRedL, quantity: 1 }],
      tenders: [{ method: 'card', amount: 4_990_000, reference: '1' }],
      customer: true,
      date: '2026-11-25T16:00:00.000Z',
    });
    const receipt = builder().build(sale.invoiceId);
    expect(receipt.lines[0]!.colorName).toBe('Red');
    expect(receipt.customer?.document).toBe('ID 1020304050');
    expect(receipt).toMatchObject({ locale: 'en-US', currency: 'USD', storeName: 'Shop' });
  });

  it('refuses unknown invoices and sales that are not completed', () => {
    const draft = f.sale({ items: [{ item: f.catalog.shirtNavyM, quantity: 1 }], tenders: [], state: 'DRAFT', date: '2026-11-25T16:00:00.000Z' });
    const parked = f.sale({ items: [{ item: f.catalog.shirtNavyM, quantity: 1 }], tenders: [], state: 'PARKED', date: '2026-11-25T16:00:00.000Z' });
    const b = builder();
    for (const id of [draft.invoiceId, parked.invoiceId, 9_999]) {
      const error = (() => {
        try {
          b.build(id);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('NOT_FOUND');
    }
    expect(() => b.build(0)).toThrow(DomainError);
  });

  it('lists completed sales newest first, by invoice number prefix or customer name', () => {
    const item = { item: f.catalog.shirtNavyM, quantity: 1 };
    const pay: TenderInput[] = [{ method: 'cash', amount: 5_000_000 }];
    const first = f.sale({ items: [item], tenders: pay, date: '2026-11-25T09:00:00.000Z' });
    const second = f.sale({ items: [item, { item: f.catalog.socksWhite8, quantity: 1 }], tenders: [{ method: 'cash', amount: 7_000_000 }], customer: true, date: '2026-11-25T11:00:00.000Z' });
    const third = f.sale({ items: [item], tenders: pay, date: '2026-11-25T10:00:00.000Z' });
    f.sale({ items: [item], tenders: [], state: 'DRAFT', date: '2026-11-25T12:00:00.000Z' });
    const b = builder();

    const all = b.history(undefined, 10);
    expect(all.map((s) => s.invoiceId)).toEqual([second.invoiceId, third.invoiceId, first.invoiceId]);
    expect(all[0]).toEqual({
      invoiceId: second.invoiceId,
      invoiceNumber: 'R01-000002',
      date: '2026-11-25T11:00:00.000Z',
      total: second.priced.total,
      state: 'COMPLETED',
      customerName: 'José Luis Peña Muñoz',
      lineCount: 2,
    });
    expect(all[1]!.customerName).toBeNull();

    expect(b.history('R01-000003', 10).map((s) => s.invoiceId)).toEqual([third.invoiceId]);
    expect(b.history('r01-00000', 10)).toHaveLength(3);
    expect(b.history('peña', 10).map((s) => s.invoiceId)).toEqual([second.invoiceId]);
    expect(b.history('Peña José', 10).map((s) => s.invoiceId)).toEqual([second.invoiceId]);
    expect(b.history('  ', 10)).toHaveLength(3);
    expect(b.history('%', 10)).toEqual([]);
    expect(b.history(undefined, 2).map((s) => s.invoiceId)).toEqual([second.invoiceId, third.invoiceId]);
    expect(() => b.history(undefined, 0)).toThrow(DomainError);

    // Part of the number, as a cashier reads it off a receipt: "000001" or just "1".
    expect(b.history('000001', 10).map((s) => s.invoiceId)).toEqual([first.invoiceId]);
    expect(b.history('1', 10)[0]!.invoiceId).toBe(first.invoiceId);
    expect(b.history('3', 10).map((s) => s.invoiceId)).toEqual([third.invoiceId]);
    // Older sales a page at a time.
    expect(b.history(undefined, 2, 2).map((s) => s.invoiceId)).toEqual([first.invoiceId]);
    expect(b.history(undefined, 2, 3)).toEqual([]);
  });

  it('marks a reprint as a copy, on screen and on paper', () => {
    const sale = f.sale({ items: [{ item: f.catalog.shirtNavyM, quantity: 1 }], tenders: [{ method: 'cash', amount: 5_000_000 }], date: '2026-11-25T09:00:00.000Z' });
    const b = builder();
    expect(b.build(sale.invoiceId).copy).toBe(false);
    const copy = b.build(sale.invoiceId, { copy: true });
    expect(copy.copy).toBe(true);
    const centred = layoutReceipt(copy, 42).filter((x) => x.kind === 'center').map((x) => (x as { text: string }).text);
    expect(centred).toContain('*** COPIA ***');
    expect(layoutReceipt(b.build(sale.invoiceId), 42).some((x) => x.kind === 'center' && x.text.includes('COPIA'))).toBe(false);
  });
});
