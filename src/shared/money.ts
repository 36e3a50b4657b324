/**
 * Money is integer minor units (cents) everywhere; formatting happens only at
 * the edge. These helpers refuse floats so a stray 19.99 fails loudly.
 */
export type Minor = number;

export function assertMinor(value: number, field = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be an integer number of minor units, got ${value}`);
  }
  return value;
}

/** Digits after the decimal point for a currency (COP 2, JPY 0, ...). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
}

export function formatMoney(minor: Minor, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}
