import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewCustomerSchema } from '../../shared/ipc/contract';
import { testStore, type TestStore } from '../../../test/store';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(5, 2);
});
afterEach(() => t.cleanup());

const valid = {
  documentTypeCode: 'NATIONAL_ID',
  document: '1020304050',
  firstName: 'Valentina',
  lastName: 'Ospina',
  secondLastName: 'Restrepo',
  email: 'Valentina.Ospina@Example.com',
  phoneTypeCode: 'MOBILE',
  phone: '+57 310 555 1234',
  countryCode: 'CO',
};

describe('customers at the till', () => {
  it('creates a customer, with its outbox entry, and finds it by document, name, email and phone', () => {
    const c = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    expect(c).toMatchObject({ name: 'Valentina Ospina Restrepo', email: 'valentina.ospina@example.com', documentType: 'NATIONAL_ID', countryCode: 'CO', creditBalance: 0 });
    for (const q of ['1020304050', '10203', 'valentina osp', 'Ospina', 'valentina.ospina@', '555 1234']) {
      expect(t.services.customers.search(q).map((x) => x.id), q).toContain(c.id);
    }
    expect(t.db.sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'customer.upserted'`).pluck().get()).toBe(1);
  });

  it('refuses a duplicate document and unknown codes, naming the field', () => {
    t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    expect(() => t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id)).toThrow(expect.objectContaining({ code: 'CONFLICT', field: 'document' }));
    expect(() => t.services.customers.create(NewCustomerSchema.parse({ ...valid, document: '998877', countryCode: 'XX' }), t.cashier.id)).toThrow(expect.objectContaining({ field: 'countryCode' }));
  });

  it('warns about an email another customer already has, and saves it when the cashier confirms', () => {
    const first = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    const sibling = { ...valid, document: '1020304051', firstName: 'Mariana', email: 'VALENTINA.OSPINA@example.com' };
    expect(() => t.services.customers.create(NewCustomerSchema.parse(sibling), t.cashier.id)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'email', details: { duplicateOf: first.id, name: 'Valentina Ospina Restrepo' } }),
    );
    const saved = t.services.customers.create(NewCustomerSchema.parse({ ...sibling, allowDuplicateEmail: true }), t.cashier.id);
    expect(saved.email).toBe('valentina.ospina@example.com');
    const payload = t.db.sqlite.prepare(`SELECT payload FROM sync_outbox WHERE entity_global_id = (SELECT global_id FROM tblclientes WHERE id_cliente = ?)`).pluck().get(saved.id) as string;
    expect(JSON.parse(payload)).not.toHaveProperty('allowDuplicateEmail');
  });

  it('validates the form at the boundary with clear field errors', () => {
    const bad = NewCustomerSchema.safeParse({ ...valid, email: 'not-an-email', phone: 'abc' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'phone']);
    // LIKE wildcards typed by a cashier are literal.
    expect(t.services.customers.search('%')).toEqual([]);
  });

  it('adds billing and shipping addresses the sale can use', () => {
    const c = t.services.customers.create(NewCustomerSchema.parse(valid), t.cashier.id);
    const bill = t.services.customers.addAddress({ customerId: c.id, kind: 'billing', address: 'Carrera 7 # 71-21, Bogotá', zipCode: '110231', countryCode: 'CO' }, t.cashier.id);
    const ship = t.services.customers.addAddress({ customerId: c.id, kind: 'shipping', address: 'Calle 93 # 11-26, Bogotá', countryCode: 'CO' }, t.cashier.id);
    expect(t.services.customers.get(c.id).addresses.map((a) => a.kind)).toEqual(['billing', 'shipping']);
    t.services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const cart = t.services.sales.setCustomer(t.cashier, c.id, bill.id, ship.id);
    expect(cart).toMatchObject({ customer: { id: c.id }, billingAddressId: bill.id, shippingAddressId: ship.id });
    const other = t.db.sqlite.prepare(`SELECT MIN(id_cliente) FROM tblclientes WHERE id_cliente <> ?`).pluck().get(c.id) as number;
    expect(() => t.services.sales.setCustomer(t.cashier, other, bill.id)).toThrow(/another customer/);
  });
});
