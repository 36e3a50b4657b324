/**
 * The payment panel's arithmetic: the tender maths is main's own
 * (src/shared/tender.ts), re-exported; quick cash amounts are the panel's.
 */
import type { PaymentMethod } from '../../../shared/payment-methods';

export interface TenderDraft {
  method: PaymentMethod;
  amount: number;
  reference: string | null;
}

// One implementation of the arithmetic for main and the payment dialog.
export { roundToIncrement, summarizeTenders, type TenderSummary } from '../../../shared/tender';

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
