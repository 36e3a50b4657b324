/**
 * The convergence check's canonical text: after a full sync a register and
 * the cloud must agree on every variant's stock and on the change each
 * versioned row (product, customer, tax rate...) is at. Each side lists
 * `id:value` lines, ids in byte order (lowercase UUID text), values with no
 * zero stock, joins them with "\n" and takes the MD5 (an agreement check,
 * not a security measure); the cloud does it in SQL (cloud/src/checksum.ts),
 * the register in src/main/sync/checksum.ts.
 */
export const checksumLine = (id: string, value: string | number): string => `${id}:${value}`;
export const CHECKSUM_JOIN = '\n';

export interface Checksums {
  /** Over variants whose stock is not zero. */
  stock: string;
  variants: number;
  /** Over versioned rows and the change each is at. */
  entities: string;
  entityCount: number;
}
