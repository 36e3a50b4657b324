import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../test/db';
import { openDatabase } from './open';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-open-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = path.join(dir, `migrations-${count}`);
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('openDatabase', () => {
  it("refuses another program's SQLite database and leaves it byte for byte as it was, with no -wal/-shm", () => {
    const file = path.join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')`);
    other.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS })).toThrow(expect.objectContaining({ code: 'DB_FOREIGN' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['other.sqlite']);
  });

  it('reports a read-only database in one clear error instead of failing half-way', () => {
    const file = path.join(dir, 'store.sqlite');
    openDatabase(file, { migrationsFolder: MIGRATIONS }).db.close();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    // Root writes through file modes, so the check runs as an unprivileged user when we are root.
    const script = `
      import { openDatabase } from ${JSON.stringify(path.resolve('src/main/db/open.ts'))};
      try { openDatabase(${JSON.stringify(file)}, { migrationsFolder: ${JSON.stringify(MIGRATIONS)} }); console.log('opened'); }
      catch (err) { console.log(err.code + ' ' + err.message); }`;
    const asRoot = process.getuid?.() === 0;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: process.cwd(),
      env: { ...process.env, HOME: dir },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    fs.chmodSync(dir, 0o755);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^DB_READ_ONLY cannot write the store database .*store\.sqlite .*writable$/);
  });

  it('creates a new database with the pragmas a till needs', () => {
    const { db, report } = openDatabase(path.join(dir, 'new.sqlite'), { migrationsFolder: MIGRATIONS });
    try {
      expect(report.created).toBe(true);
      expect(report.applied).toBeGreaterThan(0);
      expect(report.backup).toBeNull();
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('applies nothing and backs up nothing when already current', () => {
    const file = path.join(dir, 'pos.sqlite');
    openDatabase(file, { migrationsFolder: MIGRATIONS }).db.close();
    const { db, report } = openDatabase(file, { migrationsFolder: MIGRATIONS });
    db.close();
    expect(report).toEqual({ created: false, applied: 0, backup: null, pruned: [] });
    expect(fs.readdirSync(dir).filter((f) => f.includes('pre-migrate'))).toEqual([]);
  });

  it('backs up an existing database before migrating it, and keeps its data', () => {
    const file = path.join(dir, 'pos.sqlite');
    const old = openDatabase(file, { migrationsFolder: firstMigrations(1) }).db;
    old.sqlite.prepare(`INSERT INTO tblfabricantes (nombre_fabricante, global_id) VALUES ('Textiles Andinos', 'g-1')`).run();
    old.close();

    const { db, report } = openDatabase(file, { migrationsFolder: MIGRATIONS });
    try {
      expect(report.applied).toBeGreaterThan(0);
      expect(report.backup?.integrity).toBe('ok');
      const copy = new Database(report.backup!.file, { readonly: true });
      expect(copy.prepare(`SELECT nombre_fabricante FROM tblfabricantes`).pluck().get()).toBe('Textiles Andinos');
      copy.close();
      expect(db.sqlite.prepare(`SELECT nombre_fabricante FROM tblfabricantes`).pluck().get()).toBe('Textiles Andinos');
    } finally {
      db.close();
    }
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'shopping list: hangers, tags\n');
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS })).toThrow(/not a SQLite database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database written by a newer version of the app', () => {
    const file = path.join(dir, 'pos.sqlite');
    openDatabase(file, { migrationsFolder: MIGRATIONS }).db.close();
    expect(() => openDatabase(file, { migrationsFolder: firstMigrations(1) })).toThrow(/newer version/);
  });

  it('loads the reference data once, with Spanish and English country names', () => {
    const { db } = openDatabase(path.join(dir, 'pos.sqlite'), { migrationsFolder: MIGRATIONS });
    try {
      const co = db.sqlite.prepare(`SELECT nombre_pais, name_en FROM tblpaises WHERE iso_alpha2 = 'DE'`).get();
      expect(co).toEqual({ nombre_pais: 'Alemania', name_en: 'Germany' });
      expect(db.sqlite.prepare(`SELECT COUNT(*) FROM tblpaises`).pluck().get()).toBeGreaterThanOrEqual(249);
      const states = db.sqlite.prepare(`SELECT code FROM tblestados_factura ORDER BY code`).pluck().all();
      expect(states).toEqual(expect.arrayContaining(['DRAFT', 'COMPLETED', 'VOIDED', 'RETURNED']));
      const docs = db.sqlite.prepare(`SELECT code FROM tbltipo_documento`).pluck().all();
      expect(docs).toEqual(expect.arrayContaining(['NATIONAL_ID', 'TAX_ID', 'FOREIGNER_ID', 'PASSPORT']));
      const sizes = db.sqlite.prepare(`SELECT talla FROM tbltallas ORDER BY sort_order`).pluck().all();
      expect(sizes.slice(0, 6)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL']);
      expect(db.sqlite.prepare(`SELECT COUNT(*) FROM tblcolor WHERE hexadecimal GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'`).pluck().get()).toBe(16);
    } finally {
      db.close();
    }
  });
});
