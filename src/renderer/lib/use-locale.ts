import { useTranslation } from 'react-i18next';
import { useStatus } from '../stores/stores-context';
import { safeLocale } from './format';

/** The store's locale for Intl (numbers, money, dates), whatever the UI language. */
export function useLocale(): string {
  const storeLocale = useStatus((s) => s.settings?.locale ?? s.publicSettings?.locale);
  const { i18n } = useTranslation();
  return safeLocale(storeLocale ?? i18n.resolvedLanguage ?? i18n.language);
}
