/**
 * Money typed by a person, in the store's locale, to integer minor units,
 * and back. "50.000" and "49.900,50" in es-CO; "50,000" and "49,900.50" in
 * en-US. Amounts are never floats past this point.
 */
import { currencyDigits } from '../../shared/money';
import { safeLocale } from './format';

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** Minor units, or null when the text is not an amount. */
export function parseMoneyInput(text: string, currency: string, locale: string): number | null {
  const digits = currencyDigits(currency);
  const { group, decimal } = separators(locale);
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,-]/g, '');
  if (!cleaned || cleaned === '-') return null;
  const other = decimal === ',' ? '.' : ',';
  // "49.90" in a comma-decimal locale: one separator followed by 1-2 digits is a decimal point.
  if (!cleaned.includes(decimal) && new RegExp(`^-?\\d+\\${other}\\d{1,2}$`).test(cleaned)) {
    cleaned = cleaned.replace(other, decimal);
  }
  cleaned = cleaned.split(group === '.' || group === ',' ? group : other).join('');
  if (decimal !== '.') cleaned = cleaned.replace(decimal, '.');
  if (!/^-?\d+(\.\d*)?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return cleaned.startsWith('-') ? -minor : minor;
}

/** An amount for an input field: locale digits, no currency sign, no grouping. */
export function formatMoneyInput(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(safeLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minor / 10 ** digits);
}

/** "12,5" -> 1250 basis points; "0" -> 0; null unless 0 to 100 with at most two decimals. */
export function parseBasisPointsInput(text: string, locale: string): number | null {
  const { decimal } = separators(locale);
  const cleaned = text.replace(/[\s%]/g, '').replace(decimal, '.').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const bp = Math.round(Number(cleaned) * 100);
  return bp <= 10_000 ? bp : null;
}

/** "12,5" -> 1250 basis points; null unless above 0 and at most 100. */
export function parsePercentInput(text: string, locale: string): number | null {
  const bp = parseBasisPointsInput(text, locale);
  return bp !== null && bp > 0 ? bp : null;
}

/** 1250 basis points -> "12,5" for an input field (no % sign, no grouping). */
export function formatBasisPointsInput(bp: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100);
}

/** 1250 basis points -> "12,5 %" in the locale. */
const percentFormats = new Map<string, Intl.NumberFormat>();

export function formatPercent(bp: number, locale: string): string {
  const loc = safeLocale(locale);
  let format = percentFormats.get(loc);
  if (!format) {
    format = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(loc, format);
  }
  return format.format(bp / 10_000);
}
