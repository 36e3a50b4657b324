/**
 * The store database across app versions, as updates move a till between
 * them: an update that migrates backs up first (the last few backups kept),
 * a failed migration changes nothing and says what to do, an older app
 * refuses a newer database, and the updater never offers that downgrade.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DebUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { createUpdateController } from '../../src/main/updater/update-controller';
import { openUpdateSettings } from '../../src/main/updater/update-settings';
import { buildFeed } from '../../src/release/feed';
import { serveFeed } from '../../src/release/feed-server';
import { manualClock, MIGRATIONS } from '../db';
import { nodeUpdater } from './node-updater';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-versions-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The next app version's migrations: this version's plus one more (named and timed as drizzle-kit would). */
function nextVersionMigrations(name: string, sql: string): string {
  const folder = path.join(dir, name);
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string; version: string; breakpoints: boolean }> };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_${name}`;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 60_000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tables = (file: string) => {
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS });
  try {
    return db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('the store database across versions', () => {
  it('an update backs up before migrating and keeps the last five backups; going back is refused with what to do', () => {
    const file = path.join(dir, 'pos.sqlite');
    const v1 = openDatabase(file, { migrationsFolder: MIGRATIONS, clock: manualClock('2026-06-01T08:00:00.000Z') });
    v1.db.sqlite.prepare(`INSERT INTO app_settings (key, value, updated_at) VALUES ('release.probe', '"sold under 1.0"', '2026-06-01T08:00:00.000Z')`).run();
    v1.db.close();
    // Backups of five earlier updates, and a file of IT's that only looks like one.
    const earlier = [1, 2, 3, 4, 5].map((m) => path.join(dir, `pos.sqlite.pre-migrate-2026-0${m}-01T08-00-00-000Z.bak`));
    for (const f of earlier) fs.writeFileSync(f, 'old backup');
    fs.writeFileSync(path.join(dir, 'pos.sqlite.pre-migrate-notes.bak'), 'keep me');

    const v2 = nextVersionMigrations('release_probe', 'CREATE TABLE `release_probe` (`id` integer PRIMARY KEY NOT NULL);');
    const updated = openDatabase(file, { migrationsFolder: v2, clock: manualClock('2026-12-02T09:00:00.000Z') });
    updated.db.close();
    expect(updated.report.applied).toBe(1);
    expect(updated.report.backup?.file).toBe(path.join(dir, 'pos.sqlite.pre-migrate-2026-12-02T09-00-00-000Z.bak'));
    expect(updated.report.pruned).toEqual(earlier.slice(0, 1));
    expect(fs.readdirSync(dir).filter((n) => n.includes('.pre-migrate-')).sort()).toEqual(
      [...earlier.slice(1).map((f) => path.basename(f)), 'pos.sqlite.pre-migrate-2026-12-02T09-00-00-000Z.bak', 'pos.sqlite.pre-migrate-notes.bak'].sort(),
    );
    // The backup is the store as 1.0 left it: 1.0 opens it, with its sales and without the new table.
    const backup = updated.report.backup!.file;
    expect(tables(backup)).not.toContain('release_probe');

    // IT installs 1.0 again over 2.0: it refuses the newer database, says what to do, and leaves it byte for byte.
    const before = sha(file);
    let refusal: unknown;
    try {
      openDatabase(file, { migrationsFolder: MIGRATIONS });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ code: 'DB_TOO_NEW' });
    expect((refusal as Error).message).toMatch(/written by a newer version.*Install that newer version again.*pre-migrate backup/);
    expect(sha(file)).toBe(before);
    // The newer app still opens it, sales intact.
    const again = openDatabase(file, { migrationsFolder: v2 });
    expect(again.db.sqlite.prepare(`SELECT value FROM app_settings WHERE key = 'release.probe'`).pluck().get()).toBe('"sold under 1.0"');
    again.db.close();
  });

  it('a migration that fails changes nothing, restores nothing behind IT, and says what to do', () => {
    const file = path.join(dir, 'pos.sqlite');
    openDatabase(file, { migrationsFolder: MIGRATIONS }).db.close();
    const broken = nextVersionMigrations('broken', 'CREATE TABLE `release_probe` (`id` integer PRIMARY KEY NOT NULL);\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);');
    let failure: unknown;
    try {
      openDatabase(file, { migrationsFolder: broken, clock: manualClock('2026-12-02T09:00:00.000Z') });
    } catch (err) {
      failure = err;
    }
    expect(failure).toMatchObject({ code: 'DB_MIGRATION_FAILED' });
    const message = (failure as Error).message;
    expect(message).toContain('_broken');
    expect(message).toContain('no such table: no_such_table');
    expect(message).toMatch(/Nothing was changed.*pos\.sqlite\.pre-migrate-2026-12-02T09-00-00-000Z\.bak.*reinstall the previous version/);
    // The first statement of the failed migration was rolled back with the rest; this version still opens it as it was.
    expect(tables(file)).not.toContain('release_probe');
    expect(fs.existsSync(path.join(dir, 'pos.sqlite.pre-migrate-2026-12-02T09-00-00-000Z.bak'))).toBe(true);
  });

  it('the updater never installs that downgrade: leaving beta keeps the newer build', async () => {
    // electron-updater's side effect, as documented: setting a channel allows downgrades.
    const raw = nodeUpdater({ version: '1.3.0-beta.2', feedUrl: 'http://127.0.0.1:9/', dir: path.join(dir, 'raw') }) as DebUpdater;
    raw.channel = 'latest';
    expect(raw.allowDowngrade).toBe(true);

    const artifacts = path.join(dir, 'release');
    fs.mkdirSync(artifacts);
    fs.writeFileSync(path.join(artifacts, 'pos-ropa-1.2.0-latest-linux-amd64.deb'), randomBytes(4096));
    buildFeed({ from: artifacts, out: path.join(dir, 'feed'), version: '1.2.0', channels: ['latest'] });
    const server = await serveFeed(path.join(dir, 'feed'));
    try {
      const engine = nodeUpdater({ version: '1.3.0-beta.2', feedUrl: server.url, dir: path.join(dir, 'app') });
      const controller = createUpdateController({
        engine,
        version: '1.3.0-beta.2',
        registerId: () => '0193a6e2-0000-7000-8000-000000000001',
        settings: openUpdateSettings(path.join(dir, 'pos.sqlite.updates.json')),
        till: () => ({ saleOpen: false, shiftOpen: false, signedIn: false, idleMs: null }),
        clock: manualClock(),
      });
      controller.setChannel('beta', 'IT');
      controller.setChannel('stable', 'IT');
      expect(engine.allowDowngrade).toBe(false);
      await controller.check({ ignoreStaging: true });
      await controller.settled();
      expect(controller.status()).toMatchObject({ phase: 'up-to-date', downloaded: null, available: null });
      expect(server.requests.filter((r) => r.endsWith('.deb'))).toEqual([]);
      expect(engine.installs).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
