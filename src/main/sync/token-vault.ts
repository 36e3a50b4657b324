/**
 * Where a register keeps the device token the cloud issued it: never in
 * the database (synced tables, backups, copies of the file) nor in logs.
 *
 * The file vault (plain Node: the CLI, the browser preview, tests) writes it
 * to a file beside the database (`<db file>.device-token`), mode 0600,
 * replaced atomically (temp file + rename). The desktop app keeps the same
 * file encrypted with Electron safeStorage (src/main/electron/token-vault.ts,
 * the same file code with another codec).
 *
 * A database registered before the vault existed has the token in
 * device_identity.device_token: readDeviceToken moves it into the vault on
 * first use and clears the column.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { PosDb } from '../db/open';

export interface TokenVault {
  /** The token, or null when this register has none. */
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** How a token is written in the vault's file (the desktop app encrypts it). */
export interface TokenCodec {
  encode(token: string): string;
  decode(content: string): string;
  /** False for content another codec wrote (a plain token the CLI wrote, read by the app): get() rewrites it with this codec. */
  isOwn?(content: string): boolean;
}

/** The prefix of a token encrypted by the desktop app (base64 of safeStorage.encryptString follows). */
export const SAFE_STORAGE_PREFIX = 'safestorage:v1:';

export const plainCodec: TokenCodec = {
  encode: (token) => token,
  decode(content) {
    if (content.startsWith(SAFE_STORAGE_PREFIX)) {
      throw new Error('the device token is encrypted by the desktop app (Electron safeStorage); only the app can read it');
    }
    return content;
  },
};

/** The vault file of a database file. */
export function tokenFileFor(dbFile: string): string {
  if (!dbFile || dbFile === ':memory:') throw new Error('an in-memory database has no file to keep its device token beside');
  return `${dbFile}.device-token`;
}

const isWindows = process.platform === 'win32';

export function createFileVault(file: string, codec: TokenCodec = plainCodec): TokenVault {
  // The file is read again only when it changed (another process, e.g. `admin register`, may write it).
  let cached: { key: string; token: string } | null = null;

  const set = (token: string) => {
    if (!token) throw new Error('refusing to store an empty device token');
    const content = codec.encode(token);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    fs.closeSync(fd);
    try {
      // The umask can only narrow 0600; chmod anyway in case the file system ignored the open mode.
      if (!isWindows) fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    cached = null;
  };

  return {
    get() {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          cached = null;
          return null;
        }
        throw err;
      }
      // Readable by others (copied, restored, made by hand): back to owner-only.
      if (!isWindows && (stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
      if (cached?.key === key) return cached.token;
      const content = fs.readFileSync(file, 'utf8').trim();
      if (!content) return null;
      const token = codec.decode(content);
      if (codec.isOwn && !codec.isOwn(content)) {
        try {
          set(token);
          return token;
        } catch {
          // Cannot rewrite it (e.g. no encryption here): use it as it is, still owner-only.
        }
      }
      cached = { key, token };
      return token;
    },
    set,
    clear() {
      fs.rmSync(file, { force: true });
      cached = null;
    },
  };
}

/** The file vault beside this database (the CLI, the browser preview, tests). */
export function fileVaultFor(db: PosDb | Database.Database): TokenVault {
  return createFileVault(tokenFileFor('sqlite' in db ? db.file : db.name));
}

/**
 * This register's device token from the vault. A token still in
 * device_identity.device_token (a database registered before the vault) is
 * moved into the vault first and the column cleared.
 */
export function readDeviceToken(db: PosDb | Database.Database, vault: TokenVault): string | null {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const plain = sqlite.prepare<[], string | null>(`SELECT device_token FROM device_identity WHERE id = 1`).pluck().get();
  if (plain) {
    // The vault first: should it fail, the column still holds the token.
    vault.set(plain);
    // secure_delete: the freed bytes are zeroed, so the old token does not linger in the file's free space.
    const before = sqlite.pragma('secure_delete', { simple: true }) as number;
    sqlite.pragma('secure_delete = ON');
    try {
      sqlite.prepare(`UPDATE device_identity SET device_token = NULL WHERE id = 1 AND device_token = ?`).run(plain);
    } finally {
      sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
    }
  }
  return vault.get();
}
