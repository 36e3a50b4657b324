/** Numbers and dates for people, always through Intl with the store locale. */
import { currencyDigits } from '../../shared/money';

const FALLBACK_LOCALE = 'es';

const canonical = new Map<string, string>();

/** A locale Intl accepts; a malformed store setting must not crash the UI. */
export function safeLocale(locale: string | null | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  let found = canonical.get(locale);
  if (found === undefined) {
    try {
      found = Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
    } catch {
      found = FALLBACK_LOCALE;
    }
    canonical.set(locale, found);
  }
  return found;
}

/** Intl formatters are slow to make and cheap to use: one per locale (and currency), kept. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: string): string {
  const loc = safeLocale(locale);
  let format = numberFormats.get(loc);
  if (!format) {
    format = new Intl.NumberFormat(loc);
    numberFormats.set(loc, format);
  }
  return format.format(value);
}

const moneyFormats = new Map<string, (minor: number) => string>();

/** formatMoney (src/shared/money.ts) with its Intl formatter made once per currency and locale: same text. */
export function moneyFormatter(currency: string, locale: string): (minor: number) => string {
  const loc = safeLocale(locale);
  const key = `${currency} ${loc}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = currencyDigits(currency);
    const intl = new Intl.NumberFormat(loc, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    const scale = 10 ** digits;
    format = (minor: number) => intl.format(minor / scale);
    moneyFormats.set(key, format);
  }
  return format;
}

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * A moment shown as just the time when it falls today, otherwise date and
 * time. `kind` tells the caller which one it got (sentences differ).
 */
export function formatMoment(
  iso: string,
  locale: string,
  now: Date = new Date(),
): { text: string; kind: 'time' | 'date' } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const loc = safeLocale(locale);
  if (sameDay(at, now)) {
    return { text: new Intl.DateTimeFormat(loc, { timeStyle: 'short' }).format(at), kind: 'time' };
  }
  return { text: new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' }).format(at), kind: 'date' };
}
