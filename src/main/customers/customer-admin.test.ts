import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewCustomerSchema } from '../../shared/ipc/contract';
import { testStore, type TestStore } from '../../../test/store';
import { createCustomerAdmin, type CustomerAdmin } from './customer-admin';
import { createCustomerCsv, type CustomerCsv } from './customer-csv';

let t: TestStore;
let admin: CustomerAdmin;
let csv: CustomerCsv;
beforeEach(async () => {
  t = await testStore(5, 2);
  admin = createCustomerAdmin(t.db.sqlite, t.services.writes, t.services.customers);
  csv = createCustomerCsv(t.db.sqlite, t.services.writes, t.services.customers, admin);
});
afterEach(() => t.cleanup());

const valid = { documentTypeCode: 'NATIONAL_ID', document: '1020304050', firstName: 'Valentina', lastName: 'Ospina', email: 'vale@example.com', phoneTypeCode: 'MOBILE', phone: '+57 310 555 1234', countryCode: 'CO' };
const count = (sql: string) => t.db.sqlite.prepare(sql).pluck().get() as number;

async function buyFor(customerId: number) {
  const v = t.variant(0);
  t.services.sales.addVariant(t.cashier, v.variantId, 2);
  let cart = t.services.sales.current();
  cart = t.services.sales.setCustomer(t.cashier, customerId, null, null, cart.draftId);
  const done = t.services.completeSale(t.cashier, [{ method: 'cash', amount: cart.totals.total }], `cust-sale-${customerId}-0001`);
  return { ...done, total: cart.totals.total };
}

describe('customer records in the back office', () => {
  it('edits with the document kept unique, audits before/after and emits one document per real change', () => {
    const a = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    const b = t.services.customers.create(NewCustomerSchema.parse({ ...valid, document: '555666777', email: 'b@example.com' }), t.cashier.id);
    expect(() => admin.update(t.manager, b.id, NewCustomerSchema.parse({ ...valid, email: 'b@example.com' }))).toThrow(expect.objectContaining({ code: 'CONFLICT', field: 'document' }));
    const edited = admin.update(t.manager, a.id, NewCustomerSchema.parse({ ...valid, lastName: 'Ospina Gil', phone: '' }));
    expect(edited).toMatchObject({ lastName: 'Ospina Gil', phone: null });
    admin.update(t.manager, a.id, NewCustomerSchema.parse({ ...valid, lastName: 'Ospina Gil', phone: '' }));
    expect(count(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'customer.upserted'`)).toBe(3);
    const audit = JSON.parse(t.db.sqlite.prepare(`SELECT details FROM audit_log WHERE action = 'customer.update'`).pluck().get() as string);
    expect(audit).toMatchObject({ before: { lastName: 'Ospina', phone: '+57 310 555 1234' }, after: { lastName: 'Ospina Gil', phone: null } });
  });

  it('shows purchase history with totals, exports the data as JSON, and erases on request keeping the sales unlinked', async () => {
    const c = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    t.services.customers.addAddress({ customerId: c.id, kind: 'shipping', address: 'Calle 1 # 2-3', zipCode: '110111', countryCode: 'CO' }, t.cashier.id);
    const sale = await buyFor(c.id);
    const history = admin.history(c.id);
    expect(history).toMatchObject({ count: 1, items: 2, total: sale.total });

    const exported = JSON.parse(admin.exportData(t.manager, c.id).json);
    expect(exported.customer).toMatchObject({ document: '1020304050', email: 'vale@example.com', addresses: [{ kind: 'shipping', address: 'Calle 1 # 2-3' }] });
    expect(exported.purchases[0]).toMatchObject({ invoiceNumber: sale.invoiceNumber, items: 2 });

    expect(() => admin.erase(t.manager, c.id, ' ')).toThrow(expect.objectContaining({ field: 'reason' }));
    const erased = admin.erase(t.manager, c.id, 'request #42');
    expect(erased).toMatchObject({ firstName: 'ERASED', document: null, email: null, phone: null, addresses: [] });
    expect(t.services.customers.search('1020304050')).toEqual([]);
    // The sale is still there with its total, no longer pointing at the customer.
    expect(t.db.sqlite.prepare(`SELECT ID_cliente AS c, total_factura AS total FROM tblfacturas WHERE invoice_number = ?`).get(sale.invoiceNumber)).toEqual({ c: null, total: sale.total });
    expect(admin.history(c.id).count).toBe(0);
    const actions = t.db.sqlite.prepare(`SELECT action, details FROM audit_log WHERE entity = 'tblclientes' AND action IN ('customer.exported', 'customer.erased') ORDER BY id`).all() as { action: string; details: string }[];
    expect(actions.map((a) => a.action)).toEqual(['customer.exported', 'customer.erased']);
    expect(actions[1]!.details).not.toContain('Valentina');
    expect(count(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'customer.erased'`)).toBe(1);
  });
});

describe('customer CSV', () => {
  const header = 'document_type,document,first_name,middle_name,last_name,second_last_name,email,phone_type,phone,country,billing_address,billing_zip,shipping_address,shipping_zip';

  it('reports every bad row with row, column and reason, and writes nothing', () => {
    const before = count(`SELECT COUNT(*) FROM tblclientes`);
    const file = [
      header,
      'NATIONAL_ID,1020304050,Valentina,,Ospina,,vale@example.com,MOBILE,+57 310 555 1234,CO,Calle 1 # 2-3,110111,,',
      'NATIONAL_ID,1,Ana,,,,not-an-email,,,CO,,,,',
      'PASSPORT_X,AB123456,Luis,,Rojas,,,,,ZZ,,,,',
      'NATIONAL_ID,1020304050,Otra,,Vez,,,,,CO,,,,',
      'NATIONAL_ID,778899,Sin,,Tipo,,,,3105551234,CO,,,x,',
      'too,few',
    ].join('\n');
    const report = csv.import(t.manager, file);
    expect(report.ok).toBe(false);
    const byRow = (row: number) => report.errors.filter((e) => e.row === row).map((e) => e.column).sort();
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['document', 'email', 'last_name']);
    expect(byRow(4)).toEqual(['country', 'document_type']);
    expect(report.errors.find((e) => e.row === 5)).toMatchObject({ column: 'document', reason: 'same document type and number as row 2' });
    expect(byRow(6)).toEqual(['phone_type', 'shipping_address']);
    expect(report.errors.find((e) => e.row === 7)?.reason).toMatch(/has 2 fields/);
    expect(count(`SELECT COUNT(*) FROM tblclientes`)).toBe(before);
  });

  it('imports a valid file (creating and updating by document) and exports the same shape back', () => {
    const existing = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    const file = [
      header,
      'NATIONAL_ID,1020304050,Valentina,,Ospina,Ríos,vale@example.com,MOBILE,+57 310 555 1234,CO,"Calle 1 # 2-3, apto 4",110111,,',
      'PASSPORT,AB123456,"Luis, Jr.",,Rojas,,luis@example.com,,,ES,,,Gran Vía 1,28013',
    ].join('\r\n');
    expect(csv.import(t.manager, file)).toEqual({ ok: true, rows: 2, created: 1, updated: 1, errors: [] });
    expect(t.services.customers.get(existing.id)).toMatchObject({ secondLastName: 'Ríos', addresses: [{ kind: 'billing', address: 'Calle 1 # 2-3, apto 4' }] });
    const out = csv.export();
    expect(out.split('\n')[0]).toBe(header);
    expect(out).toContain('PASSPORT,AB123456,"Luis, Jr.",,Rojas,,luis@example.com,,,ES,,,Gran Vía 1,28013');
    // Round trip: importing the export changes nothing but counts every row as an update.
    const again = csv.import(t.manager, out);
    expect(again).toMatchObject({ ok: true, created: 0 });
  });
});
