import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { manualClock, tempDb, type TempDb } from '../../../test/db';
import { settingsOf } from '../settings/settings-service';
import { inspectEscpos } from './escpos-inspect';
import { createReceiptService } from './receipt-service';
import { saleFixture } from './sale-fixture';

describe('receipt service', () => {
  let t: TempDb;
  let invoiceId: number;
  const clock = manualClock();
  beforeEach(() => {
    t = tempDb(clock);
    const f = saleFixture(t);
    invoiceId = f.sale({
      items: [{ item: f.catalog.shirtNavyM, quantity: 1 }, { item: f.catalog.socksWhite8, quantity: 2 }],
      tenders: [{ method: 'cash', amount: 10_000_000 }],
      customer: true,
      date: '2026-11-25T15:00:00.000Z',
    }).invoiceId;
  });
  afterEach(() => t.cleanup());
  const settings = () => settingsOf(t.db.sqlite, clock);

  it('encodes ESC/POS at the paper width of the store settings unless told otherwise', () => {
    const store = settings();
    store.updateStore({ receiptColumns: 32 });
    const service = createReceiptService(t.db.sqlite, store);
    const narrow = inspectEscpos(service.escpos(invoiceId, { openDrawer: true }));
    expect(Math.max(...narrow.lines.map((l) => l.columns))).toBe(32);
    expect(narrow.commands).toContain('ESC p');
    expect(narrow.barcodes).toEqual(['{BR01-000001']);
    const wide = inspectEscpos(service.escpos(invoiceId, { openDrawer: false, columns: 48 }));
    expect(Math.max(...wide.lines.map((l) => l.columns))).toBe(48);
    expect(wide.commands).not.toContain('ESC p');
    expect(() => service.escpos(424242, { openDrawer: false })).toThrow(DomainError);
  });

  it('prints to the thermal printer of the store settings over TCP', async () => {
    const store = settings();
    const service = createReceiptService(t.db.sqlite, store, { printerTimeoutMs: 2_000 });
    const bytes = service.escpos(invoiceId, { openDrawer: true });
    await expect(service.printThermal(bytes)).rejects.toMatchObject({ code: 'VALIDATION', field: 'thermalPrinterHost' });

    const chunks: Buffer[] = [];
    const server = net.createServer((socket) => socket.on('data', (c: Buffer) => chunks.push(c)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      store.updateStore({ thermalPrinterHost: '127.0.0.1', thermalPrinterPort: (server.address() as net.AddressInfo).port });
      await service.printThermal(bytes);
      expect(new Uint8Array(Buffer.concat(chunks))).toEqual(bytes);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
