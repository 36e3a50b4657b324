/**
 * Labels as an A4 PDF sheet (pdfkit), for an office printer and adhesive
 * label sheets: the sheet's grid in millimetres, each label with name,
 * colour / size, price and an EAN-13 (or Code 128) barcode drawn by bwip-js.
 * A part-used sheet can go back in: `skip` leaves its first labels blank.
 */
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { LABEL_SHEETS, type LabelSheet } from '../../shared/catalog/labels';
import type { LabelDto } from '../../shared/ipc/dto-catalog';
import { isValidEan13 } from '../catalog/ean13';

const MM = 72 / 25.4;

/** EAN-13 when the code is one (the catalog refuses any other 13-digit code), else Code 128. */
function barcodePng(code: string): Promise<Buffer> {
  const ean = isValidEan13(code);
  return bwipjs.toBuffer({ bcid: ean ? 'ean13' : 'code128', text: code, scale: 4, height: 9, includetext: true, textxalign: 'center' });
}

export async function labelsToPdf(labels: readonly LabelDto[], sheetName: LabelSheet, skip: number, now: Date): Promise<{ pdf: Buffer; pages: number; count: number }> {
  const sheet = LABEL_SHEETS[sheetName];
  const perPage = sheet.columns * sheet.rows;
  const flat = labels.flatMap((l) => Array.from({ length: l.copies }, () => l));
  const pngs = new Map<string, Buffer>();
  for (const l of labels) if (!pngs.has(l.barcode)) pngs.set(l.barcode, await barcodePng(l.barcode));

  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'Labels', Producer: 'POS Ropa', CreationDate: now } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = sheet.width * MM;
  const h = sheet.height * MM;
  // Type scales with the label: 70 x 37 mm is the reference size.
  const k = Math.min(1, sheet.height / 37);
  const pad = 2.5 * MM * k;
  let pages = 0;
  for (let slot = skip; slot < skip + flat.length; slot++) {
    const onPage = slot % perPage;
    if (slot === skip || onPage === 0) {
      doc.addPage();
      pages++;
    }
    const label = flat[slot - skip]!;
    const col = onPage % sheet.columns;
    const row = Math.floor(onPage / sheet.columns);
    const x = (sheet.left + col * (sheet.width + sheet.gapX)) * MM;
    const y = (sheet.top + row * (sheet.height + sheet.gapY)) * MM;
    const innerW = w - 2 * pad;
    const priceW = innerW * 0.42;

    doc.font('Helvetica-Bold').fontSize(11 * k);
    doc.text(label.priceText, x + pad, y + pad, { width: innerW, align: 'right', lineBreak: false });
    doc.fontSize(8.5 * k).text(label.name, x + pad, y + pad, { width: innerW - priceW, height: 10 * k, ellipsis: true, lineBreak: false });
    doc.font('Helvetica').fontSize(7.5 * k);
    doc.text(`${label.color} / ${label.size}`, x + pad, y + pad + 11 * k, { width: innerW, lineBreak: false, ellipsis: true });
    const top = y + pad + 21 * k;
    const png = pngs.get(label.barcode)!;
    doc.image(png, x + pad, top, { fit: [innerW, h - (top - y) - pad], align: 'center', valign: 'center' });
  }
  doc.end();
  return { pdf: await done, pages, count: flat.length };
}
