import type { CSSProperties } from 'react';

/**
 * Width of a character in em, in the widest bold UI font we meet (DejaVu Sans
 * Bold, Debian's system-ui, measured in Chromium): digits are tabular.
 */
function charEm(ch: string): number {
  if (ch >= '0' && ch <= '9') return 0.7;
  if (ch === '.' || ch === ',' || ch === ' ' || ch === '\u00a0' || ch === '\u202f') return 0.38;
  if (ch === '−' || ch === '-') return 0.84;
  if (ch === '%' || ch === 'm' || ch === 'M' || ch === 'W') return 1.05;
  if (ch >= 'A' && ch <= 'Z') return 0.86;
  if (ch >= 'a' && ch <= 'z') return 0.68;
  return 0.75;
}

/** How wide `text` is, in em, with a margin for fonts and rounding. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += charEm(ch);
  return Math.max(ems * 1.06, 0.5);
}

/**
 * For a figure (money, a quantity) in a box of fixed width: sets --ems to its
 * width in em, and the `.fit` CSS caps the font at the box's width divided by
 * that, so the figure never wraps, clips or runs under the next column.
 */
export const fitChars = (text: string): CSSProperties => ({ '--ems': textEms(text).toFixed(2) }) as CSSProperties;
