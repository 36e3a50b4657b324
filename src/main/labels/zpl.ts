/**
 * Labels as ZPL II, the language of Zebra thermal label printers (and of
 * most others in emulation): one format per variant, printed `copies` times
 * with ^PQ. Text goes through ^FH (hex escapes), so a name with ^ or ~ can
 * never become a printer command; ^CI28 makes the printer read UTF-8.
 */
import type { LabelDto } from '../../shared/ipc/dto-catalog';

/** Field data with the three characters ZPL treats as commands escaped (^FH\ hex escapes). */
export function zplText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters would reach the printer as commands: drop them.
  return text.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\\^~]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The barcode field: EAN-13 (the printer adds the check digit from the first 12), else Code 128. */
function barcodeField(code: string, x: number, y: number, height: number): string {
  if (/^\d{13}$/.test(code)) return `^FO${x},${y}^BY2^BEN,${height},Y,N^FD${code.slice(0, 12)}^FS`;
  return `^FO${x},${y}^BY2^BCN,${height},Y,N,N^FH\\^FD${zplText(code)}^FS`;
}

export function labelsToZpl(labels: readonly LabelDto[], size: { widthDots: number; heightDots: number }): string {
  const w = size.widthDots;
  const h = size.heightDots;
  const margin = 16;
  const inner = w - 2 * margin;
  // An EAN-13 at 2 dots a module is 95 x 2 dots wide (+ the first digit printed before it): centre it.
  const barX = Math.max(margin, Math.round((w - 190) / 2) + 8);
  const barY = 64;
  const barHeight = Math.max(30, h - barY - 34);
  return labels
    .map((l) =>
      [
        '^XA',
        '^CI28',
        `^PW${w}`,
        `^LL${h}`,
        '^LH0,0',
        `^FO${margin},8^A0N,26,26^FB${inner},1,0,L^FH\\^FD${zplText(l.name)}^FS`,
        `^FO${margin},36^A0N,24,24^FB${inner},1,0,L^FH\\^FD${zplText(`${l.color} / ${l.size}`)}^FS`,
        `^FO${margin},36^A0N,26,26^FB${inner},1,0,R^FH\\^FD${zplText(l.priceText)}^FS`,
        barcodeField(l.barcode, barX, barY, barHeight),
        `^PQ${l.copies},0,1,Y`,
        '^XZ',
      ].join('\n'),
    )
    .join('\n');
}
