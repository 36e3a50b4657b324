/**
 * Cart arithmetic, pure. Every amount is integer minor units. Rounding happens
 * once per line (half-even), and the totals are sums of the rounded lines, so
 * lines always add up to the total exactly.
 */
import { allocate, divRoundHalfEven } from '../../shared/rounding';
import { taxBuckets, type TaxBucket } from '../../shared/tax-buckets';

export type Discount =
  | { kind: 'percent'; /** basis points of a percent: 1000 = 10 % */ percentBp: number }
  | { kind: 'amount'; amount: number };

export interface PricingLine {
  unitPrice: number;
  quantity: number;
  /** Tax rate in basis points: 1900 = 19 %. */
  taxRateBp: number;
  taxCode: string;
  discount: Discount | null;
}

export interface PricedLine {
  /** unitPrice x quantity */
  gross: number;
  lineDiscount: number;
  /** This line's share of the order discount. */
  orderDiscount: number;
  /** Taxable base (excluding tax). */
  base: number;
  tax: number;
  /** What the customer pays for the line, tax included. */
  total: number;
}

export type { TaxBucket };

export interface PricedCart {
  lines: PricedLine[];
  /** Sum of gross line amounts. */
  gross: number;
  /** Line and order discounts together. */
  discount: number;
  base: number;
  tax: number;
  total: number;
  taxes: TaxBucket[];
}

const BP = 10_000;

function discountAmount(discount: Discount | null, of: number): number {
  if (!discount) return 0;
  const amount = discount.kind === 'percent' ? divRoundHalfEven(of * discount.percentBp, BP) : discount.amount;
  return Math.min(Math.max(amount, 0), Math.max(of, 0));
}

export function priceCart(lines: readonly PricingLine[], orderDiscount: Discount | null, pricesIncludeTax: boolean): PricedCart {
  const gross = lines.map((l) => l.unitPrice * l.quantity);
  const lineDiscounts = lines.map((l, i) => discountAmount(l.discount, gross[i]!));
  const afterLine = gross.map((g, i) => g - lineDiscounts[i]!);
  // Returns (negative quantities) never take a share of an order discount.
  const positive = afterLine.map((a) => Math.max(a, 0));
  const orderTotal = discountAmount(orderDiscount, positive.reduce((a, b) => a + b, 0));
  const orderShares = allocate(orderTotal, positive);

  const priced = lines.map((l, i): PricedLine => {
    const net = afterLine[i]! - orderShares[i]!;
    const tax = pricesIncludeTax ? divRoundHalfEven(net * l.taxRateBp, BP + l.taxRateBp) : divRoundHalfEven(net * l.taxRateBp, BP);
    const base = pricesIncludeTax ? net - tax : net;
    return { gross: gross[i]!, lineDiscount: lineDiscounts[i]!, orderDiscount: orderShares[i]!, base, tax, total: base + tax };
  });

  const sum = (f: (p: PricedLine) => number) => priced.reduce((a, p) => a + f(p), 0);
  return {
    lines: priced,
    gross: sum((p) => p.gross),
    discount: sum((p) => p.lineDiscount + p.orderDiscount),
    base: sum((p) => p.base),
    tax: sum((p) => p.tax),
    total: sum((p) => p.total),
    taxes: taxBuckets(lines.map((l, i) => ({ taxCode: l.taxCode, taxRateBp: l.taxRateBp, base: priced[i]!.base, tax: priced[i]!.tax }))),
  };
}
