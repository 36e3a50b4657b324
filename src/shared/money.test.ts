import { describe, expect, it } from 'vitest';
import { assertMinor, currencyDigits, formatMoney } from './money';

describe('money', () => {
  it('uses ISO 4217 minor units, not CLDR display digits', () => {
    expect(currencyDigits('COP')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(() => currencyDigits('XYZ')).toThrow(/unknown currency/);
  });
  it('formats minor units at the edge', () => {
    expect(formatMoney(4_990_000, 'COP', 'es-CO').replace(/\s/g, ' ')).toBe('$ 49.900,00');
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });
  it('refuses floats', () => {
    expect(() => assertMinor(19.99)).toThrow(/integer/);
    expect(assertMinor(1999)).toBe(1999);
  });
});
