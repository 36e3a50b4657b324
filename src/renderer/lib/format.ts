/** Numbers and dates for people, always through Intl with the store locale. */

const FALLBACK_LOCALE = 'es';

/** A locale Intl accepts; a malformed store setting must not crash the UI. */
export function safeLocale(locale: string | null | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale)).format(value);
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
