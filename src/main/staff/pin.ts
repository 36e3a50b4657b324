import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { NewPinSchema } from '../../shared/pin';

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

/** Checks a new PIN against the shared rule (4-8 digits, not easy to guess); the renderer's forms use the same schema. */
export function validateNewPin(pin: string): void {
  const parsed = NewPinSchema.safeParse(pin);
  if (!parsed.success) throw new DomainError('VALIDATION', parsed.error.issues[0]!.message, 'pin');
}
