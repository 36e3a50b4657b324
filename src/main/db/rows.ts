/**
 * Rows that must be there. A statement's `get` returns `Row | undefined`;
 * where the row cannot be missing (a COUNT(*), a row just inserted or read in
 * the same transaction) this says so, and fails loudly naming what was
 * missing instead of letting `undefined` travel on as a value.
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, found no row`);
  return value;
}
