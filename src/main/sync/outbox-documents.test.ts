/**
 * The outbox as the cloud will read it: a simulated day at the till writes
 * only valid domain commands, numbered 1..n without gaps, naming every row
 * by a global id this database holds; and two registers of one store can
 * apply each other's sales without any id colliding.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NewCustomerSchema } from '../../shared/ipc/contract';
import { parseOutboxDocument, referencesOf, type CommandType } from '../../shared/sync/commands';
import { manualClock, MIGRATIONS } from '../../../test/db';
import { testStore, type TestStore } from '../../../test/store';
import { openDatabase } from '../db/open';
import { reprovisionDevice } from '../device/device-identity';
import { simulateSales } from '../sales/simulate';
import { createServices, type Services } from '../services';
import { loadInvoiceStates } from '../sales/invoice-states';
import { createRemoteSaleApplier } from './apply-remote-sale';

interface Row {
  registerId: string;
  seq: number;
  idempotencyKey: string;
  type: CommandType;
  schemaVersion: number;
  entityGlobalId: string;
  payload: string;
  createdAt: string;
}

const outbox = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT register_id AS registerId, seq, idempotency_key AS idempotencyKey, type, schema_version AS schemaVersion,
              entity_global_id AS entityGlobalId, payload, created_at AS createdAt
       FROM sync_outbox ORDER BY seq`,
    )
    .all() as Row[];

const documents = (sqlite: Database.Database) =>
  outbox(sqlite).map(({ entityGlobalId: _e, payload, ...envelope }) => parseOutboxDocument({ ...envelope, payload: JSON.parse(payload) }));

let stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores) s.cleanup();
  stores = [];
});

describe('a day at the till, as outbox documents', () => {
  it('writes only valid commands, numbered without gaps, naming only rows this database holds by global id', async () => {
    const t = await testStore(40, 5);
    stores.push(t);
    const { services, cashier, manager } = t;
    const admin = services.staff.list().find((u) => u.role === 'admin')!;

    await simulateSales(services, { sales: 25, seed: 3 });
    const customer = services.customers.create(
      NewCustomerSchema.parse({ documentTypeCode: 'NATIONAL_ID', document: '52100200', firstName: 'Sofía', lastName: 'Ramírez', email: 'sofia@example.com', countryCode: 'CO' }),
      cashier.id,
    );
    services.customers.addAddress({ customerId: customer.id, kind: 'billing', address: 'Carrera 7 # 71-21', countryCode: 'CO' }, cashier.id);
    services.taxAdmin.save({ code: 'IVA8', name: 'IVA 8 %', rateBp: 800, active: true }, manager.id);
    services.taxAdmin.assign('product', t.variant(0).productId, 'IVA8', manager.id);
    const newbie = await services.staff.create({ username: 'mario', displayName: 'Mario Díaz', role: 'cashier', pin: '3691' }, admin.id);
    services.staff.disable(newbie.id, admin.id);
    services.settings.updateStore({ storeName: 'Moda Andina Centro', discountApprovalBp: 1500 }, manager);
    // A sale with a customer, a discount a manager approved and store credit left alone.
    const cart = services.sales.addVariant(cashier, t.variant(2).variantId, 2);
    await services.sales.setLineDiscount(cashier, cart.lines[0]!.lineId, { kind: 'percent', percentBp: 3000, reason: 'Saldo' }, { userId: manager.id, pin: '1357' });
    services.sales.setCustomer(cashier, customer.id);
    const total = services.sales.current().totals.total;
    services.completeSale(cashier, [{ method: 'card', amount: total, reference: 'AUTH-1' }], 'day-sale-final');
    // Parking, resuming and cancelling a draft are local: audited, never sent.
    services.sales.addVariant(cashier, t.variant(3).variantId, 1);
    services.sales.park(cashier, 'vuelve luego');
    services.sales.addVariant(cashier, t.variant(4).variantId, 1);
    services.sales.voidCurrent(cashier, 'se arrepintió');

    const docs = documents(t.db.sqlite);
    expect(docs.map((d) => d.seq)).toEqual(docs.map((_, i) => i + 1));
    expect(new Set(docs.map((d) => d.registerId))).toEqual(new Set([services.device.identity().registerId]));
    expect(new Set(docs.map((d) => d.idempotencyKey)).size).toBe(docs.length);
    const count = (type: CommandType) => docs.filter((d) => d.type === type).length;
    expect(count('sale.completed')).toBe(26);
    expect(count('customer.upserted')).toBe(1);
    expect(count('customer.address_added')).toBe(1);
    expect(count('tax_rate.changed')).toBe(1);
    expect(count('tax_rate.assigned')).toBe(1);
    expect(count('staff.changed')).toBeGreaterThanOrEqual(2);
    expect(count('store_settings.changed')).toBe(1);

    // Every global id a document names is a row of this database (no local integer ids anywhere).
    const unresolved: string[] = [];
    for (const doc of docs) {
      for (const ref of referencesOf(doc.type, doc.payload)) {
        const found = t.db.sqlite.prepare(`SELECT 1 FROM "${ref.table}" WHERE global_id = ?`).get(ref.globalId);
        if (!found) unresolved.push(`${doc.type}#${doc.seq} ${ref.table} ${ref.globalId}`);
      }
    }
    expect(unresolved).toEqual([]);
    const last = docs.find((d) => d.type === 'sale.completed' && (d.payload as { customerId: string | null }).customerId !== null && (d.payload as { total: number }).total === total)!;
    expect(last.payload).toMatchObject({ lines: [{ quantity: 2, discountApprovedBy: expect.any(String) }], payments: [{ method: 'card' }] });
  });
});

describe('two registers of one store', () => {
  it('apply each other’s sales to a third database without any id, number or sequence colliding', async () => {
    const a = await testStore(30, 9);
    stores.push(a);
    // Registers B and C start as copies of A's database (the store's catalog, staff and customers), each its own register.
    a.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const copy = (name: string, code: string): { services: Services; sqlite: Database.Database; close(): void } => {
      const file = path.join(a.dir, name);
      a.db.sqlite.exec(`VACUUM INTO '${file}'`);
      const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS });
      // A's own documents stay A's to send; the copy starts with none.
      db.sqlite.exec(`DELETE FROM sync_outbox`);
      reprovisionDevice(db.sqlite, manualClock(), code);
      return { services: createServices(db, { version: 'test', shell: 'web' }, manualClock()), sqlite: db.sqlite, close: () => db.close() };
    };
    const b = copy('b.sqlite', 'R02');
    const c = copy('c.sqlite', 'R03');
    try {
      const sell = (services: Services, variantIndex: number, key: string) => {
        const cashier = services.staff.list().find((u) => u.role === 'cashier')!;
        services.sales.addVariant(cashier, a.variant(variantIndex).variantId, 1);
        services.completeSale(cashier, [{ method: 'cash', amount: 100_000_000 }], key);
      };
      sell(a.services, 0, 'reg-a-sale-1');
      sell(b.services, 0, 'reg-b-sale-1');

      const fromA = documents(a.db.sqlite).filter((d) => d.type === 'sale.completed');
      const fromB = documents(b.sqlite).filter((d) => d.type === 'sale.completed');
      expect(fromA).toHaveLength(1);
      expect(fromB).toHaveLength(1);
      // Each register numbers its own documents from 1: the pair (register, seq) is the key, never seq alone.
      expect(documents(b.sqlite)[0]!.seq).toBe(1);
      expect(fromA[0]!.registerId).not.toBe(fromB[0]!.registerId);

      const apply = createRemoteSaleApplier(c.sqlite, loadInvoiceStates(c.sqlite));
      const variant = a.variant(0).variantId;
      const stockBefore = c.sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(variant) as number;
      expect(apply(fromA[0]!.payload as never)).toBe('applied');
      expect(apply(fromB[0]!.payload as never)).toBe('applied');
      // Applying again (a retried pull) changes nothing.
      expect(apply(fromA[0]!.payload as never)).toBe('duplicate');

      const invoices = c.sqlite.prepare(`SELECT invoice_number AS n, register_id AS r, global_id AS g FROM tblfacturas WHERE invoice_number IS NOT NULL ORDER BY n`).all() as { n: string; r: string; g: string }[];
      expect(invoices.map((i) => i.n)).toEqual(['R01-000001', 'R02-000001']);
      expect(new Set(invoices.map((i) => i.g)).size).toBe(2);
      expect(c.sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(variant)).toBe(stockBefore - 2);
      expect(c.sqlite.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
      // C's own numbering is untouched by what it received.
      sell(c.services, 1, 'reg-c-sale-1');
      expect(c.sqlite.prepare(`SELECT invoice_number FROM tblfacturas WHERE completion_key = 'reg-c-sale-1'`).pluck().get()).toBe('R03-000001');
    } finally {
      b.close();
      c.close();
      for (const f of ['b.sqlite', 'c.sqlite']) fs.rmSync(path.join(a.dir, f), { force: true });
    }
  });
});
