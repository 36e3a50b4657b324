import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDataFingerprint } from '../main/seed/fingerprint';

/**
 * Drives the real CLI through its launcher, as IT would: a child process on
 * this Node (process.execPath: the project's Node 24), from a temp cwd to
 * prove paths do not depend on it, on temp database files.
 */
const LAUNCHER = path.resolve(import.meta.dirname, '../../scripts/admin.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-admin-test-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function admin(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('POS_NEW_PIN' in env)) delete childEnv.POS_NEW_PIN;
  return new Promise((resolve) => {
    execFile(process.execPath, [LAUNCHER, ...args], { cwd: dir, env: childEnv }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const file = (name: string) => path.join(dir, name);

/** A usage error: exit 2, nothing on stdout, exactly one line on stderr. */
function expectOneLineError(run: Run, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

function readOnly<T>(name: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file(name), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('admin CLI', () => {
  it('prints help for the tool and for every command, exit 0', async () => {
    const runs = await Promise.all([
      admin(['--help']),
      admin(['-h']),
      admin(['seed', '--help']),
      admin(['migrate', '-h']),
      admin(['backup', '--help']),
      admin(['user', '--help']),
      admin(['user', 'add', '--help']),
      admin(['user', 'list', '--help']),
      admin(['user', 'disable', '--help']),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Usage: admin /);
    }
    expect(runs[0]?.stdout).toMatch(/Exit codes:/);
    expect(runs[2]?.stdout).toMatch(/--products N/);
    expect(runs[2]?.stdout).toMatch(/cashier\s+cashier\s+PIN 2468/);
  });

  it('refuses wrong or missing arguments with one line and exit 2, creating nothing', async () => {
    const f = file('never.sqlite');
    const cases: [string[], RegExp][] = [
      [[], /^admin: missing command/],
      [['frob'], /^admin: unknown command "frob"/],
      [['--db', f], /^admin: a command comes first/],
      [['seed', '--demo'], /^admin seed: missing --db FILE$/],
      [['seed', '--db', f], /^admin seed: missing --demo/],
      [['seed', '--db', f, '--demo', '--products', '0'], /^admin seed: --products must be a whole number from 1 to \d+, got "0"$/],
      [['seed', '--db', f, '--demo', '--seed', 'x'], /^admin seed: --seed must be a whole number/],
      [['seed', '--db', f, '--demo', '--prodcts', '3'], /^admin seed: unknown option --prodcts$/],
      [['seed', '--db'], /^admin seed: option --db needs a value$/],
      [['migrate', '--db', f, 'extra'], /^admin migrate: unexpected argument "extra"$/],
      [['backup', '--db', f], /^admin backup: missing --out FILE$/],
      [['user'], /^admin user: missing sub-command/],
      [['user', 'zap'], /^admin user: unknown sub-command "zap"/],
      [['user', 'list'], /^admin user list: missing --db FILE$/],
      [['user', 'add', '--db', f, '--username', 'x1', '--name', 'X', '--role', 'boss', '--pin', '5829'], /^admin user add: --role must be one of cashier, manager, admin, got "boss"$/],
      [['user', 'add', '--db', f, '--username', 'x1', '--name', 'X', '--role', 'cashier'], /^admin user add: missing --pin P \(or set POS_NEW_PIN\)$/],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin(args)));
    runs.forEach((run, i) => expectOneLineError(run, 2, cases[i]?.[1] ?? /never/));
    expect(fs.existsSync(f)).toBe(false);
  });

  it('migrate creates a store database, then finds it up to date', async () => {
    const first = await admin(['migrate', '--db', 'm.sqlite']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created m\.sqlite: applied \d+ migrations/);
    const journal = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    readOnly('m.sqlite', (db) => {
      expect(db.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
      expect(db.prepare('SELECT COUNT(*) FROM tbltallas').pluck().get()).toBeGreaterThan(0);
    });
    const second = await admin(['migrate', '--db', file('m.sqlite')]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/is up to date/);
  });

  it('seed gives identical business data for the same seed on two files, and refuses to seed twice', async () => {
    const [a, b, c] = await Promise.all([
      admin(['seed', '--db', 's1.sqlite', '--demo', '--products', '30', '--seed', '7']),
      admin(['seed', '--db', 's2.sqlite', '--demo', '--products', '30', '--seed', '7']),
      admin(['seed', '--db', 's3.sqlite', '--demo', '--products', '30', '--seed', '8']),
    ]);
    for (const run of [a, b, c]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/products\s+30 /);
      expect(run.stdout).toMatch(/admin \(PIN 2580\)/);
    }
    const [fa, fb, fc] = ['s1.sqlite', 's2.sqlite', 's3.sqlite'].map((n) => readOnly(n, businessDataFingerprint));
    expect(fa).toBe(fb);
    expect(fa).not.toBe(fc);
    // Not vacuous: the fingerprint covers a real catalog.
    readOnly('s1.sqlite', (db) => {
      expect(db.prepare('SELECT COUNT(*) FROM tblproductos').pluck().get()).toBe(30);
      expect(db.prepare('SELECT COUNT(*) FROM tblprodXcolorXtalla').pluck().get()).toBeGreaterThanOrEqual(120);
    });

    const again = await admin(['seed', '--db', 's1.sqlite', '--demo', '--products', '30', '--seed', '7']);
    expectOneLineError(again, 1, /^admin seed: database already has 30 products/);
    expect(readOnly('s1.sqlite', businessDataFingerprint)).toBe(fa);
    // Several CLI processes seeding real databases: slow on a busy machine.
  }, 120_000);

  it('refuses a text file with one line, leaving it byte-identical', async () => {
    const text = file('notes.txt');
    const content = 'not a database\nsecond line\n';
    fs.writeFileSync(text, content);
    const runs = await Promise.all([
      admin(['migrate', '--db', text]),
      admin(['seed', '--db', text, '--demo', '--products', '5']),
      admin(['backup', '--db', text, '--out', file('notes-backup.sqlite')]),
      admin(['user', 'list', '--db', text]),
      admin(['user', 'add', '--db', text, '--username', 'ana', '--name', 'Ana', '--role', 'admin', '--pin', '5829']),
    ]);
    for (const run of runs) expectOneLineError(run, 2, /not a SQLite database; refusing to touch it$/);
    expect(fs.readFileSync(text, 'utf8')).toBe(content);
    for (const extra of ['notes.txt-wal', 'notes.txt-shm', 'notes-backup.sqlite']) expect(fs.existsSync(file(extra))).toBe(false);
  });

  it('commands other than migrate and seed never create a missing database', async () => {
    const missing = file('missing.sqlite');
    const runs = await Promise.all([
      admin(['backup', '--db', missing, '--out', file('missing-backup.sqlite')]),
      admin(['user', 'list', '--db', missing]),
      admin(['user', 'disable', '--db', missing, '--username', 'ana']),
      admin(['user', 'add', '--db', missing, '--username', 'ana', '--name', 'Ana', '--role', 'admin', '--pin', '5829']),
    ]);
    for (const run of runs) expectOneLineError(run, 2, /no database at .*missing\.sqlite/);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(file('missing-backup.sqlite'))).toBe(false);
  });

  it('backup writes a copy that passes integrity_check, and never overwrites', async () => {
    const seeded = await admin(['seed', '--db', 'b.sqlite', '--demo', '--products', '10', '--seed', '3']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const run = await admin(['backup', '--db', 'b.sqlite', '--out', 'b-copy.sqlite']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^backed up b\.sqlite to b-copy\.sqlite \([\d.]+ (KiB|MiB)\), integrity_check ok$/m);
    readOnly('b-copy.sqlite', (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM tblproductos').pluck().get()).toBe(10);
    });
    expect(readOnly('b-copy.sqlite', businessDataFingerprint)).toBe(readOnly('b.sqlite', businessDataFingerprint));

    const before = fs.readFileSync(file('b-copy.sqlite'));
    const again = await admin(['backup', '--db', 'b.sqlite', '--out', 'b-copy.sqlite']);
    expectOneLineError(again, 2, /^admin backup: .*b-copy\.sqlite already exists/);
    expect(fs.readFileSync(file('b-copy.sqlite')).equals(before)).toBe(true);
  });

  it('user add, list and disable work; weak PINs and duplicates are refused', async () => {
    const db = file('u.sqlite');
    expect((await admin(['migrate', '--db', db])).code).toBe(0);

    const added = await admin(['user', 'add', '--db', db, '--username', 'sofia', '--name', 'Sofía Ríos', '--role', 'manager', '--pin', '5829']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe('added sofia (Sofía Ríos, manager)\n');

    // From the environment, so the PIN stays out of shell history; it is never echoed.
    const fromEnv = await admin(['user', 'add', '--db', db, '--username', 'tomas', '--name', 'Tomás Gil', '--role', 'cashier'], { POS_NEW_PIN: '7391' });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).not.toMatch(/7391/);

    const weak = await admin(['user', 'add', '--db', db, '--username', 'weak', '--name', 'Weak', '--role', 'cashier', '--pin', '1234']);
    expectOneLineError(weak, 2, /^admin user add: PIN is too easy to guess/);
    const dup = await admin(['user', 'add', '--db', db, '--username', 'sofia', '--name', 'Otra', '--role', 'cashier', '--pin', '5830']);
    expectOneLineError(dup, 1, /^admin user add: username sofia is taken$/);

    const stored = readOnly('u.sqlite', (d) => d.prepare('SELECT username, pin_hash FROM staff_users ORDER BY username').all()) as {
      username: string;
      pin_hash: string;
    }[];
    expect(stored.map((u) => u.username)).toEqual(['sofia', 'tomas']);
    for (const u of stored) {
      expect(u.pin_hash).toMatch(/^scrypt\$/);
      expect(u.pin_hash).not.toMatch(/5829|7391/);
    }

    const list = await admin(['user', 'list', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^USERNAME\s+NAME\s+ROLE\s+STATUS$/m);
    expect(list.stdout).toMatch(/^sofia\s+Sofía Ríos\s+manager\s+active$/m);

    const disabled = await admin(['user', 'disable', '--db', db, '--username', 'tomas']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toBe('disabled tomas (Tomás Gil)\n');
    expect((await admin(['user', 'list', '--db', db])).stdout).toMatch(/^tomas\s+Tomás Gil\s+cashier\s+disabled$/m);

    const unknown = await admin(['user', 'disable', '--db', db, '--username', 'nadie']);
    expectOneLineError(unknown, 1, /^admin user disable: no staff user "nadie"$/);
    // Eight CLI processes, each loading the database code: slow on a busy machine.
  }, 120_000);
});
