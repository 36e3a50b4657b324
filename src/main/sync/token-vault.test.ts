import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../../../test/db';
import { createFileVault, fileVaultFor, readDeviceToken, SAFE_STORAGE_PREFIX, tokenFileFor } from './token-vault';

const TOKEN = 'store-1.register-1.s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tXY';
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('the file token vault', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-vault-'));
    file = path.join(dir, 'pos.sqlite.device-token');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is empty at first, writes the token owner-only (0600) and reads it back, leaving no temp file', () => {
    const vault = createFileVault(file);
    expect(vault.get()).toBeNull();
    vault.set(TOKEN);
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(TOKEN);
    expect(vault.get()).toBe(TOKEN);
    expect(createFileVault(file).get()).toBe(TOKEN);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('replaces the token atomically and sees a token another process wrote', () => {
    const vault = createFileVault(file);
    vault.set(TOKEN);
    expect(vault.get()).toBe(TOKEN);
    createFileVault(file).set(`${TOKEN}2`);
    expect(vault.get()).toBe(`${TOKEN}2`);
    expect(mode(file)).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('narrows a file readable by others back to 0600', () => {
    fs.writeFileSync(file, TOKEN, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(createFileVault(file).get()).toBe(TOKEN);
    expect(mode(file)).toBe(0o600);
    // Written over a wide file: the new one is 0600 too.
    fs.chmodSync(file, 0o666);
    createFileVault(file).set(TOKEN);
    expect(mode(file)).toBe(0o600);
  });

  it('clear() removes the file (and is harmless when there is none)', () => {
    const vault = createFileVault(file);
    vault.set(TOKEN);
    vault.clear();
    expect(fs.existsSync(file)).toBe(false);
    expect(vault.get()).toBeNull();
    vault.clear();
  });

  it('refuses an empty token and says so when the file holds a token only the desktop app can decrypt', () => {
    expect(() => createFileVault(file).set('')).toThrow(/empty/);
    fs.writeFileSync(file, `${SAFE_STORAGE_PREFIX}AAAA`, { mode: 0o600 });
    expect(() => createFileVault(file).get()).toThrow(/desktop app/);
  });

  it('lives beside the database file, never for an in-memory one', () => {
    expect(tokenFileFor('/data/pos.sqlite')).toBe('/data/pos.sqlite.device-token');
    expect(() => tokenFileFor(':memory:')).toThrow(/in-memory/);
  });
});

describe('a token left in device_identity by an older version', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('moves into the vault on first use, the column cleared and its bytes gone from the SQLite file', () => {
    t.db.sqlite.prepare(`UPDATE device_identity SET device_token = ? WHERE id = 1`).run(TOKEN);
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const vault = fileVaultFor(t.db);
    expect(readDeviceToken(t.db, vault)).toBe(TOKEN);
    expect(t.db.sqlite.prepare(`SELECT device_token FROM device_identity`).pluck().get()).toBeNull();
    expect(fs.readFileSync(`${t.file}.device-token`, 'utf8')).toBe(TOKEN);
    expect(mode(`${t.file}.device-token`)).toBe(0o600);
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [t.file, `${t.file}-wal`].filter((x) => fs.existsSync(x))) {
      expect(fs.readFileSync(f).includes('s3cr3tS3cr3t')).toBe(false);
    }
    // The secure_delete setting is put back as it was.
    expect(t.db.sqlite.pragma('secure_delete', { simple: true })).toBe(0);
    // Next time it comes from the vault alone.
    expect(readDeviceToken(t.db, vault)).toBe(TOKEN);
  });

  it('leaves the column alone when the vault cannot take the token', () => {
    t.db.sqlite.prepare(`UPDATE device_identity SET device_token = ? WHERE id = 1`).run(TOKEN);
    const broken = { get: () => null, set: () => { throw new Error('no encryption'); }, clear: () => {} };
    expect(() => readDeviceToken(t.db, broken)).toThrow(/no encryption/);
    expect(t.db.sqlite.prepare(`SELECT device_token FROM device_identity`).pluck().get()).toBe(TOKEN);
  });

  it('without a token anywhere, there is none', () => {
    expect(readDeviceToken(t.db, fileVaultFor(t.db))).toBeNull();
  });
});
