import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '../../../shared/ipc/dto';
import { rateLabel } from './rate-label';
import { draftOf, readDraft, receiptLines } from './store-draft';

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
    expect(draft.discountApprovalPct).toBe('12,5');
    expect(draft.cashRoundingIncrement).toBe('0,05');
    expect(readDraft(draft, saved, 'es-CO')).toEqual({ patch: {}, problems: {} });
  });

  it('patches only what changed, in the currency of the draft', () => {
    const draft = { ...draftOf(saved, 'es-CO'), currency: 'COP', cashRoundingIncrement: '50', discountApprovalPct: '0', thermalPrinterHost: '  10.0.0.7 ', receiptFooter: 'Gracias\n\n' };
    expect(readDraft(draft, saved, 'es-CO')).toEqual({
      patch: { currency: 'COP', cashRoundingIncrement: 5000, discountApprovalBp: 0, thermalPrinterHost: '10.0.0.7', receiptFooter: ['Gracias'] },
      problems: {},
    });
  });

  it('keeps blank lines inside a receipt block, drops the trailing ones and trailing spaces', () => {
    expect(receiptLines('Uno  \n\nTres\n \n')).toEqual(['Uno', '', 'Tres']);
    expect(receiptLines('')).toEqual([]);
  });

  it('refuses a rounding above the limit or with too many decimals', () => {
    const draft = { ...draftOf(saved, 'es-CO'), cashRoundingIncrement: '0,005' };
    expect(readDraft(draft, saved, 'es-CO').problems).toEqual({ cashRoundingIncrement: { kind: 'invalid' } });
    expect(readDraft({ ...draft, cashRoundingIncrement: '10000,01' }, saved, 'es-CO').problems).toEqual({ cashRoundingIncrement: { kind: 'invalid' } });
  });
});

describe('rate label', () => {
  it('adds the percentage unless the name already says it', () => {
    expect(rateLabel({ code: 'IVA19', name: 'IVA 19 %', rateBp: 1900, active: true }, 'es-CO')).toBe('IVA19 · IVA 19 %');
    expect(rateLabel({ code: 'INC8', name: 'Impoconsumo', rateBp: 800, active: true }, 'es-CO')).toBe(`INC8 · Impoconsumo · ${new Intl.NumberFormat('es-CO', { style: 'percent' }).format(0.08)}`);
    expect(rateLabel({ code: 'IVA1', name: 'IVA 19 %', rateBp: 100, active: true }, 'es-CO')).toContain('IVA 19 % · ');
  });
});
