import { describe, expect, it } from 'vitest';
import { customerCountFor, MAX_CUSTOMER_ACCOUNTS, nitCheckDigit, planCustomers } from './customer-plan';
import { createPrng } from './prng';

describe('customer plan', () => {
  it('computes the DIAN check digit of a NIT', () => {
    // DIAN's own NIT is 800.197.268-4.
    expect(nitCheckDigit('800197268')).toBe(4);
  });

  it('scales with the catalog, with at least 50 customers', () => {
    expect(customerCountFor(30)).toBe(50);
    expect(customerCountFor(20_000)).toBe(1000);
  });

  it('plans unique documents and e-mails, capped accounts, 0-2 addresses each', () => {
    const customers = planCustomers(createPrng(4), 1500);
    const docs = customers.map((c) => `${c.documentType}:${c.document}`);
    expect(new Set(docs).size).toBe(docs.length);
    const emails = customers.flatMap((c) => (c.email ? [c.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
    expect(customers.filter((c) => c.hasAccount).length).toBe(MAX_CUSTOMER_ACCOUNTS);
    for (const c of customers) {
      expect(c.shipping.length).toBeLessThanOrEqual(2);
      expect(c.billing.length).toBeLessThanOrEqual(2);
      expect(c.phone).toMatch(/^\+57 \d{3} \d{3} \d{4}$/);
      if (c.documentType === 'TAX_ID') {
        const [nit, dv] = c.document.split('-');
        expect(Number(dv)).toBe(nitCheckDigit(nit ?? ''));
      }
    }
    const colombians = customers.filter((c) => c.countryIso === 'CO').length / customers.length;
    expect(colombians).toBeGreaterThan(0.85);
  });
});
