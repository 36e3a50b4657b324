import { useMemo } from 'react';
import { currencyDigits } from '../../shared/money';
import { useStatus } from '../stores/stores-context';
import { moneyFormatter } from './format';
import { useLocale } from './use-locale';

/** Fallback until settings arrive; every real amount is shown in the store's currency. */
const DEFAULT_CURRENCY = 'COP';

export interface Money {
  currency: string;
  locale: string;
  digits: number;
  /** Minor units to text, e.g. 4990000 -> "$ 49.900,00". */
  format: (minor: number) => string;
}

/** The store's currency and locale, and a formatter for minor units. */
export function useMoney(): Money {
  const currency = useStatus((s) => s.settings?.currency ?? s.publicSettings?.currency) || DEFAULT_CURRENCY;
  const locale = useLocale();
  const format = useMemo(() => moneyFormatter(currency, locale), [currency, locale]);
  return { currency, locale, digits: currencyDigits(currency), format };
}
