/**
 * The store settings form as text a person edits, and back. The rules are the
 * contract's StoreSettingsSchema (the same main applies); this file only
 * reads what was typed (a percent in the locale, money in the draft's
 * currency, one receipt line per text line) before the schema judges it, and
 * builds the patch of only what changed.
 */
import { z } from 'zod';
import { RECEIPT_LINE_MAX, RECEIPT_MAX_LINES, StoreSettingsSchema } from '../../../shared/ipc/contract';
import type { StoreSettings } from '../../../shared/ipc/dto';
import { currencyDigits, isKnownCurrency } from '../../../shared/money';
import { formatBasisPointsInput, formatMoneyInput, parseBasisPointsInput, parseMoneyInput } from '../../lib/money-input';

export type StoreField = keyof StoreSettings;

export const STORE_FIELDS = [
  'storeName',
  'registerCode',
  'currency',
  'locale',
  'pricesIncludeTax',
  'defaultTaxCode',
  'stockPolicy',
  'discountApprovalBp',
  'cashRoundingIncrement',
  'receiptHeader',
  'receiptFooter',
  'thermalPrinterHost',
  'thermalPrinterPort',
  'receiptColumns',
] as const satisfies readonly StoreField[];

export const isStoreField = (value: string): value is StoreField => (STORE_FIELDS as readonly string[]).includes(value);

export const CURRENCIES = ['COP', 'USD', 'EUR', 'MXN', 'PEN'] as const;
export const LOCALES = ['es-CO', 'es-ES', 'es-MX', 'en-US'] as const;
export const RECEIPT_COLUMNS = [32, 42, 48] as const;
export { RECEIPT_LINE_MAX, RECEIPT_MAX_LINES };

/** The form's values: each setting under its own name, as text where a person types it. */
export interface StoreDraft {
  storeName: string;
  registerCode: string;
  currency: string;
  locale: string;
  pricesIncludeTax: boolean;
  defaultTaxCode: string;
  stockPolicy: StoreSettings['stockPolicy'];
  /** Percent as typed, e.g. "10" or "12,5". */
  discountApprovalBp: string;
  /** Money as typed, in the draft's currency. */
  cashRoundingIncrement: string;
  /** One receipt line per text line. */
  receiptHeader: string;
  receiptFooter: string;
  thermalPrinterHost: string;
  thermalPrinterPort: string;
  receiptColumns: StoreSettings['receiptColumns'];
}

/** Why a field cannot be saved; the form words it. */
export type Problem = { kind: 'invalid' } | { kind: 'tooManyLines'; n: number } | { kind: 'lineTooLong'; line: number; length: number };

export type Problems = Partial<Record<StoreField, Problem>>;

/** Minor-unit digits of an ISO 4217 code, or null when it is not one. */
export function knownCurrencyDigits(code: string): number | null {
  return isKnownCurrency(code) ? currencyDigits(code) : null;
}

export function draftOf(settings: StoreSettings, locale: string): StoreDraft {
  const digits = knownCurrencyDigits(settings.currency);
  return {
    storeName: settings.storeName,
    registerCode: settings.registerCode,
    currency: settings.currency,
    locale: settings.locale,
    pricesIncludeTax: settings.pricesIncludeTax,
    defaultTaxCode: settings.defaultTaxCode,
    stockPolicy: settings.stockPolicy,
    discountApprovalBp: formatBasisPointsInput(settings.discountApprovalBp, locale),
    cashRoundingIncrement:
      settings.cashRoundingIncrement === 0 || digits === null
        ? String(settings.cashRoundingIncrement)
        : formatMoneyInput(settings.cashRoundingIncrement, settings.currency, locale),
    receiptHeader: settings.receiptHeader.join('\n'),
    receiptFooter: settings.receiptFooter.join('\n'),
    thermalPrinterHost: settings.thermalPrinterHost ?? '',
    thermalPrinterPort: String(settings.thermalPrinterPort),
    receiptColumns: settings.receiptColumns,
  };
}

/** Text lines to receipt lines: trailing spaces and trailing empty lines dropped. */
export function receiptLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Text read by `read` (null: it cannot be read as one), to be judged by the contract's schema for its field. */
const readAs = <T>(read: (text: string) => T | null) =>
  z.string().transform((text, ctx) => {
    const value = read(text.trim());
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: 'unreadable', input: text });
      return z.NEVER;
    }
    return value;
  });

/**
 * The form's schema: each field read from its text, then the contract's rule
 * for it, every field on its own so that all their problems show at once.
 * Money is read in the currency the draft has (`currency`).
 */
export function storeDraftSchema(locale: string, currency: string) {
  const S = StoreSettingsSchema.shape;
  const code = currency.trim().toUpperCase();
  const lines = (schema: typeof S.receiptHeader) => z.string().transform(receiptLines).pipe(schema);
  return z.object({
    storeName: S.storeName,
    registerCode: z.string().trim().toUpperCase().pipe(S.registerCode),
    currency: z.string().trim().toUpperCase().pipe(S.currency),
    locale: S.locale,
    pricesIncludeTax: S.pricesIncludeTax,
    defaultTaxCode: S.defaultTaxCode,
    stockPolicy: S.stockPolicy,
    discountApprovalBp: readAs((text) => parseBasisPointsInput(text, locale)).pipe(S.discountApprovalBp),
    // In an unknown currency nothing can be read as money: the currency's own problem is what to fix.
    cashRoundingIncrement: readAs((text) => (text === '' || knownCurrencyDigits(code) === null ? 0 : parseMoneyInput(text, code, locale))).pipe(S.cashRoundingIncrement),
    receiptHeader: lines(S.receiptHeader),
    receiptFooter: lines(S.receiptFooter),
    thermalPrinterHost: z
      .string()
      .trim()
      .transform((host) => host || null)
      .pipe(S.thermalPrinterHost),
    thermalPrinterPort: readAs((text) => (/^\d+$/.test(text) ? Number(text) : null)).pipe(S.thermalPrinterPort),
    receiptColumns: S.receiptColumns,
  });
}

/** The settings that differ from the saved ones. */
export function patchOf(next: StoreSettings, saved: StoreSettings): Partial<StoreSettings> {
  const patch: Partial<StoreSettings> = {};
  for (const field of STORE_FIELDS) {
    if (JSON.stringify(next[field]) !== JSON.stringify(saved[field])) (patch as Record<string, unknown>)[field] = next[field];
  }
  return patch;
}

/** How a receipt block breaks the contract's rule, in terms the form can word (null: it does not). */
export function receiptProblem(text: string): Problem | null {
  const lines = receiptLines(text);
  const parsed = StoreSettingsSchema.shape.receiptHeader.safeParse(lines);
  const issue = parsed.error?.issues[0];
  if (!issue) return null;
  const at = issue.path[0];
  if (typeof at !== 'number') return { kind: 'tooManyLines', n: lines.length };
  return { kind: 'lineTooLong', line: at + 1, length: lines[at]?.length ?? 0 };
}
