/** Tax totals per code and rate, from lines already priced (each rounded once): the one implementation for carts and receipts. */
export interface TaxBucket {
  taxCode: string;
  rateBp: number;
  base: number;
  tax: number;
}

/** Sums base and tax per (code, rate); highest rate first, then by code, so every screen and paper lists them alike. */
export function taxBuckets(lines: readonly { taxCode: string; taxRateBp: number; base: number; tax: number }[]): TaxBucket[] {
  const buckets = new Map<string, TaxBucket>();
  for (const l of lines) {
    const key = `${l.taxCode}:${l.taxRateBp}`;
    const b = buckets.get(key) ?? { taxCode: l.taxCode, rateBp: l.taxRateBp, base: 0, tax: 0 };
    b.base += l.base;
    b.tax += l.tax;
    buckets.set(key, b);
  }
  return [...buckets.values()].sort((a, b) => b.rateBp - a.rateBp || a.taxCode.localeCompare(b.taxCode));
}
