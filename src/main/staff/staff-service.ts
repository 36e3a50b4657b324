import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import { NewStaffSchema } from '../../shared/ipc/contract';
import type { StaffSummary } from '../../shared/ipc/dto';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../shared/roles';
import { isoNow, type Clock } from '../db/clock';
import { must } from '../db/rows';
import { cleanText } from '../../shared/text';
import type { WritePath } from '../write';
import { hashSecret, validateNewPin, verifySecret } from './pin';

/** Wrong PINs allowed in a row before the user is locked out. */
export const MAX_PIN_ATTEMPTS = 5;
/** How long a lock lasts. */
export const PIN_LOCK_MS = 5 * 60_000;

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: StaffRoleName;
  pin: string;
}

export interface StaffUserRow extends StaffSummary {
  username: string;
  active: boolean;
  lockedUntil: string | null;
}

interface Row {
  id: number;
  username: string;
  display_name: string;
  role: StaffRoleName;
  pin_hash: string;
  global_id: string;
  failed_pin_attempts: number;
  locked_until: string | null;
  active: number;
}

export function createStaffService(sqlite: Database.Database, clock: Clock, writes: WritePath) {
  const byId = sqlite.prepare<[userId: number], Row>(`SELECT * FROM staff_users WHERE id = ?`);
  const byUsername = sqlite.prepare<[username: string], Row>(`SELECT * FROM staff_users WHERE username = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO staff_users (global_id, username, display_name, role, pin_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recordFailure = sqlite.prepare(
    `UPDATE staff_users SET failed_pin_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?`,
  );
  const recordSuccess = sqlite.prepare(
    `UPDATE staff_users SET failed_pin_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
  );

  /** The staff.changed document of a user as stored now. */
  const staffDoc = (r: Row) => ({ staffId: r.global_id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 });

  const summary = (r: Row): StaffSummary => ({ id: r.id, displayName: r.display_name, role: r.role });
  const toListRow = (r: Row): StaffUserRow => ({
    ...summary(r),
    username: r.username,
    active: r.active === 1,
    lockedUntil: r.locked_until,
  });

  function find(idOrUsername: number | string): Row {
    const row = typeof idOrUsername === 'number' ? byId.get(idOrUsername) : byUsername.get(idOrUsername);
    if (!row) throw new DomainError('NOT_FOUND', `no staff user ${JSON.stringify(idOrUsername)}`, 'user');
    return row;
  }

  return {
    async create(input: NewStaffUser, actorId: number | null): Promise<StaffUserRow> {
      const username = input.username.trim().toLowerCase();
      if (!NewStaffSchema.shape.username.safeParse(username).success) {
        throw new DomainError(
          'VALIDATION',
          'username must be 2-32 characters: lowercase letters, digits, dot, dash or underscore',
          'username',
        );
      }
      const displayName = cleanText(input.displayName).trim();
      if (displayName.length < 1 || displayName.length > 60) {
        throw new DomainError('VALIDATION', 'display name must be 1-60 characters', 'displayName');
      }
      if (!STAFF_ROLE_NAMES.includes(input.role)) {
        throw new DomainError('VALIDATION', `role must be one of ${STAFF_ROLE_NAMES.join(', ')}`, 'role');
      }
      validateNewPin(input.pin);
      if (byUsername.get(username)) throw new DomainError('CONFLICT', `username ${username} is taken`, 'username');
      const pinHash = await hashSecret(input.pin);
      const now = isoNow(clock);
      const id = writes.mutate(actorId === null ? null : { id: actorId }, (w) => {
        const { lastInsertRowid } = insert.run(newGlobalId(), username, displayName, input.role, pinHash, now, now);
        const row = find(Number(lastInsertRowid));
        w.audit({ action: 'staff.create', entity: 'staff_users', entityId: row.global_id, after: { username, displayName, role: input.role } });
        w.emit('staff.changed', staffDoc(row));
        return row.id;
      });
      return toListRow(find(id));
    },

    /**
     * The first admin of a new store, created from the login screen. Only
     * while the store has no staff at all: afterwards admins add users.
     */
    async bootstrapAdmin(input: Omit<NewStaffUser, 'role'>): Promise<StaffUserRow> {
      const anyone = sqlite.prepare<[], number>(`SELECT EXISTS (SELECT 1 FROM staff_users)`).pluck().get() === 1;
      if (anyone) throw new DomainError('FORBIDDEN', 'this store already has staff; an admin adds new users', 'username');
      return this.create({ ...input, role: 'admin' }, null);
    },

    list(options: { includeInactive?: boolean } = {}): StaffUserRow[] {
      const rows = sqlite
        .prepare<[], Row>(
          `SELECT * FROM staff_users ${options.includeInactive ? '' : 'WHERE active = 1'} ORDER BY display_name COLLATE NOCASE`,
        )
        .all();
      return rows.map(toListRow);
    },

    /**
     * Sets a user's PIN here and clears any lock-out. PINs never travel (not
     * even hashed): staff added on another register sign in here once an
     * admin sets their PIN, and a forgotten PIN is replaced the same way.
     */
    async setPin(idOrUsername: number | string, pin: string, actorId: number | null): Promise<StaffUserRow> {
      const row = find(idOrUsername);
      validateNewPin(pin);
      const pinHash = await hashSecret(pin);
      writes.mutate(actorId === null ? null : { id: actorId }, (w) => {
        sqlite.prepare(`UPDATE staff_users SET pin_hash = ?, failed_pin_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?`).run(pinHash, w.now, row.id);
        w.audit({ action: 'staff.pin_set', entity: 'staff_users', entityId: row.global_id, details: { username: row.username } });
      });
      return toListRow(find(row.id));
    },

    disable(idOrUsername: number | string, actorId: number | null): StaffUserRow {
      const row = find(idOrUsername);
      if (row.active === 0) return toListRow(row);
      if (row.role === 'admin') {
        const admins = must(sqlite.prepare<[], number>(`SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND active = 1`).pluck().get(), 'the count of active admins');
        if (admins <= 1) throw new DomainError('CONFLICT', 'cannot disable the last active admin', 'user');
      }
      writes.mutate(actorId === null ? null : { id: actorId }, (w) => {
        sqlite.prepare(`UPDATE staff_users SET active = 0, updated_at = ? WHERE id = ?`).run(w.now, row.id);
        w.audit({ action: 'staff.disable', entity: 'staff_users', entityId: row.global_id, before: { active: true }, after: { active: false }, details: { username: row.username } });
        w.emit('staff.changed', staffDoc(find(row.id)));
      });
      return toListRow(find(row.id));
    },

    /** Moves a user to another role; the store always keeps an active admin. */
    setRole(idOrUsername: number | string, role: StaffRoleName, actorId: number | null): StaffUserRow {
      const row = find(idOrUsername);
      if (!STAFF_ROLE_NAMES.includes(role)) throw new DomainError('VALIDATION', `role must be one of ${STAFF_ROLE_NAMES.join(', ')}`, 'role');
      if (row.role === role) return toListRow(row);
      writes.mutate(actorId === null ? null : { id: actorId }, (w) => {
        // Counted inside the transaction: two admins demoting each other at once cannot both pass.
        if (row.role === 'admin' && row.active === 1) {
          const admins = must(sqlite.prepare<[], number>(`SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND active = 1`).pluck().get(), 'the count of active admins');
          if (admins <= 1) throw new DomainError('CONFLICT', 'cannot change the role of the last active admin', 'role');
        }
        sqlite.prepare(`UPDATE staff_users SET role = ?, updated_at = ? WHERE id = ?`).run(role, w.now, row.id);
        w.audit({ action: 'staff.role', entity: 'staff_users', entityId: row.global_id, before: { role: row.role }, after: { role }, details: { username: row.username } });
        w.emit('staff.changed', staffDoc(find(row.id)));
      });
      return toListRow(find(row.id));
    },

    /**
     * Checks a PIN. After MAX_PIN_ATTEMPTS wrong ones in a row the user is
     * locked for PIN_LOCK_MS; while locked the PIN is not even checked.
     *
     * The attempt is counted before the (asynchronous) hash check, in one
     * synchronous transaction: guesses sent in parallel each take a numbered
     * attempt, so no more than MAX_PIN_ATTEMPTS of them are ever checked.
     */
    async authenticate(userId: number, pin: string): Promise<StaffSummary> {
      const claim = sqlite.transaction(() => {
        const row = find(userId);
        if (row.active === 0) throw new DomainError('USER_DISABLED', `${row.display_name} is disabled`, 'userId');
        // Staff added on another register arrive without a PIN (PIN hashes never travel): an admin sets one here.
        if (!row.pin_hash.startsWith('scrypt$')) throw new DomainError('USER_DISABLED', `${row.display_name} has no PIN on this register yet; an admin sets one in Settings > Staff`, 'userId');
        const now = clock.now();
        if (row.locked_until && new Date(row.locked_until) > now) {
          throw new DomainError('USER_LOCKED', `${row.display_name} is locked after too many wrong PINs`, 'pin', {
            lockedUntil: row.locked_until,
          });
        }
        // A lock that has expired starts a fresh count.
        const attempts = (row.locked_until ? 0 : row.failed_pin_attempts) + 1;
        const lockedUntil = attempts >= MAX_PIN_ATTEMPTS ? new Date(now.getTime() + PIN_LOCK_MS).toISOString() : null;
        recordFailure.run(lockedUntil ? 0 : attempts, lockedUntil, isoNow(clock), row.id);
        return { row, attempts, lockedUntil };
      });
      const { row, attempts, lockedUntil } = claim();

      const ok = await verifySecret(pin, row.pin_hash);
      if (ok) {
        writes.mutate({ id: row.id }, (w) => {
          recordSuccess.run(w.now, row.id);
          w.audit({ action: 'session.login', entity: 'staff_users', entityId: row.global_id });
        });
        return summary(row);
      }
      writes.mutate(null, (w) =>
        w.audit({ staffId: row.id, action: lockedUntil ? 'session.locked' : 'session.pin_invalid', entity: 'staff_users', entityId: row.global_id, details: { attempts } }),
      );
      if (lockedUntil) {
        throw new DomainError('USER_LOCKED', `${row.display_name} is locked after too many wrong PINs`, 'pin', {
          lockedUntil,
        });
      }
      throw new DomainError('PIN_INVALID', 'wrong PIN', 'pin', { attemptsLeft: MAX_PIN_ATTEMPTS - attempts });
    },

    /** The user as they are now, or null when disabled or gone: sessions are re-checked on every call. */
    activeSummary(userId: number): StaffSummary | null {
      const row = byId.get(userId);
      return row && row.active === 1 ? summary(row) : null;
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
