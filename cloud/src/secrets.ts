/**
 * Device tokens and registration codes. Both name their store (and the
 * token its register) in clear, so every lookup filters by store_id, and
 * carry a random secret the cloud keeps only as a sha256 hash, compared in
 * constant time.
 *
 *   registration code: <storeId>.<secret>
 *   device token:      <storeId>.<registerId>.<secret>
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{16,128}$/;

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time equality of a secret's hash and a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function formatToken(storeId: string, registerId: string, secret: string): string {
  return `${storeId}.${registerId}.${secret}`;
}

export function parseToken(token: string): { storeId: string; registerId: string; secret: string } | null {
  const [storeId, registerId, secret, extra] = token.split('.');
  if (extra !== undefined || !storeId || !registerId || !secret) return null;
  if (!UUID.test(storeId) || !UUID.test(registerId) || !SECRET.test(secret)) return null;
  return { storeId: storeId.toLowerCase(), registerId: registerId.toLowerCase(), secret };
}

export const formatCode = (storeId: string, secret: string): string => `${storeId}.${secret}`;

export function parseCode(code: string): { storeId: string; secret: string } | null {
  const [storeId, secret, extra] = code.trim().split('.');
  if (extra !== undefined || !storeId || !secret || !UUID.test(storeId) || !SECRET.test(secret)) return null;
  return { storeId: storeId.toLowerCase(), secret };
}
