import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { settle, type TenderInput } from './tender';

describe('settle', () => {
  it('gives change on cash only', () => {
    const s = settle(87_500, [
      { method: 'card', amount: 50_000, reference: 'AUTH123' },
      { method: 'cash', amount: 50_000 },
    ]);
    expect(s.change).toBe(12_500);
    expect(s.payments.map((p) => p.amount)).toEqual([50_000, 37_500]);
  });

  it('refuses a card payment above what is due, and a short payment', () => {
    expect(() => settle(10_000, [{ method: 'card', amount: 12_000, reference: 'X' }])).toThrow(/cannot exceed/);
    const short = (() => {
      try {
        settle(10_000, [{ method: 'cash', amount: 9_000 }]);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(short).toMatchObject({ code: 'PAYMENT_SHORT', details: { remaining: 1_000 } });
  });

  it('needs a reference for card and transfer', () => {
    expect(() => settle(10_000, [{ method: 'card', amount: 10_000 }])).toThrow(/reference/);
  });

  it('rounds the cash due to the store increment', () => {
    const down = settle(12_420, [{ method: 'cash', amount: 20_000 }], 5_000);
    expect(down).toMatchObject({ rounding: -2_420, change: 10_000 }); // 124.20 -> 100.00 at a 50.00 increment
    const up = settle(12_520, [{ method: 'cash', amount: 20_000 }], 5_000);
    expect(up).toMatchObject({ rounding: 2_480, change: 5_000 }); // 125.20 -> 150.00
  });

  it('never gives negative change and always covers the total', () => {
    const tender: fc.Arbitrary<TenderInput> = fc.record({
      method: fc.constantFrom('cash' as const, 'card' as const, 'transfer' as const),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      reference: fc.constant('REF'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(tender, { minLength: 1, maxLength: 4 }), (total, tenders) => {
        try {
          const s = settle(total, tenders);
          expect(s.change).toBeGreaterThanOrEqual(0);
          expect(s.payments.reduce((a, p) => a + p.amount, 0)).toBe(total);
          expect(s.payments.every((p) => p.amount >= 0)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
        }
      }),
    );
  });
});
