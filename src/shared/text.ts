/**
 * Characters that never belong in a name, an address or a receipt line:
 * C0/C1 controls (NUL cut searches short; ESC would reach the thermal
 * printer as a command), DEL, bidi overrides, embeddings and isolates (they
 * make a receipt read differently than it is stored), zero-width marks, line
 * and paragraph separators, and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g;

/** The text with unsafe characters removed (tabs and line breaks become spaces) and whitespace runs collapsed. */
export function cleanText(value: string): string {
  return value.replace(/[\t\n\r\u2028\u2029]+/g, ' ').replace(UNSAFE, '').replace(/ {2,}/g, ' ');
}
