/**
 * Product CSV import: every row is checked first (in slices, yielding to the
 * event loop so the till and the progress bar stay live), and every bad row
 * is reported with its row number, column and reason. Only a file with no
 * bad row is written, in one write-path transaction: all of it or nothing.
 *
 * Each product goes through the product editor's save (the same snapshot,
 * checks, audit and `product.upserted` as a manager's edit). A PLU already in
 * the catalog updates that product: its fields take the file's values, the
 * file's colours and sizes are added or updated, variants not in the file
 * are left as they are. Stock is the opening stock of variants the file
 * creates (an 'initial' movement each); an existing variant's stock changes
 * only through Inventory, so its stock cell is ignored (and counted).
 */
import { parse } from 'csv-parse';
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { CSV_LIST_SEPARATOR, CSV_MAX_ROWS, PRODUCT_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, type CsvImportResult, type CsvRowError, type ProductCsvColumn } from '../../shared/catalog/csv-columns';
import { PLU_PATTERN, type ProductSaveInput } from '../../shared/catalog/product-schemas';
import { currencyDigits } from '../../shared/money';
import { cleanText } from '../../shared/text';
import type { SettingsService } from '../settings/settings-service';
import type { Actor, WritePath } from '../write';
import { isValidEan13 } from './ean13';
import { normalizeBarcode, type ProductEditor } from './product-editor';

type Row = Partial<Record<ProductCsvColumn, string>>;

interface PlannedVariant {
  row: number;
  colorId: number;
  sizeId: number;
  barcode: string | null;
  stock: number;
  threshold: number | null;
}

interface PlannedProduct {
  row: number;
  productId: number | null;
  fields: Omit<ProductSaveInput, 'productId' | 'variants'>;
  variants: PlannedVariant[];
}

export interface ImportPlan {
  products: PlannedProduct[];
  rows: number;
}

const SLICE = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const TRUE = new Set(['1', 'true', 'yes', 'si', 'sí', 'y', 's', 'x', 'activo', 'active']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'inactivo', 'inactive']);

/** Reads the file's records, a chunk at a time, yielding between chunks. */
async function readRecords(text: string): Promise<string[][]> {
  const records: string[][] = [];
  const parser = parse({ delimiter: [',', ';', '\t'], bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  parser.on('readable', () => {
    let r: string[] | null;
    while ((r = parser.read() as string[] | null) !== null) records.push(r);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  const CHUNK = 256 * 1024;
  for (let i = 0; i < text.length; i += CHUNK) {
    parser.write(text.slice(i, i + CHUNK));
    await yieldToEventLoop();
  }
  parser.end();
  await done;
  return records;
}

export function createCsvImport(sqlite: Database.Database, writes: WritePath, settings: SettingsService, editor: ProductEditor) {
  const lookup = (sql: string) => {
    const map = new Map<string, number>();
    for (const { key, id } of sqlite.prepare<[], { key: string; id: number }>(sql).all()) map.set(key.toLowerCase(), id);
    return map;
  };
  const productByPlu = sqlite.prepare<[string], number>(`SELECT id_producto FROM tblproductos WHERE plu = ?`).pluck();
  const barcodeOwner = sqlite.prepare<[string], { plu: string; color: number; size: number }>(
    `SELECT p.plu, v.ID_color AS color, v.ID_talla AS size FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto WHERE v.barcode = ?`,
  );

  return {
    /** Checks the whole file; `errors` lists every bad row. Calls `progress(done, total)` as it goes. */
    async validate(text: string, progress: (done: number, total: number) => void = () => undefined): Promise<{ errors: CsvRowError[]; plan: ImportPlan }> {
      const errors: CsvRowError[] = [];
      const plan: ImportPlan = { products: [], rows: 0 };
      let records: string[][];
      try {
        records = await readRecords(text);
      } catch (err) {
        const e = err as { lines?: number; message?: string };
        errors.push({ row: e.lines ?? 1, column: '', reason: `not a readable CSV file: ${e.message ?? String(err)}` });
        return { errors, plan };
      }
      const [header, ...body] = records;
      if (!header) {
        errors.push({ row: 1, column: '', reason: 'the file is empty' });
        return { errors, plan };
      }
      const columns = header.map((h) => h.trim().toLowerCase());
      const unknown = columns.filter((c) => c && !(PRODUCT_CSV_COLUMNS as readonly string[]).includes(c));
      for (const c of unknown) errors.push({ row: 1, column: c, reason: `unknown column; expected ${PRODUCT_CSV_COLUMNS.join(', ')}` });
      for (const c of REQUIRED_CSV_COLUMNS) if (!columns.includes(c)) errors.push({ row: 1, column: c, reason: 'required column is missing' });
      if (body.length > CSV_MAX_ROWS) errors.push({ row: 1, column: '', reason: `${body.length} rows is more than ${CSV_MAX_ROWS} in one file; split it` });
      if (errors.length > 0) return { errors, plan };
      plan.rows = body.length;

      const makers = lookup(`SELECT nombre_fabricante AS key, id_fabricante AS id FROM tblfabricantes`);
      const categories = lookup(`SELECT nombre AS key, id_catgoria AS id FROM tblcategorias`);
      const options = lookup(`SELECT nombre_opcion AS key, id_opcion AS id FROM tblopciones`);
      const departments = new Map<string, string>();
      for (const d of sqlite.prepare<[], { code: string; nombre: string; name_en: string }>(`SELECT code, nombre, name_en FROM tblgenero`).all()) {
        for (const k of [d.code, d.nombre, d.name_en]) departments.set(k.toLowerCase(), d.code);
      }
      const colors = new Map([
        ...lookup(`SELECT code AS key, id_color AS id FROM tblcolor`),
        ...lookup(`SELECT color AS key, id_color AS id FROM tblcolor`),
        ...lookup(`SELECT name_en AS key, id_color AS id FROM tblcolor`),
      ]);
      const sizes = lookup(`SELECT talla AS key, id_talla AS id FROM tbltallas`);
      const taxes = new Set(sqlite.prepare<[], string>(`SELECT code FROM tax_rates WHERE active = 1`).pluck().all());
      const digits = currencyDigits(settings.store().currency);
      const money = new RegExp(`^\\d{1,11}(?:[.,]\\d{1,${Math.max(digits, 1)}})?$`);

      const byPlu = new Map<string, PlannedProduct & { signature: string }>();
      const cells = new Map<string, number>();
      const barcodes = new Map<string, number>();

      for (let i = 0; i < body.length; i++) {
        if (i % SLICE === 0) {
          progress(i, body.length);
          await yieldToEventLoop();
        }
        const row = i + 2;
        const record = body[i]!;
        const r: Row = {};
        columns.forEach((c, k) => {
          if (c) r[c as ProductCsvColumn] = cleanText(record[k] ?? '').trim();
        });
        const bad = (column: ProductCsvColumn, reason: string) => errors.push({ row, column, reason });
        const before = errors.length;

        const plu = r.plu ?? '';
        if (!PLU_PATTERN.test(plu)) bad('plu', plu ? `${plu} is not a PLU (1-32 letters, digits or dashes)` : 'PLU is required');
        const name = r.name ?? '';
        if (!name) bad('name', 'name is required');
        else if (name.length > 200) bad('name', 'name is longer than 200 characters');
        const description = r.description ?? '';
        if (description.length > 2000) bad('description', 'description is longer than 2000 characters');

        const parseMoney = (column: ProductCsvColumn, text: string): number | null => {
          if (!money.test(text)) {
            bad(column, `${text} is not an amount (digits, with at most ${digits} decimals after . or ,)`);
            return null;
          }
          return Math.round(Number(text.replace(',', '.')) * 10 ** digits);
        };
        const price = r.price ? parseMoney('price', r.price) : (bad('price', 'price is required'), null);
        const costPrice = r.cost_price ? parseMoney('cost_price', r.cost_price) : null;

        let manufacturerId: number | null = null;
        if (r.manufacturer) {
          manufacturerId = makers.get(r.manufacturer.toLowerCase()) ?? null;
          if (manufacturerId === null) bad('manufacturer', `no manufacturer ${r.manufacturer}; add it in Catalog > Lists first`);
        }
        let departmentCode: string | null = null;
        if (r.department) {
          departmentCode = departments.get(r.department.toLowerCase()) ?? null;
          if (departmentCode === null) bad('department', `no gender/department ${r.department}`);
        }
        const named = (column: 'categories' | 'options', map: Map<string, number>, what: string): number[] => {
          const names = (r[column] ?? '').split(CSV_LIST_SEPARATOR).map((n) => n.trim()).filter(Boolean);
          return names.flatMap((n) => {
            const id = map.get(n.toLowerCase());
            if (id === undefined) bad(column, `no ${what} ${n}; add it in Catalog > Lists first`);
            return id === undefined ? [] : [id];
          });
        };
        const categoryIds = named('categories', categories, 'category');
        const optionIds = named('options', options, 'option');
        const taxCode = r.tax_code ? r.tax_code.toUpperCase() : null;
        if (taxCode !== null && !taxes.has(taxCode)) bad('tax_code', `no active tax rate ${r.tax_code}`);
        let active = true;
        if (r.active) {
          const a = r.active.toLowerCase();
          if (TRUE.has(a)) active = true;
          else if (FALSE.has(a)) active = false;
          else bad('active', `${r.active} is not yes/no (1/0, true/false, sí/no)`);
        }

        const colorId = r.color ? colors.get(r.color.toLowerCase()) : undefined;
        if (!r.color) bad('color', 'colour is required');
        else if (colorId === undefined) bad('color', `no colour ${r.color}`);
        const sizeId = r.size ? sizes.get(r.size.toLowerCase()) : undefined;
        if (!r.size) bad('size', 'size is required');
        else if (sizeId === undefined) bad('size', `no size ${r.size}`);

        let barcode: string | null = null;
        if (r.barcode) {
          const code = normalizeBarcode(r.barcode.replace(/[\s-]/g, ''));
          if (!isValidEan13(code)) bad('barcode', `${r.barcode} is not a valid EAN-13/UPC-A`);
          else {
            const twin = barcodes.get(code);
            if (twin !== undefined) bad('barcode', `${code} is also on row ${twin}`);
            barcodes.set(code, row);
            const owner = barcodeOwner.get(code);
            if (owner && !(owner.plu === plu && owner.color === colorId && owner.size === sizeId)) bad('barcode', `${code} is already used by PLU ${owner.plu}`);
            barcode = code;
          }
        }
        const int = (column: ProductCsvColumn, text: string | undefined, max: number): number | null => {
          if (!text) return null;
          if (!/^\d+$/.test(text) || Number(text) > max) {
            bad(column, `${text} is not a whole number from 0 to ${max}`);
            return null;
          }
          return Number(text);
        };
        const stock = int('stock', r.stock, 1_000_000) ?? 0;
        const threshold = int('low_stock_threshold', r.low_stock_threshold, 100_000);

        if (colorId !== undefined && sizeId !== undefined && PLU_PATTERN.test(plu)) {
          const cell = `${plu}|${colorId}|${sizeId}`;
          const twin = cells.get(cell);
          if (twin !== undefined) bad('size', `${plu} ${r.color} ${r.size} is also on row ${twin}`);
          cells.set(cell, row);
        }
        if (errors.length > before || price === null || colorId === undefined || sizeId === undefined) continue;

        const fields = { plu, name, description: description || null, manufacturerId, departmentCode, categoryIds, optionIds, price, costPrice, taxCode, active };
        // A product's rows must agree on its fields: the first row of a PLU sets them.
        const signature = JSON.stringify(fields);
        let product = byPlu.get(plu);
        if (!product) {
          product = { row, productId: productByPlu.get(plu) ?? null, fields, variants: [], signature };
          byPlu.set(plu, product);
          plan.products.push(product);
        } else if (product.signature !== signature) {
          const differs = (Object.keys(fields) as (keyof typeof fields)[]).find((k) => JSON.stringify(fields[k]) !== JSON.stringify(product!.fields[k])) ?? 'name';
          const column = ({ manufacturerId: 'manufacturer', departmentCode: 'department', categoryIds: 'categories', optionIds: 'options', costPrice: 'cost_price', taxCode: 'tax_code' } as Record<string, string>)[differs] ?? differs;
          errors.push({ row, column, reason: `differs from row ${product.row} of the same PLU ${plu}` });
          continue;
        }
        product.variants.push({ row, colorId, sizeId, barcode, stock, threshold });
      }
      progress(body.length, body.length);
      return { errors, plan };
    },

    /** Writes a checked plan: one transaction, all of it or nothing. */
    apply(plan: ImportPlan, actor: Actor): CsvImportResult {
      const result: CsvImportResult = { productsCreated: 0, productsUpdated: 0, variantsCreated: 0, stockUnits: 0, stockIgnored: 0 };
      writes.mutate(actor, () => {
        for (const p of plan.products) {
          const existing = p.productId === null ? null : editor.load(p.productId);
          const have = new Map((existing?.variants ?? []).map((v) => [`${v.colorId}:${v.sizeId}`, v]));
          const fromFile = new Set(p.variants.map((v) => `${v.colorId}:${v.sizeId}`));
          const variants: ProductSaveInput['variants'] = [
            // What the file does not name stays as it is.
            ...(existing?.variants ?? [])
              .filter((v) => !fromFile.has(`${v.colorId}:${v.sizeId}`))
              .map((v) => ({ colorId: v.colorId, sizeId: v.sizeId, barcode: v.barcode, active: v.active, lowStockThreshold: v.lowStockThreshold })),
            ...p.variants.map((v) => {
              const old = have.get(`${v.colorId}:${v.sizeId}`);
              if (old && v.stock > 0) result.stockIgnored++;
              if (!old) {
                result.variantsCreated++;
                result.stockUnits += v.stock;
              }
              return {
                colorId: v.colorId,
                sizeId: v.sizeId,
                barcode: v.barcode ?? old?.barcode ?? null,
                active: true,
                lowStockThreshold: v.threshold,
                ...(!old && v.stock > 0 ? { openingStock: v.stock } : {}),
              };
            }),
          ];
          try {
            editor.save({ productId: p.productId, ...p.fields, variants }, actor);
          } catch (err) {
            // Checked already; what fails here changed meanwhile (e.g. a barcode just pulled from another register).
            if (err instanceof DomainError) throw new DomainError(err.code, `row ${p.row} (PLU ${p.fields.plu}): ${err.message}`, err.field);
            throw err;
          }
          if (existing) result.productsUpdated++;
          else result.productsCreated++;
        }
      });
      return result;
    },
  };
}

export type CsvImport = ReturnType<typeof createCsvImport>;
