import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, isInStoreEan13, isValidEan13, makeEan13, makeInStoreEan13 } from './ean13';

describe('EAN-13', () => {
  it('computes the check digit of known codes', () => {
    // Published examples (Wikipedia's and GS1's) and one worked by hand.
    expect(checkDigit('400638133393')).toBe(1);
    expect(makeEan13('590123412345')).toBe('5901234123457');
    // Worked by hand: 7+21+0+3+2+9+4+15+6+21+8+27 = 123, so 10 - 3 = 7.
    expect(makeEan13('770123456789')).toBe('7701234567897');
    expect(checkDigit('000000000000')).toBe(0);
  });

  it('accepts valid codes and refuses wrong length, letters and a wrong check digit', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339311')).toBe(false);
    expect(isValidEan13('40063813339a1')).toBe(false);
    expect(isValidEan13(' 4006381333931')).toBe(false);
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const code = makeEan13(body);
        expect(isValidEan13(code)).toBe(true);
        const typo = code.slice(0, pos) + String((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
        expect(isValidEan13(typo)).toBe(false);
      }),
    );
  });

  it('makes in-store codes in the 20-29 range, distinct per sequence', () => {
    expect(makeInStoreEan13(0)).toBe('2000000000008');
    expect(makeInStoreEan13(1234567890, 29)).toMatch(/^291234567890\d$/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 20, max: 29 }), (seq, prefix) => {
        const code = makeInStoreEan13(seq, prefix);
        expect(isInStoreEan13(code)).toBe(true);
        expect(Number(code.slice(2, 12))).toBe(seq);
      }),
    );
    expect(isInStoreEan13('7701234567897')).toBe(false);
  });

  it('refuses out-of-range input', () => {
    expect(() => makeInStoreEan13(-1)).toThrow(RangeError);
    expect(() => makeInStoreEan13(10_000_000_000)).toThrow(RangeError);
    expect(() => makeInStoreEan13(1.5)).toThrow(RangeError);
    expect(() => makeInStoreEan13(1, 30)).toThrow(RangeError);
    expect(() => makeInStoreEan13(1, 19)).toThrow(RangeError);
    expect(() => checkDigit('12345')).toThrow(RangeError);
  });
});
