/**
 * One i18next instance per app (tests make their own). Resources are bundled
 * TypeScript objects, so init is synchronous and nothing is fetched.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { en } from './en';
import { es } from './es';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './messages';

export { LANGUAGES, DEFAULT_LANGUAGE, isLanguage, type Language } from './messages';

export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['es', 'en'],
    resources: { es: { translation: es }, en: { translation: en } },
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The UI language a BCP 47 store locale implies (es-CO -> es), else the default. */
export function languageFromLocale(locale: string | null | undefined): Language {
  const base = locale?.split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

/** localStorage 'pos.lang' beats the store locale, which beats Spanish. */
export function pickLanguage(stored: string | null, storeLocale: string | null | undefined): Language {
  if (isLanguage(stored)) return stored;
  return languageFromLocale(storeLocale);
}
