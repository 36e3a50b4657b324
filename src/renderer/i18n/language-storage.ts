import { isLanguage, type Language } from './messages';

export const LANGUAGE_STORAGE_KEY = 'pos.lang';

/** The language a person chose on this machine, if any. */
export function readStoredLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts this session.
  }
}
