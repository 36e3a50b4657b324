import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatus } from '../stores/stores-context';
import { languageFromLocale } from './index';
import { readStoredLanguage } from './language-storage';

/**
 * Keeps the UI language and <html lang> right: a choice stored on this
 * machine wins; otherwise the store's locale decides once settings arrive.
 */
export function useAppLanguage(): void {
  const { t, i18n } = useTranslation();
  const storeLocale = useStatus((s) => s.settings?.locale ?? s.publicSettings?.locale);
  const language = i18n.resolvedLanguage ?? i18n.language;

  useEffect(() => {
    if (!storeLocale || readStoredLanguage()) return;
    void i18n.changeLanguage(languageFromLocale(storeLocale));
  }, [storeLocale, i18n]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);
}
