import type { StaffService } from '../../main/staff/staff-service';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../shared/roles';
import { HELP_OPTION, parseOptions, required } from '../args';
import type { Command } from '../command';
import { UsageError } from '../exit';
import { table } from '../format';

/** Environment variable a PIN may come from, so it stays out of shell history and `ps`. */
export const PIN_ENV = 'POS_NEW_PIN';

/** Runs `fn` with the staff service of an existing store database; the CLI acts as no staff member (actor null). */
async function withStaff<T>(file: string, fn: (staff: StaffService) => Promise<T> | T): Promise<T> {
  // Loaded only now: the database code takes ~0.4 s to import, which --help and typos should not pay.
  const [{ openStore }, { createStaffService }, { createWriteStack }, { systemClock }] = await Promise.all([
    import('../db-files'),
    import('../../main/staff/staff-service'),
    import('../../main/write'),
    import('../../main/db/clock'),
  ]);
  const { db } = openStore(file, { create: false });
  try {
    return await fn(createStaffService(db.sqlite, systemClock, createWriteStack(db.sqlite, systemClock).writes));
  } finally {
    db.close();
  }
}

const isRole = (value: string): value is StaffRoleName => (STAFF_ROLE_NAMES as readonly string[]).includes(value);

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'Add a staff user with a PIN',
  help: `Usage: admin user add --db FILE --username U --name "N" --role ROLE --pin P

Adds a staff user to an existing store database. The PIN (4-8 digits, not
repeated or sequential) is stored only as a scrypt hash. To keep it out of
shell history, leave out --pin and set ${PIN_ENV} instead:
  ${PIN_ENV}=5829 admin user add --db store.sqlite --username lucia --name "Lucía" --role cashier

Options:
  --db FILE        the store database (must exist)
  --username U     login name: 2-32 lowercase letters, digits, . _ -
  --name "N"       name shown on screen and receipts
  --role ROLE      ${STAFF_ROLE_NAMES.join(' | ')}
  --pin P          the PIN (or env ${PIN_ENV})
  -h, --help       show this help`,

  async run(args, io) {
    const values = parseOptions(args, {
      db: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      pin: { type: 'string' },
      ...HELP_OPTION,
    });
    const file = required(values.db, '--db FILE');
    const username = required(values.username, '--username U');
    const displayName = required(values.name, '--name "N"');
    const role = required(values.role, `--role ${STAFF_ROLE_NAMES.join('|')}`);
    if (!isRole(role)) throw new UsageError(`--role must be one of ${STAFF_ROLE_NAMES.join(', ')}, got "${role}"`);
    const pin = values.pin ?? io.env[PIN_ENV];
    if (pin === undefined || pin === '') throw new UsageError(`missing --pin P (or set ${PIN_ENV})`);

    const user = await withStaff(file, (staff) => staff.create({ username, displayName, role, pin }, null));
    io.out(`added ${user.username} (${user.displayName}, ${user.role})`);
  },
};

export const userListCommand: Command = {
  name: 'user list',
  summary: 'List staff users, disabled ones included',
  help: `Usage: admin user list --db FILE

Lists every staff user of an existing store database with role and status
(active, disabled, or locked after too many wrong PINs).

Options:
  --db FILE    the store database (must exist)
  -h, --help   show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const users = await withStaff(file, (staff) => staff.list({ includeInactive: true }));
    if (users.length === 0) {
      io.out('no staff users yet (add one with: admin user add)');
      return;
    }
    const now = Date.now();
    const status = (u: (typeof users)[number]): string => {
      if (!u.active) return 'disabled';
      if (u.lockedUntil && Date.parse(u.lockedUntil) > now) return `locked until ${u.lockedUntil}`;
      return 'active';
    };
    for (const line of table(['USERNAME', 'NAME', 'ROLE', 'STATUS'], users.map((u) => [u.username, u.displayName, u.role, status(u)]))) {
      io.out(line);
    }
  },
};

export const userPinCommand: Command = {
  name: 'user pin',
  summary: 'Set a staff user\'s PIN on this register (and clear a lock-out)',
  help: `Usage: admin user pin --db FILE --username U --pin P

Sets the PIN a user signs in with on this register and clears any lock-out.
PINs never travel between registers: staff added on another register sign
in here once their PIN is set. Use POS_NEW_PIN instead of --pin to keep the
PIN out of the shell history.

Options:
  --db FILE        the store database (must exist)
  --username U     the user
  --pin P          4-8 digits, not an obvious sequence
  -h, --help       show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, username: { type: 'string' }, pin: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const username = required(values.username, '--username U');
    const pin = values.pin ?? io.env[PIN_ENV];
    if (pin === undefined || pin === '') throw new UsageError(`missing --pin P (or set ${PIN_ENV})`);
    const user = await withStaff(file, (staff) => staff.setPin(username, pin, null));
    io.out(`set the PIN of ${user.username} (${user.displayName}) on this register`);
  },
};

export const userDisableCommand: Command = {
  name: 'user disable',
  summary: 'Disable a staff user (kept for history; can no longer log in)',
  help: `Usage: admin user disable --db FILE --username U

Disables a staff user: they can no longer log in, and their past sales keep
their name. The last active admin cannot be disabled.

Options:
  --db FILE       the store database (must exist)
  --username U    the user to disable
  -h, --help      show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, username: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const username = required(values.username, '--username U').trim().toLowerCase();
    const outcome = await withStaff(file, (staff) => {
      const before = staff.list({ includeInactive: true }).find((u) => u.username === username);
      const after = staff.disable(username, null);
      return { already: before?.active === false, user: after };
    });
    io.out(
      outcome.already
        ? `${outcome.user.username} (${outcome.user.displayName}) was already disabled`
        : `disabled ${outcome.user.username} (${outcome.user.displayName})`,
    );
  },
};

export const USER_COMMANDS: readonly Command[] = [userAddCommand, userListCommand, userPinCommand, userDisableCommand];
