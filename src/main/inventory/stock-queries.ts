/** Reads of stock: per variant with filters, the low-stock list, a variant's movements, a product's grid. */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import type { InventoryFilters, MovementDto, StockGridDto, StockPage, StockRowDto } from '../../shared/ipc/dto-inventory';

export interface StockQuery {
  /** Name, PLU or barcode. */
  text?: string | null;
  categoryId?: number | null;
  manufacturerId?: number | null;
  /** Only variants at or below their threshold. */
  lowOnly?: boolean;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * A unit's cost: the newest goods receipt that gave one for the variant,
 * else the product's cost price. (Receipts feed stock value and margins
 * without rewriting the catalog's cost price.)
 */
const UNIT_COST = `COALESCE(
  (SELECT l.unit_cost FROM goods_receipt_lines l WHERE l.variant_id = v.idcolorxtalla AND l.unit_cost IS NOT NULL ORDER BY l.id DESC LIMIT 1),
  p.cost_price)`;

const FILTER = `
  WHERE (:inactive = 1 OR (v.active = 1 AND p.active = 1))
    AND (:low = 0 OR (v.low_stock_threshold IS NOT NULL AND v.inventario <= v.low_stock_threshold))
    AND (:manufacturerId IS NULL OR p.ID_fabricante = :manufacturerId)
    AND (:categoryId IS NULL OR EXISTS (SELECT 1 FROM tblcategoriasXproducto cp WHERE cp.ID_producto = p.id_producto AND cp.ID_categoria = :categoryId))
    AND (:text IS NULL OR v.barcode = :exact OR p.plu = :exact OR p.nombre_producto LIKE :like ESCAPE '\\' OR p.plu LIKE :like ESCAPE '\\')`;

const FROM = `
  FROM tblprodXcolorXtalla v
  JOIN tblproductos p ON p.id_producto = v.ID_producto
  JOIN tblcolor c ON c.id_color = v.ID_color
  JOIN tbltallas t ON t.id_talla = v.ID_talla
  LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante`;

interface StockRow extends Omit<StockRowDto, 'low' | 'active'> {
  active: number;
}

export function createStockQueries(sqlite: Database.Database) {
  const rows = sqlite.prepare<Record<string, unknown>, StockRow>(
    `SELECT v.idcolorxtalla AS variantId, p.id_producto AS productId, p.plu, p.nombre_producto AS name, f.nombre_fabricante AS manufacturer,
            c.color AS colorName, c.hexadecimal AS colorHex, t.talla AS sizeCode, v.barcode, v.inventario AS stock,
            v.low_stock_threshold AS lowStockThreshold, (v.active = 1 AND p.active = 1) AS active, ${UNIT_COST} AS unitCost
     ${FROM} ${FILTER}
     ORDER BY p.nombre_producto COLLATE NOCASE, p.id_producto, c.color, t.sort_order
     LIMIT :limit OFFSET :offset`,
  );
  const totals = sqlite.prepare<Record<string, unknown>, { total: number; value: number | null }>(
    `SELECT COUNT(*) AS total, SUM(MAX(v.inventario, 0) * ${UNIT_COST}) AS value ${FROM} ${FILTER}`,
  );
  const movements = sqlite.prepare<[variantId: number, limit: number], Omit<MovementDto, 'document'> & { ref: string | null }>(
    `SELECT m.id, m.occurred_at AS occurredAt, m.quantity, m.reason, m.reference_id AS ref, s.display_name AS staffName, m.note,
            SUM(m.quantity) OVER (ORDER BY m.id) AS balance
       FROM stock_movements m LEFT JOIN staff_users s ON s.id = m.staff_id
      WHERE m.variant_id = ?
      ORDER BY m.id DESC LIMIT ?`,
  );
  const documentOf = sqlite.prepare<Record<string, string>, { kind: string; label: string }>(
    `SELECT 'sale' AS kind, invoice_number AS label FROM tblfacturas WHERE global_id = :ref
     UNION ALL SELECT 'adjustment', reason_code FROM stock_adjustments WHERE global_id = :ref
     UNION ALL SELECT 'receipt', COALESCE((SELECT number FROM purchase_orders o WHERE o.id = r.order_id), '') FROM goods_receipts r WHERE r.global_id = :ref
     UNION ALL SELECT 'count', '#' || id FROM stock_counts WHERE global_id = :ref
     UNION ALL SELECT 'transfer', number || ' ' || other_store FROM stock_transfers WHERE global_id = :ref
     LIMIT 1`,
  );
  const gridProduct = sqlite.prepare<[number], StockGridDto['product']>(
    `SELECT id_producto AS productId, plu, nombre_producto AS name, ID_fabricante AS manufacturerId FROM tblproductos WHERE id_producto = ?`,
  );
  const gridCells = sqlite.prepare<[number], StockGridDto['cells'][number] & { colorName: string; colorNameEn: string; hex: string; sizeCode: string; sortOrder: number; activeInt: number }>(
    `SELECT v.idcolorxtalla AS variantId, v.ID_color AS colorId, v.ID_talla AS sizeId, v.inventario AS stock, v.low_stock_threshold AS lowStockThreshold,
            v.active AS activeInt, v.barcode, c.color AS colorName, c.name_en AS colorNameEn, c.hexadecimal AS hex, t.talla AS sizeCode, t.sort_order AS sortOrder
       FROM tblprodXcolorXtalla v JOIN tblcolor c ON c.id_color = v.ID_color JOIN tbltallas t ON t.id_talla = v.ID_talla
      WHERE v.ID_producto = ? ORDER BY c.color, t.sort_order`,
  );
  const categories = sqlite.prepare<[], { id: number; name: string }>(`SELECT id_catgoria AS id, nombre AS name FROM tblcategorias ORDER BY nombre COLLATE NOCASE`);
  const manufacturers = sqlite.prepare<[], { id: number; name: string }>(`SELECT id_fabricante AS id, nombre_fabricante AS name FROM tblfabricantes ORDER BY nombre_fabricante COLLATE NOCASE`);

  const params = (q: StockQuery) => {
    const text = q.text?.trim() || null;
    return {
      inactive: q.includeInactive ? 1 : 0,
      low: q.lowOnly ? 1 : 0,
      manufacturerId: q.manufacturerId ?? null,
      categoryId: q.categoryId ?? null,
      text,
      exact: text,
      like: text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    };
  };

  return {
    stock(q: StockQuery, seeCosts: boolean): StockPage {
      const p = params(q);
      const list = rows.all({ ...p, limit: q.limit ?? 200, offset: q.offset ?? 0 });
      const sum = totals.get(p) ?? { total: 0, value: null };
      return {
        rows: list.map((r) => ({
          ...r,
          active: r.active === 1,
          low: r.lowStockThreshold !== null && r.stock <= r.lowStockThreshold,
          unitCost: seeCosts ? r.unitCost : null,
        })),
        total: sum.total,
        stockValue: seeCosts ? (sum.value ?? 0) : null,
      };
    },

    /** Newest first, each with the stock it left and the document behind it. */
    movements(variantId: number, limit = 200): MovementDto[] {
      return movements.all(variantId, limit).map(({ ref, ...m }) => ({ ...m, document: ref ? (documentOf.get({ ref }) ?? null) : null }));
    },

    grid(productId: number): StockGridDto {
      const product = gridProduct.get(productId);
      if (!product) throw new DomainError('NOT_FOUND', `no product ${productId}`, 'productId');
      const cells = gridCells.all(productId);
      const colors = new Map<number, StockGridDto['colors'][number]>();
      const sizes = new Map<number, { id: number; code: string; order: number }>();
      for (const c of cells) {
        colors.set(c.colorId, { id: c.colorId, name: c.colorName, nameEn: c.colorNameEn, hex: c.hex });
        sizes.set(c.sizeId, { id: c.sizeId, code: c.sizeCode, order: c.sortOrder });
      }
      return {
        product,
        colors: [...colors.values()],
        sizes: [...sizes.values()].sort((a, b) => a.order - b.order).map(({ id, code }) => ({ id, code })),
        cells: cells.map((c) => ({ variantId: c.variantId, colorId: c.colorId, sizeId: c.sizeId, stock: c.stock, lowStockThreshold: c.lowStockThreshold, active: c.activeInt === 1, barcode: c.barcode })),
      };
    },

    filters(): InventoryFilters {
      return { categories: categories.all(), manufacturers: manufacturers.all() };
    },
  };
}

export type StockQueries = ReturnType<typeof createStockQueries>;
