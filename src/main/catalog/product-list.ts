/**
 * The back office's product list: filters (text, category, manufacturer,
 * gender, active, low stock), a sort, and one page at a time. The screen is
 * virtualised and asks only for the rows it shows, so 20,000 products cost
 * one COUNT and one LIMITed query per filter change, never the whole catalog
 * over IPC. One statement per combination of filters, prepared on first use.
 */
import type Database from 'better-sqlite3';
import type { ProductQuery, ProductSort } from '../../shared/catalog/product-query';
import type { ProductListRow, ProductPage } from '../../shared/ipc/dto-catalog';
import { normalizeScan, toFtsQuery } from './catalog-service';

/**
 * A variant is low on stock at or below its own threshold; no threshold, no
 * alert. Written exactly as the partial index ix_variantes_low's WHERE, so
 * SQLite reads that small index instead of every variant.
 */
export const LOW_STOCK_VARIANT = `active = 1 AND low_stock_threshold IS NOT NULL AND inventario <= low_stock_threshold`;

const ORDER: Record<ProductSort, string> = {
  name: `p.nombre_producto COLLATE NOCASE, p.id_producto`,
  plu: `p.plu, p.id_producto`,
  newest: `p.id_producto DESC`,
  price: `p.precio, p.id_producto`,
};

type Params = Record<string, string | number>;

interface Filter {
  /** Which filters are on: the statement cache's key. */
  shape: string;
  where: string;
  params: Params;
}

interface Row extends Omit<ProductListRow, 'active'> {
  active: number;
}

/** Builds the WHERE clause of a query; every value is a bound parameter. */
function filterOf(q: ProductQuery): Filter {
  const parts: string[] = [];
  const shape: string[] = [];
  const params: Params = {};
  const text = q.text?.trim() ?? '';
  if (text) {
    const code = normalizeScan(text);
    if (/^\d{13}$/.test(code)) {
      // A scanned barcode, or a PLU made of digits.
      shape.push('code');
      parts.push(
        `p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE barcode = :code UNION ALL SELECT id_producto FROM tblproductos WHERE plu = :code)`,
      );
      params.code = code;
    } else {
      const fts = toFtsQuery(text);
      if (fts) {
        shape.push('fts');
        parts.push(`p.id_producto IN (SELECT rowid FROM product_search WHERE product_search MATCH :fts)`);
        params.fts = fts;
      } else {
        // One letter: what the PLU or the name starts with.
        shape.push('prefix');
        parts.push(`(p.plu LIKE :prefix ESCAPE '\\' OR p.nombre_producto LIKE :prefix ESCAPE '\\')`);
        params.prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
    }
  }
  if (q.categoryId) {
    shape.push('cat');
    parts.push(`p.id_producto IN (SELECT x.ID_producto FROM tblcategoriasXproducto x WHERE x.ID_categoria = :categoryId)`);
    params.categoryId = q.categoryId;
  }
  if (q.manufacturerId) {
    shape.push('maker');
    parts.push(`p.ID_fabricante = :manufacturerId`);
    params.manufacturerId = q.manufacturerId;
  }
  if (q.departmentCode) {
    shape.push('dept');
    parts.push(`p.ID_genero = (SELECT id_genero FROM tblgenero WHERE code = :departmentCode)`);
    params.departmentCode = q.departmentCode;
  }
  const status = q.status ?? 'active';
  if (status !== 'all') {
    shape.push(status);
    parts.push(status === 'active' ? `p.active = 1` : `p.active = 0`);
  }
  if (q.lowStock) {
    shape.push('low');
    parts.push(`p.id_producto IN (SELECT ID_producto FROM tblprodXcolorXtalla WHERE ${LOW_STOCK_VARIANT})`);
  }
  return { shape: shape.join('+'), where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function createProductList(sqlite: Database.Database) {
  const counts = new Map<string, Database.Statement<[Params], number>>();
  const pages = new Map<string, Database.Statement<[Params], number>>();
  // The page's rows by id, in the order given: the per-product sums run for the rows shown only.
  const details = sqlite.prepare<[ids: string], Row>(`
    SELECT p.id_producto AS productId, p.plu, p.nombre_producto AS name, f.nombre_fabricante AS manufacturer,
           g.code AS departmentCode, p.precio AS price, p.active,
           (SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE v.ID_producto = p.id_producto AND v.active = 1) AS variantCount,
           (SELECT COALESCE(SUM(v.inventario), 0) FROM tblprodXcolorXtalla v WHERE v.ID_producto = p.id_producto) AS stock,
           (SELECT COUNT(*) FROM tblprodXcolorXtalla WHERE ID_producto = p.id_producto AND ${LOW_STOCK_VARIANT}) AS lowStockCount
    FROM json_each(?) j
    JOIN tblproductos p ON p.id_producto = j.value
    LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
    LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
    ORDER BY j.key`);

  const countOf = (f: Filter) => {
    let stmt = counts.get(f.shape);
    if (!stmt) {
      stmt = sqlite.prepare<[Params], number>(`SELECT COUNT(*) FROM tblproductos p ${f.where}`).pluck();
      counts.set(f.shape, stmt);
    }
    return stmt;
  };

  /** The ids of one page: filter, sort, LIMIT, answered from indexes where it can (ix_productos_nombre...). */
  const pageOf = (f: Filter, sort: ProductSort) => {
    const key = `${f.shape}|${sort}`;
    let stmt = pages.get(key);
    if (!stmt) {
      stmt = sqlite
        .prepare<[Params], number>(`SELECT p.id_producto FROM tblproductos p ${f.where} ORDER BY ${ORDER[sort]} LIMIT :limit OFFSET :offset`)
        .pluck();
      pages.set(key, stmt);
    }
    return stmt;
  };

  return {
    query(q: ProductQuery): ProductPage {
      const f = filterOf(q);
      const total = countOf(f).get(f.params) ?? 0;
      const ids = pageOf(f, q.sort ?? 'name').all({ ...f.params, limit: q.limit, offset: q.offset });
      const rows = ids.length === 0 ? [] : details.all(JSON.stringify(ids)).map((r) => ({ ...r, active: r.active === 1 }));
      return { total, offset: q.offset, rows };
    },
  };
}

export type ProductList = ReturnType<typeof createProductList>;
