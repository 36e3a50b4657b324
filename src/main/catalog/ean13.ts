/**
 * EAN-13 helpers: the check digit, validation, and in-store codes.
 *
 * GS1 reserves prefixes 20-29 for "restricted circulation" numbers a store
 * assigns itself; they never clash with a maker's code, so a store can label
 * goods that arrive without one. Everything else (e.g. 770, Colombia) is a
 * maker's code bought from GS1.
 */

const DIGITS_12 = /^\d{12}$/;
const DIGITS_13 = /^\d{13}$/;

/** The lowest and highest in-store prefixes (GS1 restricted circulation). */
export const IN_STORE_PREFIX_MIN = 20;
export const IN_STORE_PREFIX_MAX = 29;
/** The largest sequence number an in-store code can carry (10 digits). */
export const IN_STORE_SEQUENCE_MAX = 9_999_999_999;

/** Check digit of the first 12 digits: weights 1,3,1,3... from the left, mod 10. */
export function checkDigit(first12: string): number {
  if (!DIGITS_12.test(first12)) throw new RangeError(`EAN-13 body must be 12 digits, got ${JSON.stringify(first12)}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit to a 12-digit body. */
export function makeEan13(first12: string): string {
  return first12 + String(checkDigit(first12));
}

export function isValidEan13(code: string): boolean {
  return DIGITS_13.test(code) && checkDigit(code.slice(0, 12)) === code.charCodeAt(12) - 48;
}

/** A valid EAN-13 in the in-store range (prefix 20-29). */
export function isInStoreEan13(code: string): boolean {
  return isValidEan13(code) && code[0] === '2';
}

/**
 * The in-store EAN-13 for a sequence number: two-digit prefix (20-29), the
 * sequence in 10 digits, then the check digit. Distinct sequences give
 * distinct codes, so a counter is enough to keep them unique.
 */
export function makeInStoreEan13(sequence: number, prefix = IN_STORE_PREFIX_MIN): string {
  if (!Number.isInteger(prefix) || prefix < IN_STORE_PREFIX_MIN || prefix > IN_STORE_PREFIX_MAX) {
    throw new RangeError(`in-store prefix must be ${IN_STORE_PREFIX_MIN}-${IN_STORE_PREFIX_MAX}, got ${prefix}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > IN_STORE_SEQUENCE_MAX) {
    throw new RangeError(`in-store sequence must be 0-${IN_STORE_SEQUENCE_MAX}, got ${sequence}`);
  }
  return makeEan13(String(prefix) + String(sequence).padStart(10, '0'));
}
