import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '../../../shared/ipc/dto';
import { rateLabel } from './rate-label';
import { draftOf, patchOf, receiptLines, receiptProblem, storeDraftSchema, type StoreDraft } from './store-draft';

/** The draft read with the form's schema: the patch of what changed, or the fields at fault. */
function readDraft(draft: StoreDraft, saved: StoreSettings, locale: string) {
  const parsed = storeDraftSchema(locale, draft.currency).safeParse(draft);
  return parsed.success ? { patch: patchOf(parsed.data, saved), problems: [] } : { patch: {}, problems: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
}

const saved: StoreSettings = {
  storeName: 'Tienda Centro',
  registerCode: 'C01',
  currency: 'USD',
  locale: 'es-CO',
  pricesIncludeTax: true,
  defaultTaxCode: 'IVA19',
  stockPolicy: 'warn',
  discountApprovalBp: 1250,
  cashRoundingIncrement: 5,
  receiptHeader: ['NIT 900.123.456-7'],
  receiptFooter: [],
  thermalPrinterHost: null,
  thermalPrinterPort: 9100,
  receiptColumns: 42,
};

describe('store settings draft', () => {
  it('round-trips the saved settings with nothing to patch', () => {
    const draft = draftOf(saved, 'es-CO');
    expect(draft.discountApprovalBp).toBe('12,5');
    expect(draft.cashRoundingIncrement).toBe('0,05');
    expect(readDraft(draft, saved, 'es-CO')).toEqual({ patch: {}, problems: [] });
  });

  it('patches only what changed, in the currency of the draft', () => {
    const draft = { ...draftOf(saved, 'es-CO'), currency: 'COP', cashRoundingIncrement: '50', discountApprovalBp: '0', thermalPrinterHost: '  10.0.0.7 ', receiptFooter: 'Gracias\n\n' };
    expect(readDraft(draft, saved, 'es-CO')).toEqual({
      patch: { currency: 'COP', cashRoundingIncrement: 5000, discountApprovalBp: 0, thermalPrinterHost: '10.0.0.7', receiptFooter: ['Gracias'] },
      problems: [],
    });
  });

  it('keeps blank lines inside a receipt block, drops the trailing ones and trailing spaces', () => {
    expect(receiptLines('Uno  \n\nTres\n \n')).toEqual(['Uno', '', 'Tres']);
    expect(receiptLines('')).toEqual([]);
  });

  it('refuses a rounding above the limit or with too many decimals', () => {
    const draft = { ...draftOf(saved, 'es-CO'), cashRoundingIncrement: '0,005' };
    expect(readDraft(draft, saved, 'es-CO').problems).toEqual(['cashRoundingIncrement']);
    expect(readDraft({ ...draft, cashRoundingIncrement: '10000,01' }, saved, 'es-CO').problems).toEqual(['cashRoundingIncrement']);
    expect(readDraft({ ...draft, cashRoundingIncrement: '10000' }, saved, 'es-CO').patch).toEqual({ cashRoundingIncrement: 1_000_000 });
  });

  it('judges every field by the contract\'s rules, all at once', () => {
    const draft: StoreDraft = {
      ...draftOf(saved, 'es-CO'),
      storeName: ' ',
      registerCode: 'c-1',
      currency: 'xyz',
      discountApprovalBp: '120',
      thermalPrinterHost: 'impresora de caja',
      thermalPrinterPort: '70000',
      receiptHeader: ['1', '2', '3', '4', '5', '6', '7'].join('\n'),
    };
    expect(readDraft(draft, saved, 'es-CO').problems).toEqual(['storeName', 'registerCode', 'currency', 'discountApprovalBp', 'receiptHeader', 'thermalPrinterHost', 'thermalPrinterPort']);
    // Typed lower case, saved as the contract has it.
    expect(readDraft({ ...draftOf(saved, 'es-CO'), registerCode: ' c02 ', currency: 'cop', cashRoundingIncrement: '50' }, saved, 'es-CO').patch).toEqual({ registerCode: 'C02', currency: 'COP', cashRoundingIncrement: 5000 });
  });

  it('words a receipt block\'s problem from the contract\'s limits', () => {
    expect(receiptProblem('Gracias\n' + 'x'.repeat(49))).toEqual({ kind: 'lineTooLong', line: 2, length: 49 });
    expect(receiptProblem(['1', '2', '3', '4', '5', '6', '7'].join('\n'))).toEqual({ kind: 'tooManyLines', n: 7 });
    expect(receiptProblem('x'.repeat(48) + '\n\n')).toBeNull();
  });
});

describe('rate label', () => {
  it('adds the percentage unless the name already says it', () => {
    expect(rateLabel({ code: 'IVA19', name: 'IVA 19 %', rateBp: 1900, active: true }, 'es-CO')).toBe('IVA19 · IVA 19 %');
    expect(rateLabel({ code: 'INC8', name: 'Impoconsumo', rateBp: 800, active: true }, 'es-CO')).toBe(`INC8 · Impoconsumo · ${new Intl.NumberFormat('es-CO', { style: 'percent' }).format(0.08)}`);
    expect(rateLabel({ code: 'IVA1', name: 'IVA 19 %', rateBp: 100, active: true }, 'es-CO')).toContain('IVA 19 % · ');
  });
});
