import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart, type Discount, type PricingLine } from './pricing';
import { allocate, divRoundHalfEven } from '../../shared/rounding';

describe('rounding', () => {
  it('rounds half to even', () => {
    expect([5, 15, 25, -5, -15, 7, 13].map((n) => divRoundHalfEven(n, 10))).toEqual([0, 2, 2, 0, -2, 1, 1]);
  });
  it('allocates exactly, in proportion', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((p) => p >= 0)).toBe(true);
      }),
    );
  });
});

const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 10_000 }).map((percentBp) => ({ kind: 'percent' as const, percentBp })),
  fc.integer({ min: 0, max: 50_000_000 }).map((amount) => ({ kind: 'amount' as const, amount })),
);
const lineArb: fc.Arbitrary<PricingLine> = fc.record({
  unitPrice: fc.integer({ min: 0, max: 200_000_000 }),
  quantity: fc.integer({ min: 1, max: 50 }),
  taxRateBp: fc.constantFrom(0, 500, 1900),
  taxCode: fc.constant('X'),
  discount: discountArb,
}).map((l) => ({ ...l, taxCode: `T${l.taxRateBp}` }));

describe('priceCart', () => {
  it('19 % included: 119.00 carries 19.00 of tax', () => {
    const cart = priceCart([{ unitPrice: 11900, quantity: 1, taxRateBp: 1900, taxCode: 'IVA19', discount: null }], null, true);
    expect(cart).toMatchObject({ total: 11900, base: 10000, tax: 1900 });
  });

  it('19 % added on top when prices exclude tax', () => {
    const cart = priceCart([{ unitPrice: 10000, quantity: 2, taxRateBp: 1900, taxCode: 'IVA19', discount: { kind: 'percent', percentBp: 1000 } }], null, false);
    expect(cart).toMatchObject({ gross: 20000, discount: 2000, base: 18000, tax: 3420, total: 21420 });
  });

  it('splits an order discount across lines and reports tax per rate', () => {
    const cart = priceCart(
      [
        { unitPrice: 11900, quantity: 1, taxRateBp: 1900, taxCode: 'IVA19', discount: null },
        { unitPrice: 10500, quantity: 1, taxRateBp: 500, taxCode: 'IVA5', discount: null },
        { unitPrice: 5000, quantity: 1, taxRateBp: 0, taxCode: 'EXENTO', discount: null },
      ],
      { kind: 'amount', amount: 2740 },
      true,
    );
    expect(cart.total).toBe(11900 + 10500 + 5000 - 2740);
    expect(cart.lines.map((l) => l.orderDiscount).reduce((a, b) => a + b)).toBe(2740);
    expect(cart.taxes.map((t) => t.taxCode)).toEqual(['IVA19', 'IVA5', 'EXENTO']);
    expect(cart.taxes.reduce((a, t) => a + t.tax, 0)).toBe(cart.tax);
  });

  it('lines always add up to the totals, discounts never exceed the price, nothing goes negative', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 15 }), discountArb, fc.boolean(), (lines, order, inclusive) => {
        const cart = priceCart(lines, order, inclusive);
        const sum = (f: (l: (typeof cart.lines)[number]) => number) => cart.lines.reduce((a, l) => a + f(l), 0);
        expect(sum((l) => l.total)).toBe(cart.total);
        expect(sum((l) => l.tax)).toBe(cart.tax);
        expect(cart.base + cart.tax).toBe(cart.total);
        expect(cart.taxes.reduce((a, t) => a + t.base + t.tax, 0)).toBe(cart.total);
        for (const l of cart.lines) {
          expect(l.lineDiscount + l.orderDiscount).toBeLessThanOrEqual(l.gross);
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.tax).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(l.total)).toBe(true);
        }
        if (inclusive) expect(cart.total).toBe(cart.gross - cart.discount);
      }),
      { numRuns: 500 },
    );
  });
});
