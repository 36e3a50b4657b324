/**
 * A Receipt as ESC/POS bytes for a thermal printer, through the maintained
 * @point-of-sale/receipt-printer-encoder. Pure: bytes out, no I/O, so the
 * browser preview and tests can look at exactly what the printer would get.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt } from '../../shared/ipc/dto-sales';
import { layoutReceipt } from './receipt-layout';
import { printable } from './text-layout';

export interface EscposOptions {
  columns: 32 | 42 | 48;
  /** Pulse the cash drawer (ESC p): the caller asks for it on cash sales. */
  openDrawer: boolean;
  language?: 'esc-pos';
}

/**
 * PC858 (PC850 plus the euro sign): it has every Spanish letter and sign
 * (ñ Ñ á é í ó ú ü ¿ ¡), and it is in the character tables of practically
 * every ESC/POS printer (Epson, Bixolon, Citizen, Star, Xprinter, generic
 * 58/80 mm clones), unlike Windows-1252, which several older models lack.
 * Selected with ESC t 19 on the Epson table.
 */
export const ESCPOS_CODEPAGE = 'cp858';

/** Lines fed before the cut so the last printed line clears the cutter blade on common 80 mm printers. */
const FEED_BEFORE_CUT = 4;

/** Printable dots per line for the usual paper of each column count: 58 mm (384), 80 mm at 180 dpi (512) and 203 dpi (576). */
const DOTS: Record<EscposOptions['columns'], number> = { 32: 384, 42: 512, 48: 576 };

/**
 * Widest CODE128 module, in dots (2-4, what the encoder's width 1-3 sends as
 * GS w), at which the barcode still fits the paper with its quiet zones: code
 * set B takes 11 modules per character plus start, check (11 each) and stop
 * (13), and 10 modules of quiet zone a side. Wider bars scan more easily.
 */
export function barcodeModuleDots(value: string, columns: EscposOptions['columns']): number {
  const modules = (value.length + 2) * 11 + 13 + 20;
  return Math.max(2, Math.min(4, Math.floor(DOTS[columns] / modules)));
}

export function encodeReceiptEscpos(receipt: Receipt, options: EscposOptions): Uint8Array {
  const { columns } = options;
  const encoder = new ReceiptPrinterEncoder({
    language: options.language ?? 'esc-pos',
    columns,
    codepageMapping: 'epson',
    feedBeforeCut: FEED_BEFORE_CUT,
  });
  encoder.initialize().codepage(ESCPOS_CODEPAGE);
  // Pulse first: the drawer opens while the receipt prints, and still opens if the paper runs out mid-receipt.
  if (options.openDrawer) encoder.pulse();

  for (const block of layoutReceipt(receipt, columns)) {
    switch (block.kind) {
      case 'title':
        encoder.align('center').bold(true).size(2, 2).line(printable(block.text)).size(1, 1).bold(false).align('left');
        break;
      case 'center':
        encoder.align('center').line(printable(block.text)).align('left');
        break;
      case 'text':
        if (block.strong) encoder.bold(true).height(2).line(printable(block.text)).height(1).bold(false);
        else encoder.line(printable(block.text));
        break;
      case 'rule':
        encoder.line('-'.repeat(columns));
        break;
      case 'barcode':
        encoder
          .align('center')
          .barcode(block.value, 'code128', { height: 60, width: barcodeModuleDots(block.value, columns) - 1, text: 'below' })
          .align('left');
        break;
    }
  }
  return encoder.cut('partial').encode();
}
