/**
 * The invoice number as a CODE128 barcode, as an SVG data URL: an <img> with
 * a data: source is allowed by the CSP (img-src 'self' data:) and needs no
 * innerHTML. Only the code128 encoder is imported so the bundle stays small.
 */
import { code128, drawingSVG } from 'bwip-js/browser';

/** Null when the value cannot be encoded (CODE128 takes ASCII only); the receipt still shows it as text. */
export function code128DataUrl(value: string): string | null {
  try {
    const svg = code128(
      { bcid: 'code128', text: value, scale: 2, height: 10, includetext: true, textxalign: 'center' },
      drawingSVG(),
    );
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch {
    return null;
  }
}
