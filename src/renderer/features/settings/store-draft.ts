/**
 * The store settings form as text a person edits, and back: validation that
 * mirrors the contract's StoreSettingsPatchSchema where it is cheap to (main
 * still checks everything), and the patch of only what changed.
 */
import type { StoreSettings } from '../../../shared/ipc/dto';
import { currencyDigits } from '../../../shared/money';
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
export const RECEIPT_MAX_LINES = 6;
export const RECEIPT_LINE_MAX = 48;
const MAX_ROUNDING = 1_000_000;

export interface StoreDraft {
  storeName: string;
  registerCode: string;
  currency: string;
  locale: string;
  pricesIncludeTax: boolean;
  defaultTaxCode: string;
  stockPolicy: StoreSettings['stockPolicy'];
  /** Percent as typed, e.g. "10" or "12,5". */
  discountApprovalPct: string;
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
  if (!/^[A-Z]{3}$/.test(code)) return null;
  try {
    return currencyDigits(code);
  } catch {
    return null;
  }
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
    discountApprovalPct: formatBasisPointsInput(settings.discountApprovalBp, locale),
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

function linesProblem(lines: string[]): Problem | null {
  if (lines.length > RECEIPT_MAX_LINES) return { kind: 'tooManyLines', n: lines.length };
  const long = lines.findIndex((line) => line.length > RECEIPT_LINE_MAX);
  return long >= 0 ? { kind: 'lineTooLong', line: long + 1, length: lines[long]!.length } : null;
}

/**
 * Reads the draft against the saved settings: what is wrong with it, and the
 * patch of the fields that changed (only meaningful when there are no problems).
 */
export function readDraft(draft: StoreDraft, saved: StoreSettings, locale: string): { patch: Partial<StoreSettings>; problems: Problems } {
  const problems: Problems = {};
  const next: Partial<StoreSettings> = {};
  const invalid = (field: StoreField) => (problems[field] = { kind: 'invalid' });

  const storeName = draft.storeName.trim();
  if (!storeName || storeName.length > 80) invalid('storeName');
  else next.storeName = storeName;

  const registerCode = draft.registerCode.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,6}$/.test(registerCode)) invalid('registerCode');
  else next.registerCode = registerCode;

  const currency = draft.currency.trim().toUpperCase();
  const digits = knownCurrencyDigits(currency);
  if (digits === null) invalid('currency');
  else next.currency = currency;

  if (!/^(es|en)(-[A-Z]{2})?$/.test(draft.locale)) invalid('locale');
  else next.locale = draft.locale;

  next.pricesIncludeTax = draft.pricesIncludeTax;

  if (!draft.defaultTaxCode) invalid('defaultTaxCode');
  else next.defaultTaxCode = draft.defaultTaxCode;

  next.stockPolicy = draft.stockPolicy;

  const approval = parseBasisPointsInput(draft.discountApprovalPct, locale);
  if (approval === null) invalid('discountApprovalBp');
  else next.discountApprovalBp = approval;

  if (digits !== null) {
    const text = draft.cashRoundingIncrement.trim();
    const rounding = text === '' ? 0 : parseMoneyInput(text, currency, locale);
    if (rounding === null || rounding < 0 || rounding > MAX_ROUNDING) invalid('cashRoundingIncrement');
    else next.cashRoundingIncrement = rounding;
  }

  for (const field of ['receiptHeader', 'receiptFooter'] as const) {
    const lines = receiptLines(draft[field]);
    const problem = linesProblem(lines);
    if (problem) problems[field] = problem;
    else next[field] = lines;
  }

  // Host names and addresses are main's to judge (its schema is the authority).
  next.thermalPrinterHost = draft.thermalPrinterHost.trim() || null;

  const port = draft.thermalPrinterPort.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) invalid('thermalPrinterPort');
  else next.thermalPrinterPort = Number(port);

  next.receiptColumns = draft.receiptColumns;

  const patch: Partial<StoreSettings> = {};
  for (const field of STORE_FIELDS) {
    const value = next[field];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(saved[field])) {
      (patch as Record<string, unknown>)[field] = value;
    }
  }
  return { patch, problems };
}
