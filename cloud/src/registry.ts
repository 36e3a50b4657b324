/**
 * Stores, registration codes and registers: what an installer and the
 * register's first contact need. Every query names its store.
 */
import { and, eq, sql } from 'drizzle-orm';
import { newGlobalId } from '../../src/shared/ids';
import type { CloudDb } from './db';
import { registerCursors, registers, registrationCodes, stores } from './schema';
import { formatCode, formatToken, hashSecret, newSecret, parseCode, parseToken, secretMatches } from './secrets';

/** An error the API answers with a status and a stable code. */
export class CloudError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const REGISTER_CODE = /^[A-Z0-9]{2,6}$/;
export const CODE_TTL_MS = 7 * 24 * 3600 * 1000;

export async function createStore(db: CloudDb, name: string): Promise<string> {
  const storeId = newGlobalId();
  await db.insert(stores).values({ storeId, name });
  return storeId;
}

export async function createRegistrationCode(
  db: CloudDb,
  storeId: string,
  options: { registerCode?: string | undefined; ttlMs?: number; now?: Date } = {},
): Promise<string> {
  if (options.registerCode !== undefined && !REGISTER_CODE.test(options.registerCode)) {
    throw new CloudError(400, 'bad_register_code', `register code must be 2-6 capital letters or digits, got "${options.registerCode}"`);
  }
  const store = await db.select({ storeId: stores.storeId }).from(stores).where(eq(stores.storeId, storeId));
  if (store.length === 0) throw new CloudError(404, 'unknown_store', `no store ${storeId}`);
  const secret = newSecret(18);
  const now = options.now ?? new Date();
  await db.insert(registrationCodes).values({
    storeId,
    codeHash: hashSecret(secret),
    registerCode: options.registerCode ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (options.ttlMs ?? CODE_TTL_MS)),
  });
  return formatCode(storeId, secret);
}

/** Exchanges a one-time code for a device token; the same register registering again gets a new token. */
export async function registerDevice(
  db: CloudDb,
  input: { code: string; registerId: string; registerCode?: string | undefined },
): Promise<{ token: string; storeId: string; registerCode: string }> {
  const parsed = parseCode(input.code);
  const refused = new CloudError(403, 'bad_code', 'this registration code is unknown, used or expired');
  if (!parsed) throw refused;
  const { storeId, secret } = parsed;
  const registerId = input.registerId.toLowerCase();
  return db.transaction(async (tx) => {
    // Registrations of one store take turns: two at once would both pick the next free code (R03) and one would fail.
    await tx.select({ storeId: stores.storeId }).from(stores).where(eq(stores.storeId, storeId)).for('update');
    const [code] = await tx
      .select()
      .from(registrationCodes)
      .where(and(eq(registrationCodes.storeId, storeId), eq(registrationCodes.codeHash, hashSecret(secret))))
      .for('update');
    if (!code || code.usedAt !== null || code.expiresAt.getTime() <= Date.now()) throw refused;
    const [existing] = await tx
      .select()
      .from(registers)
      .where(and(eq(registers.storeId, storeId), eq(registers.registerId, registerId)))
      .for('update');
    if (existing?.revokedAt) throw new CloudError(403, 'register_revoked', `register ${existing.code} was revoked: ${existing.revokedReason ?? 'no reason given'}`);
    const taken = await tx.select({ registerId: registers.registerId, code: registers.code }).from(registers).where(eq(registers.storeId, storeId));
    const used = new Set(taken.filter((r) => r.registerId !== registerId).map((r) => r.code));
    const asked = input.registerCode && !used.has(input.registerCode) ? input.registerCode : null;
    let registerCode = code.registerCode ?? existing?.code ?? asked;
    if (registerCode === null) {
      for (let n = 1; registerCode === null; n++) if (!used.has(`R${String(n).padStart(2, '0')}`)) registerCode = `R${String(n).padStart(2, '0')}`;
    }
    const holder = taken.find((r) => r.code === registerCode);
    if (holder && holder.registerId !== registerId) throw new CloudError(409, 'register_code_taken', `register code ${registerCode} belongs to another register of this store`);
    const tokenSecret = newSecret();
    const tokenHash = hashSecret(tokenSecret);
    if (existing) {
      await tx
        .update(registers)
        .set({ tokenHash, code: registerCode })
        .where(and(eq(registers.storeId, storeId), eq(registers.registerId, registerId)));
    } else {
      await tx.insert(registers).values({ storeId, registerId, code: registerCode, tokenHash });
      await tx.insert(registerCursors).values({ storeId, registerId }).onConflictDoNothing();
    }
    await tx
      .update(registrationCodes)
      .set({ usedAt: sql`now()`, usedBy: registerId })
      .where(and(eq(registrationCodes.storeId, storeId), eq(registrationCodes.codeHash, code.codeHash)));
    return { token: formatToken(storeId, registerId, tokenSecret), storeId, registerCode };
  });
}

export interface Caller {
  storeId: string;
  registerId: string;
  registerCode: string;
}

/** The register a bearer token speaks for: 401 when unknown, 403 when revoked. */
export async function authenticate(db: CloudDb, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const unauthorized = new CloudError(401, 'unauthorized', 'a valid device token is required (Authorization: Bearer <token>)');
  const token = match?.[1] ? parseToken(match[1]) : null;
  if (!token) throw unauthorized;
  const [row] = await db
    .select({ code: registers.code, tokenHash: registers.tokenHash, revokedAt: registers.revokedAt, revokedReason: registers.revokedReason })
    .from(registers)
    .where(and(eq(registers.storeId, token.storeId), eq(registers.registerId, token.registerId)));
  if (!row || !secretMatches(token.secret, row.tokenHash)) throw unauthorized;
  if (row.revokedAt) {
    throw new CloudError(403, 'register_revoked', `register ${row.code} was revoked on ${row.revokedAt.toISOString()}: ${row.revokedReason ?? 'no reason given'}`);
  }
  return { storeId: token.storeId, registerId: token.registerId, registerCode: row.code };
}

export async function revokeRegister(db: CloudDb, storeId: string, registerId: string, reason: string): Promise<void> {
  const done = await db
    .update(registers)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(registers.storeId, storeId), eq(registers.registerId, registerId.toLowerCase())))
    .returning({ registerId: registers.registerId });
  if (done.length === 0) throw new CloudError(404, 'unknown_register', `no register ${registerId} in store ${storeId}`);
}
