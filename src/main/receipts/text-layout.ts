/**
 * Fixed-width text for a thermal printer: every character is one column, so
 * strings are first made printable in a single-byte code page (one char, one
 * byte, one column), then wrapped and padded to the paper's column count.
 */

const NBSP = '\u00a0';

const REPLACEMENTS: [RegExp, string][] = [
  // Intl puts (narrow) no-break spaces in money and percents: keep them unbreakable while laying out.
  [/[\u2007\u202f]/g, NBSP],
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/\u2022/g, '*'],
  [/[\t\r\n]/g, ' '],
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point: they would be printer commands.
  [/[\u0000-\u001f\u007f-\u009f]/g, ''],
  // A character outside the BMP would count as two UTF-16 units but print as one '?'.
  [/[\u{10000}-\u{10ffff}]/gu, '?'],
];

/**
 * NFC (so "n" + combining tilde becomes one "ñ"), typographic punctuation to
 * ASCII, no control bytes. No-break spaces stay, so wrapping never splits
 * "$ 4.990.000"; `printable` turns them into plain spaces at the end.
 */
export function normalizeText(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** Text as it goes to the printer: normalized, and plain spaces, because some printers draw 0xFF (NBSP in PC858) as a glyph. */
export function printable(text: string): string {
  return normalizeText(text).replaceAll(NBSP, ' ');
}

/** Word-wraps to `width` columns; words longer than a line are split. Never returns an empty array. */
export function wrap(text: string, width: number): string[] {
  const words = normalizeText(text).trim().split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (word.length > width) {
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * A label on the left and an amount flush right. When both do not fit on one
 * line the label wraps and the amount goes on the last label line if it fits
 * there, otherwise on a line of its own: an amount is never cut.
 */
export function leftRight(left: string, right: string, width: number): string[] {
  const r = normalizeText(right).trim();
  const indent = /^ */.exec(left)?.[0].length ?? 0;
  const l = normalizeText(left).trimEnd();
  if (l.length + 1 + r.length <= width) return [l + ' '.repeat(width - l.length - r.length) + r];
  const pad = ' '.repeat(Math.min(indent, width - 1));
  const lines = wrap(l, width - pad.length).map((line) => pad + line);
  const last = lines[lines.length - 1]!;
  if (last.length + 1 + r.length <= width) {
    lines[lines.length - 1] = last + ' '.repeat(width - last.length - r.length) + r;
  } else {
    lines.push(...wrap(r, width).map((line) => line.padStart(width)));
  }
  return lines;
}
