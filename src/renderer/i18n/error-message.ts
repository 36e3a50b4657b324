import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../shared/errors';
import { formatMoment } from '../lib/format';

/** The detail a failed transport adds so the UI can say "cannot reach" rather than "bug". */
export const NETWORK_DETAIL = 'network';

/**
 * Translates an error that crossed IPC. The code picks the sentence; details
 * (attemptsLeft, lockedUntil) fill it. The English `message` is for logs only.
 */
export function errorMessage(t: TFunction, error: ErrorInfo, locale: string, now: Date = new Date()): string {
  const details = error.details ?? {};
  switch (error.code) {
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
