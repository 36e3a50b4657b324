/**
 * Electron glue: the desktop app's token vault. The same file beside the
 * database as the CLI's (src/main/sync/token-vault.ts), holding
 * `safestorage:v1:` + base64 of safeStorage.encryptString(token) (the OS
 * keychain / DPAPI / libsecret key). A plain token found there (written by
 * `admin register`) is read and re-encrypted in place. Never stores a token
 * unencrypted: without encryption, set() throws.
 */
import { safeStorage } from 'electron';
import { createFileVault, SAFE_STORAGE_PREFIX, type TokenCodec, type TokenVault } from '../sync/token-vault';

export const safeStorageCodec: TokenCodec = {
  encode(token) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('cannot store the device token: OS encryption (Electron safeStorage) is not available on this machine; the token is never kept unencrypted by the app');
    }
    return SAFE_STORAGE_PREFIX + safeStorage.encryptString(token).toString('base64');
  },
  decode(content) {
    if (!content.startsWith(SAFE_STORAGE_PREFIX)) return content;
    return safeStorage.decryptString(Buffer.from(content.slice(SAFE_STORAGE_PREFIX.length), 'base64'));
  },
  isOwn: (content) => content.startsWith(SAFE_STORAGE_PREFIX),
};

export function createSafeStorageVault(file: string): TokenVault {
  return createFileVault(file, safeStorageCodec);
}
