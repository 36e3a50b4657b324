import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../../shared/errors';

/**
 * PINs and passwords are stored as scrypt hashes: `scrypt$N$r$p$salt$hash`
 * (base64). node:crypto's scrypt needs no native addon. A 4-digit PIN is weak
 * against an offline attacker whatever the hash; the real defence is the
 * rate limit in staff-service, this keeps the stored value useless at a glance.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

const scrypt = (secret: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(secret, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new Error('stored hash is not in scrypt format');
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(secret, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

const TRIVIAL_PINS = new Set(['1234', '12345', '123456', '4321', '1111', '0000']);

/** Checks a new PIN: 4-8 digits, not all one digit, not a straight run. */
export function validateNewPin(pin: string): void {
  if (!/^\d{4,8}$/.test(pin)) throw new DomainError('VALIDATION', 'PIN must be 4 to 8 digits', 'pin');
  const digits = [...pin].map(Number);
  const allSame = digits.every((d) => d === digits[0]);
  const run = (step: number) => digits.every((d, i) => i === 0 || d === (digits[i - 1]! + step + 10) % 10);
  if (allSame || run(1) || run(-1) || TRIVIAL_PINS.has(pin)) {
    throw new DomainError('VALIDATION', 'PIN is too easy to guess (repeated or sequential digits)', 'pin');
  }
}
