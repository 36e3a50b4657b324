import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { manualClock, tempDb, type TempDb } from '../../../test/db';
import { createWriteStack } from '../write';
import { createStaffService, MAX_PIN_ATTEMPTS, PIN_LOCK_MS, type StaffService } from './staff-service';

let t: TempDb;
let clock: ReturnType<typeof manualClock>;
let staff: StaffService;

beforeEach(() => {
  clock = manualClock();
  t = tempDb(clock);
  staff = createStaffService(t.db.sqlite, clock, createWriteStack(t.db.sqlite, clock).writes);
});
afterEach(() => t.cleanup());

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
};

describe('staff users', () => {
  it('stores a scrypt hash, never the PIN', async () => {
    const u = await staff.create({ username: 'lucia', displayName: 'Lucía Pérez', role: 'cashier', pin: '2468' }, null);
    const hash = t.db.sqlite.prepare(`SELECT pin_hash FROM staff_users WHERE id = ?`).pluck().get(u.id) as string;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('2468');
  });

  it('refuses weak PINs, bad usernames, duplicates and unknown roles, naming the field', async () => {
    await expect(staff.create({ username: 'a1', displayName: 'A', role: 'cashier', pin: '1234' }, null)).rejects.toMatchObject({ field: 'pin' });
    await expect(staff.create({ username: 'a1', displayName: 'A', role: 'cashier', pin: '7777' }, null)).rejects.toMatchObject({ field: 'pin' });
    await expect(staff.create({ username: 'a1', displayName: 'A', role: 'cashier', pin: '12a4' }, null)).rejects.toMatchObject({ field: 'pin' });
    await expect(staff.create({ username: 'Bad Name', displayName: 'A', role: 'cashier', pin: '2468' }, null)).rejects.toMatchObject({ field: 'username' });
    await expect(staff.create({ username: 'a1', displayName: 'A', role: 'owner' as 'admin', pin: '2468' }, null)).rejects.toMatchObject({ field: 'role' });
    await staff.create({ username: 'a1', displayName: 'A', role: 'cashier', pin: '2468' }, null);
    await expect(staff.create({ username: 'A1', displayName: 'B', role: 'cashier', pin: '2468' }, null)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('authenticates the right PIN and audits it', async () => {
    const u = await staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, null);
    await expect(staff.authenticate(u.id, '2468')).resolves.toEqual({ id: u.id, displayName: 'Lucía', role: 'cashier' });
    const actions = t.db.sqlite.prepare(`SELECT action FROM audit_log ORDER BY id`).pluck().all();
    expect(actions).toEqual(['staff.create', 'session.login']);
  });

  it(`locks after ${MAX_PIN_ATTEMPTS} wrong PINs, tells the user, and unlocks after the lock time`, async () => {
    const u = await staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, null);
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) {
      await expect(staff.authenticate(u.id, '9999')).rejects.toMatchObject({
        code: 'PIN_INVALID',
        details: { attemptsLeft: MAX_PIN_ATTEMPTS - i },
      });
    }
    await expect(staff.authenticate(u.id, '9999')).rejects.toMatchObject({ code: 'USER_LOCKED' });
    // Even the right PIN is refused while locked.
    const locked = await staff.authenticate(u.id, '2468').catch((e: DomainError) => e);
    expect(locked).toMatchObject({ code: 'USER_LOCKED' });
    expect(new Date(String((locked as DomainError).details?.lockedUntil)).getTime()).toBe(clock.now().getTime() + PIN_LOCK_MS);

    clock.advance(PIN_LOCK_MS + 1);
    expect(await codeOf(staff.authenticate(u.id, '2468'))).toBe('resolved');
    // The count starts over after a successful login.
    await expect(staff.authenticate(u.id, '9999')).rejects.toMatchObject({ details: { attemptsLeft: MAX_PIN_ATTEMPTS - 1 } });
  });

  it('holds the lock-out when guesses arrive in parallel: wrong guesses then the right PIN never get in', async () => {
    const u = await staff.create({ username: 'carlos', displayName: 'Carlos', role: 'manager', pin: '1357' }, null);
    const wrong = Array.from({ length: 40 }, (_, i) => String(2000 + i * 7).padStart(4, '0'));
    // Every call starts before any hash check finishes, the right PIN last.
    const results = await Promise.all([...wrong, '1357'].map((pin) => codeOf(staff.authenticate(u.id, pin))));
    expect(results.at(-1)).toBe('USER_LOCKED');
    expect(results.filter((r) => r === 'resolved')).toHaveLength(0);
    // Exactly MAX_PIN_ATTEMPTS guesses were checked; the rest were refused unchecked.
    const checked = t.db.sqlite
      .prepare(`SELECT COUNT(*) FROM audit_log WHERE action IN ('session.pin_invalid', 'session.locked')`)
      .pluck()
      .get();
    expect(checked).toBe(MAX_PIN_ATTEMPTS);
    expect(results.filter((r) => r === 'PIN_INVALID')).toHaveLength(MAX_PIN_ATTEMPTS - 1);
    expect(staff.list().find((s) => s.id === u.id)?.lockedUntil).not.toBeNull();
  });

  it('lets the right PIN in when it is among the first attempts of a parallel burst', async () => {
    const u = await staff.create({ username: 'carlos', displayName: 'Carlos', role: 'manager', pin: '1357' }, null);
    const results = await Promise.all(['9999', '8888', '1357'].map((pin) => codeOf(staff.authenticate(u.id, pin))));
    expect(results).toEqual(['PIN_INVALID', 'PIN_INVALID', 'resolved']);
  });

  it('refuses disabled users and never disables the last admin', async () => {
    const admin = await staff.create({ username: 'ana', displayName: 'Ana', role: 'admin', pin: '2580' }, null);
    const u = await staff.create({ username: 'lucia', displayName: 'Lucía', role: 'cashier', pin: '2468' }, admin.id);
    staff.disable('lucia', admin.id);
    expect(await codeOf(staff.authenticate(u.id, '2468'))).toBe('USER_DISABLED');
    expect(staff.list().map((s) => s.username)).toEqual(['ana']);
    expect(staff.list({ includeInactive: true })).toHaveLength(2);
    expect(() => staff.disable('ana', admin.id)).toThrow(/last active admin/);
  });
});

describe('first admin of a new store', () => {
  it('is created from the login screen only while there is no staff', async () => {
    const admin = await staff.bootstrapAdmin({ username: 'dueña', displayName: 'Dueña', pin: '2580' }).catch((e: DomainError) => e);
    expect(admin).toMatchObject({ field: 'username' }); // ñ is not allowed in a username
    const ok = await staff.bootstrapAdmin({ username: 'duena', displayName: 'Dueña', pin: '2580' });
    expect(ok).toMatchObject({ role: 'admin', active: true });
    await expect(staff.bootstrapAdmin({ username: 'otra', displayName: 'Otra', pin: '2580' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
