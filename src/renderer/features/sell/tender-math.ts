/**
 * The payment panel's live arithmetic, mirroring main's settle(): cash is
 * the amount handed over and the only tender that gives change; cash due may
 * be rounded to the store's increment; card, transfer and store credit pay
 * exactly what they say. Main re-checks all of it on completion.
 */
import type { PaymentMethod } from '../../../shared/ipc/payment-methods';

export interface TenderDraft {
  method: PaymentMethod;
  amount: number;
  reference: string | null;
}

/** Integer division rounded half to even, as main rounds cash. */
function divRoundHalfEven(n: number, d: number): number {
  const q = Math.trunc(n / d);
  const r = n - q * d;
  const twice = Math.abs(r) * 2;
  if (twice > d || (twice === d && Math.abs(q) % 2 === 1)) return q + Math.sign(n);
  return q;
}

export const roundToIncrement = (amount: number, increment: number): number =>
  increment > 1 ? divRoundHalfEven(amount, increment) * increment : amount;

export interface TenderSummary {
  /** What cash must cover after the other tenders (rounded when cash is used or about to be). */
  cashDue: number;
  /** Still to pay (0 when paid in full). */
  remaining: number;
  change: number;
  /** Card, transfer and store credit together exceed the total: main refuses that. */
  overpaidNonCash: boolean;
  paidInFull: boolean;
}

export function summarizeTenders(total: number, tenders: readonly TenderDraft[], cashIncrement = 0, payingCash = false): TenderSummary {
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cash = tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amount, 0);
  const unrounded = total - nonCash;
  const cashDue = cash > 0 || payingCash ? roundToIncrement(Math.max(unrounded, 0), cashIncrement) : Math.max(unrounded, 0);
  const remaining = Math.max(cashDue - cash, 0);
  const change = Math.max(cash - cashDue, 0);
  const overpaidNonCash = nonCash > total;
  return { cashDue, remaining, change, overpaidNonCash, paidInFull: tenders.length > 0 && remaining === 0 && !overpaidNonCash };
}

/**
 * Quick cash amounts above `due`: `due` rounded up to the next 1 or 5 x 10^k
 * major units (what a customer hands over in notes), no step above 2.5 times the
 * amount due, at most `max`, smallest first. `digits` = minor digits.
 */
export function quickCashAmounts(due: number, digits: number, max = 3): number[] {
  if (due <= 0) return [];
  const unit = 10 ** digits;
  const found = new Set<number>();
  for (let power = 0; power <= 9; power++) {
    for (const note of [1, 5]) {
      const step = note * 10 ** power * unit;
      // Tiny steps just give back `due` itself; huge ones are silly.
      if (step * 100 < due || step * 2 > due * 5) continue;
      const amount = Math.ceil(due / step) * step;
      if (amount > due) found.add(amount);
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, max);
}
