/**
 * The product CSV (import and export share it): one row per variant, the
 * product's fields repeated on each of its rows. Money in the store's
 * currency with a decimal point or comma (49900 or 49.90); lists by name or
 * code; categories and options separated by "|".
 */
export const PRODUCT_CSV_COLUMNS = [
  'plu',
  'name',
  'description',
  'manufacturer',
  'department',
  'categories',
  'options',
  'price',
  'cost_price',
  'tax_code',
  'active',
  'color',
  'size',
  'barcode',
  'stock',
  'low_stock_threshold',
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** Columns a file must have; the others may be left out (empty). */
export const REQUIRED_CSV_COLUMNS: readonly ProductCsvColumn[] = ['plu', 'name', 'price', 'color', 'size'];

/** Separates several categories or options in one cell. */
export const CSV_LIST_SEPARATOR = '|';

/** The most rows one file may hold (a catalog of 10,000 products x 15 variants, with room). */
export const CSV_MAX_ROWS = 300_000;

/** One problem in a file: its row (1 = the header), the column and why. */
export interface CsvRowError {
  row: number;
  column: string;
  reason: string;
}

export interface CsvImportResult {
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  /** Units brought in as opening stock of new variants. */
  stockUnits: number;
  /** Rows whose stock was not applied: their variant already existed (stock changes only through Inventory). */
  stockIgnored: number;
}

export interface CsvImportStatus {
  jobId: string;
  phase: 'validating' | 'writing' | 'done' | 'invalid' | 'failed';
  /** Rows checked so far, of `total`. */
  done: number;
  total: number;
  /** Every bad row (at most the first 1,000 listed; `errorCount` counts them all). */
  errors: CsvRowError[];
  errorCount: number;
  result: CsvImportResult | null;
  /** Why the import failed (not a bad row: e.g. a barcode taken on another register meanwhile). */
  failure: string | null;
}
