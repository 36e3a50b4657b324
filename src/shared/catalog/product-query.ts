/** The product list's filters, paging and sort, as the back office asks for them. */
import { z } from 'zod';
import { cleanText } from '../text';

export const PRODUCT_SORTS = ['name', 'plu', 'newest', 'price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The most rows one call returns: the screen asks for the window it shows, never the catalog. */
export const PRODUCT_PAGE_MAX = 200;

export const ProductQuerySchema = z
  .object({
    /** Words of the name, PLU, brand, category, colour or size, or a barcode. */
    text: z.string().overwrite(cleanText).trim().max(100).optional(),
    categoryId: z.number().int().positive().nullish(),
    manufacturerId: z.number().int().positive().nullish(),
    departmentCode: z.string().max(20).nullish(),
    /** 'all' shows inactive products too. */
    status: z.enum(['active', 'inactive', 'all']).optional(),
    /** Only products with an active variant at or below its low-stock threshold. */
    lowStock: z.boolean().optional(),
    sort: z.enum(PRODUCT_SORTS).optional(),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(PRODUCT_PAGE_MAX),
  })
  .strict();
export type ProductQuery = z.output<typeof ProductQuerySchema>;
