import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileVault, SAFE_STORAGE_PREFIX } from '../sync/token-vault';

// A fake safeStorage: "encryption" reverses the bytes and xors them (reversible, never the plain token).
const fake = vi.hoisted(() => ({ available: true }));
vi.mock('electron', () => {
  const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a).reverse());
  return {
    safeStorage: {
      isEncryptionAvailable: () => fake.available,
      encryptString: (s: string) => scramble(Buffer.from(`enc:${s}`, 'utf8')),
      decryptString: (b: Buffer) => {
        const s = scramble(Buffer.from(b)).toString('utf8');
        if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return s.slice(4);
      },
    },
  };
});

const { createSafeStorageVault } = await import('./token-vault');

const TOKEN = 'store-1.register-1.s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tXY';

describe('the safeStorage token vault (Electron)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    fake.available = true;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-vault-'));
    file = path.join(dir, 'pos.sqlite.device-token');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps only the encrypted token, base64, in a 0600 file, and decrypts it on read', () => {
    const vault = createSafeStorageVault(file);
    vault.set(TOKEN);
    const content = fs.readFileSync(file, 'utf8');
    expect(content.startsWith(SAFE_STORAGE_PREFIX)).toBe(true);
    expect(content).not.toContain('s3cr3t');
    expect(Buffer.from(content.slice(SAFE_STORAGE_PREFIX.length), 'base64').length).toBeGreaterThan(TOKEN.length);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(createSafeStorageVault(file).get()).toBe(TOKEN);
    // The CLI's plain vault cannot read it, and says why.
    expect(() => createFileVault(file).get()).toThrow(/desktop app/);
    vault.clear();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses to store the token when encryption is not available, writing nothing', () => {
    fake.available = false;
    expect(() => createSafeStorageVault(file).set(TOKEN)).toThrow(/safeStorage\) is not available/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('encrypts in place a plain token the CLI wrote (admin register)', () => {
    createFileVault(file).set(TOKEN);
    expect(createSafeStorageVault(file).get()).toBe(TOKEN);
    expect(fs.readFileSync(file, 'utf8').startsWith(SAFE_STORAGE_PREFIX)).toBe(true);
    expect(createSafeStorageVault(file).get()).toBe(TOKEN);
  });

  it('still reads a plain token when it cannot encrypt it (left as it is, 0600)', () => {
    createFileVault(file).set(TOKEN);
    fake.available = false;
    expect(createSafeStorageVault(file).get()).toBe(TOKEN);
    expect(fs.readFileSync(file, 'utf8')).toBe(TOKEN);
  });
});
