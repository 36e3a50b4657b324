/**
 * Money is integer minor units (cents) everywhere; formatting happens only at
 * the edge. These helpers refuse floats so a stray 19.99 fails loudly.
 */
import currencyCodes from 'currency-codes';

export type Minor = number;

export function assertMinor(value: number, field = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be an integer number of minor units, got ${value}`);
  }
  return value;
}

/**
 * Minor-unit digits of a currency per ISO 4217 (COP 2, JPY 0, KWD 3). Not
 * from Intl: CLDR gives COP 0 display digits, but our amounts are ISO minor
 * units, so 4990000 COP minor units is always $ 49.900,00.
 */
const digitsCache = new Map<string, number>();
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = currencyCodes.code(currency)?.digits;
    if (digits === undefined) throw new RangeError(`unknown currency ${currency}`);
    digitsCache.set(currency, digits);
  }
  return digits;
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

/** True for an ISO 4217 currency code this app can format. */
export const isKnownCurrency = (code: string): boolean => currencyCodes.code(code) !== undefined;
