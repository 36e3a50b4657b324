import { describe, expect, it } from 'vitest';
import { currencyDigits } from '../../shared/money';
import { formatBasisPointsInput, formatMoneyInput, formatPercent, parseBasisPointsInput, parseMoneyInput, parsePercentInput } from './money-input';

describe('money input', () => {
  // EUR in es-ES: comma decimals, dot groups, 2 digits (what the brief assumes for COP in es-CO).
  it('reads amounts the way people type them in the store locale', () => {
    expect(parseMoneyInput('50000', 'EUR', 'es-ES')).toBe(5000000);
    expect(parseMoneyInput('50.000', 'EUR', 'es-ES')).toBe(5000000);
    expect(parseMoneyInput('€ 49.900,50', 'EUR', 'es-ES')).toBe(4990050);
    expect(parseMoneyInput('49.9', 'EUR', 'es-ES')).toBe(4990);
    expect(parseMoneyInput('50.000', 'COP', 'es-CO')).toBe(50000 * 10 ** currencyDigits('COP'));
    expect(parseMoneyInput('49,900.50', 'USD', 'en-US')).toBe(4990050);
    expect(parseMoneyInput('1.234', 'JPY', 'ja-JP')).toBeNull();
    expect(parseMoneyInput('1234', 'JPY', 'ja-JP')).toBe(1234);
    expect(parseMoneyInput('', 'COP', 'es-CO')).toBeNull();
    expect(parseMoneyInput('abc', 'COP', 'es-CO')).toBeNull();
    expect(parseMoneyInput('1,234', 'EUR', 'es-ES')).toBeNull();
  });

  it('writes amounts back for a field without grouping or currency sign', () => {
    expect(formatMoneyInput(4990000, 'EUR', 'es-ES')).toBe('49900,00');
    expect(parseMoneyInput(formatMoneyInput(4990050, 'EUR', 'es-ES'), 'EUR', 'es-ES')).toBe(4990050);
    expect(parseMoneyInput(formatMoneyInput(4990000, 'COP', 'es-CO'), 'COP', 'es-CO')).toBe(4990000);
    expect(formatMoneyInput(4990050, 'USD', 'en-US')).toBe('49900.50');
  });

  it('reads percentages into basis points', () => {
    expect(parsePercentInput('15', 'es-CO')).toBe(1500);
    expect(parsePercentInput('12,5', 'es-CO')).toBe(1250);
    expect(parsePercentInput('12.5 %', 'en-US')).toBe(1250);
    expect(parsePercentInput('0', 'es-CO')).toBeNull();
    expect(parsePercentInput('101', 'es-CO')).toBeNull();
    expect(formatPercent(1250, 'en-US')).toBe('12.5%');
  });

  it('reads rates and thresholds from 0 % to 100 % with up to two decimals, and writes them back', () => {
    expect(parseBasisPointsInput('0', 'es-CO')).toBe(0);
    expect(parseBasisPointsInput('19', 'es-CO')).toBe(1900);
    expect(parseBasisPointsInput('8,25', 'es-CO')).toBe(825);
    expect(parseBasisPointsInput('100', 'en-US')).toBe(10_000);
    expect(parseBasisPointsInput('100,01', 'es-CO')).toBeNull();
    expect(parseBasisPointsInput('8,125', 'es-CO')).toBeNull();
    expect(parseBasisPointsInput('-5', 'es-CO')).toBeNull();
    expect(parseBasisPointsInput('', 'es-CO')).toBeNull();
    expect(formatBasisPointsInput(825, 'es-CO')).toBe('8,25');
    expect(formatBasisPointsInput(1000, 'en-US')).toBe('10');
  });
});
