import { describe, expect, it } from 'vitest';
import { cleanText } from './text';

describe('cleanText', () => {
  it('strips NUL, controls, bidi overrides, zero-width marks and the BOM, keeping accents and ñ', () => {
    expect(cleanText('Mar\u0000ía')).toBe('María');
    expect(cleanText('\u202Eanelo\u202C Peña')).toBe('anelo Peña');
    expect(cleanText('a\u200Bb\uFEFFc\u2066d\u2069')).toBe('abcd');
    expect(cleanText('ESC\u001B@ cut\u001Dv')).toBe('ESC@ cutv');
    expect(cleanText('\u0085next\u009B')).toBe('next');
  });

  it('turns tabs and line breaks into single spaces', () => {
    expect(cleanText('Calle 5\r\n# 10-20\tapto 3')).toBe('Calle 5 # 10-20 apto 3');
  });

  it('leaves ordinary text alone', () => {
    const s = 'Camisa Oxford ¿Talla M? — 100 % algodón, €5 · 日本';
    expect(cleanText(s)).toBe(s);
  });
});
