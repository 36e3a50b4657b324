import { describe, expect, it } from 'vitest';
import { quickCashAmounts, roundToIncrement, summarizeTenders } from './tender-math';

describe('summarizeTenders', () => {
  it('is not paid until the tenders cover the total, and only cash gives change', () => {
    expect(summarizeTenders(4990000, [])).toMatchObject({ remaining: 4990000, change: 0, paidInFull: false });
    const split = summarizeTenders(4990000, [{ method: 'card', amount: 2000000, reference: 'A1' }]);
    expect(split).toMatchObject({ remaining: 2990000, paidInFull: false });
    const paid = summarizeTenders(4990000, [
      { method: 'card', amount: 2000000, reference: 'A1' },
      { method: 'cash', amount: 5000000, reference: null },
    ]);
    expect(paid).toMatchObject({ remaining: 0, change: 2010000, paidInFull: true });
  });

  it('refuses card, transfer and credit above the total', () => {
    const s = summarizeTenders(1000, [{ method: 'transfer', amount: 1500, reference: 'T' }]);
    expect(s.overpaidNonCash).toBe(true);
    expect(s.paidInFull).toBe(false);
  });

  it('rounds the cash due to the store increment, half to even', () => {
    expect(roundToIncrement(4990050, 10000)).toBe(4990000);
    expect(roundToIncrement(4995000, 10000)).toBe(5000000);
    expect(roundToIncrement(4985000, 10000)).toBe(4980000);
    const s = summarizeTenders(4990050, [{ method: 'cash', amount: 4990000, reference: null }], 10000);
    expect(s).toMatchObject({ cashDue: 4990000, remaining: 0, change: 0, paidInFull: true });
  });
});

describe('quickCashAmounts', () => {
  it('offers the next round notes above what is due', () => {
    expect(quickCashAmounts(4990000, 2)).toEqual([5000000, 10000000]);
    expect(quickCashAmounts(17461000, 2)).toEqual([17500000, 18000000, 20000000]);
    expect(quickCashAmounts(1250, 2)).toEqual([1300, 1500, 2000]);
    expect(quickCashAmounts(5000000, 2)).toEqual([10000000]);
    expect(quickCashAmounts(0, 2)).toEqual([]);
  });
});
