/**
 * This register's identity (device_identity, one row, never synced): its
 * UUIDv7, the code in its invoice numbers and its outbox sequence. Created
 * when the database is first opened; an older database keeps the register
 * code it had in the store settings.
 */
import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { newGlobalId } from '../../shared/ids';
import { isoNow, type Clock } from '../db/clock';
import { must } from '../db/rows';

export interface DeviceIdentity {
  registerId: string;
  registerCode: string;
}

export const REGISTER_CODE = /^[A-Z0-9]{2,6}$/;

/** A code for a new register until IT names it: R and four characters, so two new registers rarely share one. */
export function newRegisterCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let code = 'R';
  for (let i = 0; i < 4; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export function ensureDeviceIdentity(sqlite: Database.Database, clock: Clock): void {
  // A database migrated only part way (tests of old versions) has no such table yet.
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_identity'`).get()) return;
  const exists = sqlite.prepare(`SELECT 1 FROM device_identity WHERE id = 1`).get();
  if (exists) return;
  const legacy = sqlite.prepare(`SELECT json_extract(value, '$.registerCode') FROM app_settings WHERE key = 'store'`).pluck().get();
  const code = typeof legacy === 'string' && REGISTER_CODE.test(legacy) ? legacy : newRegisterCode();
  const now = isoNow(clock);
  const registerId = newGlobalId();
  sqlite.transaction(() => {
    sqlite
      .prepare(`INSERT INTO device_identity (id, register_id, register_code, created_at, updated_at) VALUES (1, ?, ?, ?, ?)`)
      .run(registerId, code, now, now);
    // Every invoice already in the file was rung up here.
    sqlite.prepare(`UPDATE tblfacturas SET register_id = ? WHERE register_id IS NULL`).run(registerId);
  })();
}

export function createDeviceService(sqlite: Database.Database, clock: Clock) {
  const read = sqlite.prepare<[], DeviceIdentity>(`SELECT register_id AS registerId, register_code AS registerCode FROM device_identity WHERE id = 1`);
  const writeCode = sqlite.prepare(`UPDATE device_identity SET register_code = ?, updated_at = ? WHERE id = 1`);
  const nextSeq = sqlite
    .prepare<[], number>(`UPDATE device_identity SET last_outbox_seq = last_outbox_seq + 1 WHERE id = 1 RETURNING last_outbox_seq`)
    .pluck();
  // Read on every scan and sale; this service is its only writer.
  let cached: DeviceIdentity | null = null;
  return {
    identity(): DeviceIdentity {
      cached ??= Object.freeze(must(read.get(), 'the register identity (device_identity row 1)'));
      return cached;
    },
    setRegisterCode(code: string): void {
      writeCode.run(code, isoNow(clock));
      cached = null;
    },
    /** The next outbox number; call inside the write's transaction, so a rollback leaves no gap. */
    nextOutboxSeq(): number {
      return must(nextSeq.get(), 'the register identity (device_identity row 1)');
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;

/**
 * Gives a copied database file its own register identity (a till cloned from
 * another's image must not send the other's sequence numbers). Only for a
 * file that has never pushed a document.
 */
export function reprovisionDevice(sqlite: Database.Database, clock: Clock, registerCode: string): DeviceIdentity {
  const written = must(sqlite.prepare<[], number>(`SELECT COUNT(*) FROM sync_outbox`).pluck().get(), 'the count of outbox documents');
  if (written > 0) throw new Error(`this database already wrote ${written} outbox documents as its register; it cannot become another`);
  const registerId = newGlobalId();
  sqlite
    .prepare(`UPDATE device_identity SET register_id = ?, register_code = ?, last_outbox_seq = 0, device_token = NULL, pull_cursor = '0', updated_at = ? WHERE id = 1`)
    .run(registerId, registerCode, isoNow(clock));
  return { registerId, registerCode };
}
