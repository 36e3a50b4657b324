/**
 * What the till asks of the catalog: a scanned code to a priced variant, a
 * type-ahead search, and a product's colour x size grid. Hot paths: every
 * statement is prepared once.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import type { ProductHit, SellableVariant, VariantGrid } from '../../shared/ipc/dto-sales';
import type { SettingsService } from '../settings/settings-service';
import { isValidEan13 } from './ean13';
import type { TaxRateCache } from './tax-rates';

export type ScanResult = { kind: 'variant'; variant: SellableVariant } | { kind: 'product'; productId: number };

interface VariantRow {
  variantId: number;
  productId: number;
  plu: string;
  name: string;
  colorName: string;
  colorNameEn: string;
  colorHex: string;
  sizeCode: string;
  barcode: string;
  unitPrice: number;
  taxRateId: number | null;
  stock: number;
  active: number;
}

/** A product in the colour x size grid; `active` is checked, then dropped. */
type GridProductRow = VariantGrid['product'] & { active: number };

interface GridCellRow {
  variantId: number;
  colorId: number;
  sizeId: number;
  stock: number;
  barcode: string;
  colorName: string;
  colorNameEn: string;
  colorHex: string;
  sizeCode: string;
  sizeOrder: number;
}

const VARIANT_SELECT = `
  SELECT v.idcolorxtalla AS variantId, p.id_producto AS productId, p.plu, p.nombre_producto AS name,
         c.color AS colorName, c.name_en AS colorNameEn, c.hexadecimal AS colorHex, t.talla AS sizeCode,
         v.barcode, p.precio AS unitPrice, v.inventario AS stock, (p.active AND v.active) AS active,
         COALESCE(p.tax_rate_id, (SELECT cat.tax_rate_id FROM tblcategoriasXproducto cp
            JOIN tblcategorias cat ON cat.id_catgoria = cp.ID_categoria
            WHERE cp.ID_producto = p.id_producto AND cat.tax_rate_id IS NOT NULL
            ORDER BY cp.id_cat_prod LIMIT 1)) AS taxRateId
  FROM tblprodXcolorXtalla v
  JOIN tblproductos p ON p.id_producto = v.ID_producto
  JOIN tblcolor c ON c.id_color = v.ID_color
  JOIN tbltallas t ON t.id_talla = v.ID_talla`;

const FILLER_WORDS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'y', 'con', 'sin', 'a', 'en', 'para', 'por', 'al']);

/**
 * Turns what a person typed into an FTS5 query: all words required, each a
 * prefix. A one-letter word is taken whole (it is a size: M, S, L) rather than
 * as a prefix of half the catalog, and a query of one-letter words alone is
 * not run: type-ahead starts at two letters.
 */
export function toFtsQuery(text: string): string | null {
  const all = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Filler words are not indexed (migration 0002); alone, they may still be the start of a word.
  const meaningful = all.filter((w) => !FILLER_WORDS.has(w.toLowerCase()));
  const words = (meaningful.length > 0 ? meaningful : all).slice(0, 6);
  if (!words.some((w) => w.length >= 2)) return null;
  return words.map((w) => (w.length >= 2 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** Normalizes a scanned code: UPC-A (12 digits) is EAN-13 with a leading 0. */
export function normalizeScan(raw: string): string {
  const code = raw.trim();
  return /^\d{12}$/.test(code) ? `0${code}` : code;
}

export function createCatalogService(sqlite: Database.Database, taxes: TaxRateCache, settings: SettingsService) {
  const byBarcode = sqlite.prepare<[barcode: string], VariantRow>(`${VARIANT_SELECT} WHERE v.barcode = ?`);
  const byVariantId = sqlite.prepare<[variantId: number], VariantRow>(`${VARIANT_SELECT} WHERE v.idcolorxtalla = ?`);
  const productByPlu = sqlite.prepare<[plu: string], number>(`SELECT id_producto FROM tblproductos WHERE plu = ?`).pluck();
  const search = sqlite.prepare<[ftsQuery: string, limit: number], ProductHit>(`
    SELECT p.id_producto AS productId, p.plu, p.nombre_producto AS name, f.nombre_fabricante AS brand,
           p.precio AS price,
           (SELECT COALESCE(SUM(inventario), 0) FROM tblprodXcolorXtalla WHERE ID_producto = p.id_producto) AS stock,
           (SELECT COUNT(*) FROM tblprodXcolorXtalla WHERE ID_producto = p.id_producto) AS variantCount
    FROM (SELECT rowid, rank FROM product_search WHERE product_search MATCH ?
          ORDER BY rank LIMIT ?) s
    JOIN tblproductos p ON p.id_producto = s.rowid
    LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
    WHERE p.active = 1
    ORDER BY s.rank, p.cantidad_Busquedas DESC`);
  const gridProduct = sqlite.prepare<[productId: number], GridProductRow>(`
    SELECT p.id_producto AS productId, p.plu, p.nombre_producto AS name, f.nombre_fabricante AS brand, p.precio AS price, p.active
    FROM tblproductos p LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante WHERE p.id_producto = ?`);
  const gridCells = sqlite.prepare<[productId: number], GridCellRow>(`
    SELECT v.idcolorxtalla AS variantId, v.ID_color AS colorId, v.ID_talla AS sizeId, v.inventario AS stock, v.barcode,
           c.color AS colorName, c.name_en AS colorNameEn, c.hexadecimal AS colorHex, t.talla AS sizeCode, t.sort_order AS sizeOrder
    FROM tblprodXcolorXtalla v JOIN tblcolor c ON c.id_color = v.ID_color JOIN tbltallas t ON t.id_talla = v.ID_talla
    WHERE v.ID_producto = ? AND v.active = 1 ORDER BY c.color, t.sort_order`);
  const bumpSearchCount = sqlite.prepare(
    `UPDATE tblproductos SET cantidad_Busquedas = cantidad_Busquedas + 1 WHERE id_producto = ?`,
  );

  const toVariant = (row: VariantRow): SellableVariant => {
    const rate = taxes.resolve(row.taxRateId, settings.store().defaultTaxCode);
    return {
      variantId: row.variantId,
      productId: row.productId,
      plu: row.plu,
      name: row.name,
      colorName: row.colorName,
      colorNameEn: row.colorNameEn,
      colorHex: row.colorHex,
      sizeCode: row.sizeCode,
      barcode: row.barcode,
      unitPrice: row.unitPrice,
      taxCode: rate.code,
      taxRateBp: rate.rateBp,
      stock: row.stock,
    };
  };

  return {
    /**
     * A scan or a typed code: a barcode gives that exact variant, a PLU gives
     * the product (the till then opens the variant picker). A 12/13-digit code
     * with a wrong check digit is a misread and is refused, not looked up.
     */
    scan(raw: string): ScanResult {
      const code = normalizeScan(raw);
      if (!code) throw new DomainError('VALIDATION', 'scan a barcode or type a PLU', 'code');
      if (/^\d{13}$/.test(code)) {
        if (!isValidEan13(code)) {
          throw new DomainError('BARCODE_INVALID', `${raw.trim()} has a wrong check digit; scan it again`, 'code');
        }
        const row = byBarcode.get(code);
        if (row) {
          if (!row.active) throw new DomainError('NOT_SELLABLE', `${row.name} is not for sale`, 'code');
          return { kind: 'variant', variant: toVariant(row) };
        }
      }
      const productId = productByPlu.get(code);
      if (productId !== undefined) return { kind: 'product', productId };
      throw new DomainError('NOT_FOUND', `no product or barcode ${raw.trim()}`, 'code', { code: raw.trim() });
    },

    variant(variantId: number): SellableVariant {
      const row = byVariantId.get(variantId);
      if (!row) throw new DomainError('NOT_FOUND', `no variant ${variantId}`, 'variantId');
      if (!row.active) throw new DomainError('NOT_SELLABLE', `${row.name} is not for sale`, 'variantId');
      return toVariant(row);
    },

    search(text: string, limit = 20): ProductHit[] {
      const query = toFtsQuery(text);
      if (!query) return [];
      return search.all(query, limit);
    },

    grid(productId: number): VariantGrid {
      const product = gridProduct.get(productId);
      if (!product) throw new DomainError('NOT_FOUND', `no product ${productId}`, 'productId');
      const rows = gridCells.all(productId);
      const colors = new Map<number, VariantGrid['colors'][number]>();
      const sizes = new Map<number, { id: number; code: string; order: number }>();
      for (const r of rows) {
        colors.set(r.colorId, { id: r.colorId, name: r.colorName, nameEn: r.colorNameEn, hex: r.colorHex });
        sizes.set(r.sizeId, { id: r.sizeId, code: r.sizeCode, order: r.sizeOrder });
      }
      const { active: _active, ...head } = product;
      return {
        product: head,
        colors: [...colors.values()],
        sizes: [...sizes.values()].sort((a, b) => a.order - b.order).map(({ id, code }) => ({ id, code })),
        cells: rows.map(({ variantId, colorId, sizeId, stock, barcode }) => ({ variantId, colorId, sizeId, stock, barcode })),
      };
    },

    /** Counts a product added to a sale from a search (cantidad_Busquedas). */
    recordSearchPick(productId: number): void {
      bumpSearchCount.run(productId);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
