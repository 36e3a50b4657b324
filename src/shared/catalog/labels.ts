/** Barcode labels: which variants, how many of each, and on what. */
import { z } from 'zod';

/** A4 label sheets: columns x rows, label size in millimetres, and the sheet's margins and gaps. */
export const LABEL_SHEETS = {
  /** 70 x 37 mm, 24 a sheet (Avery 3474 and the like). */
  'a4-3x8': { columns: 3, rows: 8, width: 70, height: 37, top: 0.5, left: 0, gapX: 0, gapY: 0 },
  /** 52.5 x 29.7 mm, 40 a sheet (Avery 3651 and the like). */
  'a4-4x10': { columns: 4, rows: 10, width: 52.5, height: 29.7, top: 0, left: 0, gapX: 0, gapY: 0 },
  /** 38 x 21.2 mm, 65 a sheet (Avery L7651 and the like). */
  'a4-5x13': { columns: 5, rows: 13, width: 38.1, height: 21.2, top: 10.7, left: 4.7, gapX: 2.5, gapY: 0 },
} as const;
export type LabelSheet = keyof typeof LABEL_SHEETS;
export const LABEL_SHEET_NAMES = Object.keys(LABEL_SHEETS) as [LabelSheet, ...LabelSheet[]];

/** The most labels one request prints: a big goods receipt, not a runaway loop. */
export const MAX_LABELS = 5000;

const Items = z
  .array(z.object({ variantId: z.number().int().positive(), copies: z.number().int().min(1, 'at least one label').max(999) }).strict())
  .min(1, 'choose at least one variant')
  .max(2000);

/** Labels for chosen variants, or for everything a goods receipt brought in (one label per unit). */
export const LabelSourceSchema = z.union([
  z.object({ items: Items }).strict(),
  z.object({ receiptRef: z.string().trim().min(1).max(64) }).strict(),
]);

export const LabelPdfSchema = z
  .object({
    source: LabelSourceSchema,
    sheet: z.enum(LABEL_SHEET_NAMES),
    /** Labels already used on the first sheet (a part-used sheet goes back in the printer). */
    skip: z.number().int().min(0).max(64),
  })
  .strict();

export const LabelZplSchema = z
  .object({
    source: LabelSourceSchema,
    /** Label width and height in dots at 203 dpi (8 dots/mm): 2" x 1" is 406 x 203. */
    widthDots: z.number().int().min(200).max(1200),
    heightDots: z.number().int().min(120).max(1200),
  })
  .strict();
