/**
 * Whether a discount still stays within what was allowed when it was given.
 *
 * A discount is allowed up to the store's approval threshold, or up to the
 * share of the line (or sale) it had when a manager approved it. Amounts
 * change after the discount is given (quantity, removed lines, price
 * changes), so the check runs on every reprice, not only when the discount
 * is entered: 10 % off 100 units is 100 % off once the quantity drops to 1.
 */
import type { Discount } from './pricing';

const BP = 10_000n;

/**
 * The discount's share of what it applies to, in basis points. A percent is
 * its own share whatever the amounts; an amount's share is rounded up, so
 * `share > limit` is exactly `amountOff / gross > limit / 10000`.
 */
export function discountShareBp(discount: Discount, amountOff: number, gross: number): number {
  if (discount.kind === 'percent') return discount.percentBp;
  if (amountOff <= 0) return 0;
  if (gross <= 0) return 10_000;
  const g = BigInt(gross);
  return Number((BigInt(amountOff) * BP + g - 1n) / g);
}

/** True when a share is above both the store's threshold and what was approved. */
export const exceedsAllowance = (shareBp: number, thresholdBp: number, allowedBp: number | null): boolean =>
  shareBp > Math.max(thresholdBp, allowedBp ?? 0);

/** "12.5" for 1250 basis points. */
export const bpText = (bp: number): string => String(bp / 100);
