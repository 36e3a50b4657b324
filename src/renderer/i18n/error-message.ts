import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { formatMoment, formatNumber, safeLocale } from '../lib/format';

/** The detail a failed transport adds so the UI can say "cannot reach" rather than "bug". */
export const NETWORK_DETAIL = 'network';

/**
 * Translates an error that crossed IPC. The code picks the sentence; details
 * (attemptsLeft, lockedUntil, code, stock, remaining, balance) fill it. The
 * English `message` is for logs only. Amounts are minor units of `currency`
 * (plain numbers when no currency is given).
 */
export function errorMessage(t: TFunction, error: ErrorInfo, locale: string, now: Date = new Date(), currency?: string): string {
  const details = error.details ?? {};
  const money = (minor: number) => (currency ? formatMoney(minor, currency, safeLocale(locale)) : formatNumber(minor, locale));
  switch (error.code) {
    case 'NOT_FOUND':
      return typeof details.code === 'string' ? t('errors.NOT_FOUND_code', { code: details.code }) : t('errors.NOT_FOUND');
    case 'BARCODE_INVALID':
      return typeof details.code === 'string' ? t('errors.BARCODE_INVALID_code', { code: details.code }) : t('errors.BARCODE_INVALID');
    case 'STOCK_SHORT':
      return typeof details.stock === 'number' ? t('errors.STOCK_SHORT_stock', { count: Math.max(0, details.stock) }) : t('errors.STOCK_SHORT');
    case 'PAYMENT_SHORT':
      if (typeof details.remaining === 'number') return t('errors.PAYMENT_SHORT_remaining', { remaining: money(details.remaining) });
      if (typeof details.balance === 'number') return t('errors.PAYMENT_SHORT_balance', { balance: money(details.balance) });
      return t('errors.PAYMENT_SHORT');
    case 'PIN_INVALID': {
      const left = details.attemptsLeft;
      return typeof left === 'number' ? t('errors.PIN_INVALID_attempts', { count: left }) : t('errors.PIN_INVALID');
    }
    case 'USER_LOCKED': {
      const until = typeof details.lockedUntil === 'string' ? formatMoment(details.lockedUntil, locale, now) : null;
      if (!until) return t('errors.USER_LOCKED');
      return until.kind === 'time'
        ? t('errors.USER_LOCKED_untilTime', { until: until.text })
        : t('errors.USER_LOCKED_untilDate', { until: until.text });
    }
    case 'INTERNAL':
      return details[NETWORK_DETAIL] === true ? t('errors.network') : t('errors.INTERNAL');
    default:
      return t(`errors.${error.code}`);
  }
}
