/**
 * A product as the editor saves it: its fields, and its colour x size grid
 * of variants. Main checks it with this schema, then with what only the
 * database knows (PLU and barcodes unique, lists exist).
 */
import { z } from 'zod';
import { cleanText } from '../text';

const Clean = () => z.string().overwrite(cleanText).trim();
const Id = z.number().int().positive();
const Money = z.number().int().min(0, 'not below zero').max(1e11, 'too large');

/** Digits of a maker's EAN-13 or UPC-A, spaces and dashes allowed while typing. */
export const BarcodeInput = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{12}|\d{13})$/, 'barcode: 13 digits (EAN-13) or 12 (UPC-A)'));

export const PLU_PATTERN = /^[A-Za-z0-9-]{1,32}$/;

export const VariantInput = z
  .object({
    colorId: Id,
    sizeId: Id,
    /** null: the store generates an in-store EAN-13 (prefix 20-29). */
    barcode: BarcodeInput.nullable(),
    active: z.boolean(),
    /** At or below this stock the variant is low; null: no alert. */
    lowStockThreshold: z.number().int().min(0, 'threshold: 0 or more').max(100_000).nullable(),
    /** Units already on hand when a new variant is created (an opening stock movement). Ignored for existing variants. */
    openingStock: z.number().int().min(0, 'stock: 0 or more').max(1_000_000).optional(),
  })
  .strict();

export const ProductSaveSchema = z
  .object({
    /** null for a new product. */
    productId: Id.nullable(),
    plu: z.string().trim().regex(PLU_PATTERN, 'PLU: 1-32 letters, digits or dashes'),
    name: Clean().min(1, 'name is required').max(200),
    description: Clean().max(2000).nullable(),
    manufacturerId: Id.nullable(),
    departmentCode: z.string().max(20).nullable(),
    categoryIds: z.array(Id).max(50),
    optionIds: z.array(Id).max(50),
    price: Money,
    costPrice: Money.nullable(),
    /** null: the category's rate, else the store default. */
    taxCode: z.string().max(20).nullable(),
    active: z.boolean(),
    variants: z.array(VariantInput).max(2000),
  })
  .strict();
export type ProductSaveInput = z.output<typeof ProductSaveSchema>;
