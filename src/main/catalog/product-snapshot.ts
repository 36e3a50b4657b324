/**
 * A product as one document (`product.upserted`): read from this database,
 * or applied to it. The same apply serves a manager's edit here (inside the
 * edit's write-path transaction) and another register's edit pulled from
 * the cloud, so both sides store a product the same way.
 *
 * Rules kept by `apply`:
 * - rows are found by global id; lists by their stable key (manufacturer,
 *   category, option by global id; department, colour, size, tax rate by
 *   code); a missing one is refused, naming it (nothing is half-written:
 *   the caller's transaction rolls back);
 * - variants are never deleted: one the snapshot leaves out is deactivated,
 *   so sales and movements that name it keep their meaning;
 * - stock is not part of a product: it moves only through the ledger, and a
 *   new variant starts at 0.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { EmitPayload } from '../../shared/sync/commands';

/** What `product.upserted` carries, without the base change the write path adds. */
export type ProductSnapshot = EmitPayload<'product.upserted'>;

interface ProductRow {
  id: number;
  globalId: string;
  plu: string;
  name: string;
  description: string | null;
  manufacturerId: string | null;
  departmentCode: string | null;
  price: number;
  costPrice: number | null;
  taxCode: string | null;
  active: number;
  createdAt: string;
}

interface VariantRow {
  variantId: string;
  colorCode: string;
  sizeCode: string;
  barcode: string;
  active: number;
  lowStockThreshold: number | null;
}

export function createProductSnapshots(sqlite: Database.Database) {
  const s = {
    product: sqlite.prepare<[string], ProductRow>(
      `SELECT p.id_producto AS id, p.global_id AS globalId, p.plu, p.nombre_producto AS name, p.descripcion_producto AS description,
              f.global_id AS manufacturerId, g.code AS departmentCode, p.precio AS price, p.cost_price AS costPrice,
              t.code AS taxCode, p.active, p.fecha_creacion AS createdAt
         FROM tblproductos p
         LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
         LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
         LEFT JOIN tax_rates t ON t.id = p.tax_rate_id
        WHERE p.global_id = ?`,
    ),
    categories: sqlite
      .prepare<[number], string>(
        `SELECT c.global_id FROM tblcategoriasXproducto x JOIN tblcategorias c ON c.id_catgoria = x.ID_categoria WHERE x.ID_producto = ? ORDER BY c.global_id`,
      )
      .pluck(),
    options: sqlite
      .prepare<[number], string>(
        `SELECT o.global_id FROM tblopcionesXproducto x JOIN tblopciones o ON o.id_opcion = x.ID_opcion WHERE x.ID_producto = ? ORDER BY o.global_id`,
      )
      .pluck(),
    variants: sqlite.prepare<[number], VariantRow>(
      `SELECT v.global_id AS variantId, c.code AS colorCode, t.talla AS sizeCode, v.barcode, v.active, v.low_stock_threshold AS lowStockThreshold
         FROM tblprodXcolorXtalla v
         JOIN tblcolor c ON c.id_color = v.ID_color
         JOIN tbltallas t ON t.id_talla = v.ID_talla
        WHERE v.ID_producto = ?
        ORDER BY t.sort_order, c.code`,
    ),
    idByGlobal: (table: string, key: string) => sqlite.prepare<[string], number>(`SELECT ${key} FROM ${table} WHERE global_id = ?`).pluck(),
    idByCode: (table: string, key: string, code = 'code') => sqlite.prepare<[string], number>(`SELECT ${key} FROM ${table} WHERE ${code} = ?`).pluck(),
    insertProduct: sqlite.prepare(
      `INSERT INTO tblproductos (plu, nombre_producto, ID_fabricante, precio, descripcion_producto, fecha_creacion, ID_genero,
         global_id, tax_rate_id, active, cost_price, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateProduct: sqlite.prepare(
      `UPDATE tblproductos SET plu = ?, nombre_producto = ?, ID_fabricante = ?, precio = ?, descripcion_producto = ?, ID_genero = ?,
         tax_rate_id = ?, active = ?, cost_price = ?, updated_at = ?
       WHERE id_producto = ?`,
    ),
    clearCategories: sqlite.prepare<[number]>(`DELETE FROM tblcategoriasXproducto WHERE ID_producto = ?`),
    clearOptions: sqlite.prepare<[number]>(`DELETE FROM tblopcionesXproducto WHERE ID_producto = ?`),
    addCategory: sqlite.prepare(`INSERT INTO tblcategoriasXproducto (ID_categoria, ID_producto, global_id) VALUES (?, ?, ?)`),
    addOption: sqlite.prepare(`INSERT INTO tblopcionesXproducto (ID_opcion, ID_producto, global_id) VALUES (?, ?, ?)`),
    variantByGlobal: sqlite.prepare<[string], { id: number; productId: number }>(
      `SELECT idcolorxtalla AS id, ID_producto AS productId FROM tblprodXcolorXtalla WHERE global_id = ?`,
    ),
    insertVariant: sqlite.prepare(
      `INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, inventario, global_id, barcode, active, low_stock_threshold)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?)`,
    ),
    updateVariant: sqlite.prepare(
      `UPDATE tblprodXcolorXtalla SET ID_color = ?, ID_talla = ?, barcode = ?, active = ?, low_stock_threshold = ? WHERE idcolorxtalla = ?`,
    ),
    deactivateOthers: sqlite.prepare<[number, string]>(
      `UPDATE tblprodXcolorXtalla SET active = 0 WHERE ID_producto = ? AND active = 1 AND global_id NOT IN (SELECT value FROM json_each(?))`,
    ),
  };
  const local = {
    product: s.idByGlobal('tblproductos', 'id_producto'),
    manufacturer: s.idByGlobal('tblfabricantes', 'id_fabricante'),
    category: s.idByGlobal('tblcategorias', 'id_catgoria'),
    option: s.idByGlobal('tblopciones', 'id_opcion'),
    department: s.idByCode('tblgenero', 'id_genero'),
    color: s.idByCode('tblcolor', 'id_color'),
    size: s.idByCode('tbltallas', 'id_talla', 'talla'),
    taxRate: s.idByCode('tax_rates', 'id'),
  };

  function need(stmt: Database.Statement<[string], number>, key: string, what: string): number {
    const id = stmt.get(key);
    if (id === undefined) throw new DomainError('NOT_FOUND', `${what} ${key} is not in this database`, what);
    return id;
  }
  const maybe = (stmt: Database.Statement<[string], number>, key: string | null, what: string): number | null =>
    key === null ? null : need(stmt, key, what);

  return {
    /** The product as its document, or undefined when this database has no such product. */
    read(productGlobalId: string): ProductSnapshot | undefined {
      const p = s.product.get(productGlobalId);
      if (!p) return undefined;
      return {
        productId: p.globalId,
        plu: p.plu,
        name: p.name,
        description: p.description,
        manufacturerId: p.manufacturerId,
        departmentCode: p.departmentCode,
        price: p.price,
        costPrice: p.costPrice,
        taxCode: p.taxCode,
        active: p.active === 1,
        createdAt: p.createdAt,
        categoryIds: s.categories.all(p.id),
        optionIds: s.options.all(p.id),
        variants: s.variants.all(p.id).map((v) => ({ ...v, active: v.active === 1 })),
      };
    },

    /** Makes this database's product equal the snapshot; call inside a transaction. Returns the local product id. */
    apply(snapshot: ProductSnapshot, updatedAt: string): number {
      const manufacturer = maybe(local.manufacturer, snapshot.manufacturerId, 'manufacturer');
      const department = maybe(local.department, snapshot.departmentCode, 'department');
      const taxRate = maybe(local.taxRate, snapshot.taxCode, 'taxCode');
      const categories = snapshot.categoryIds.map((id) => need(local.category, id, 'category'));
      const options = snapshot.optionIds.map((id) => need(local.option, id, 'option'));
      const active = snapshot.active ? 1 : 0;

      let productId = local.product.get(snapshot.productId);
      if (productId === undefined) {
        productId = Number(
          s.insertProduct.run(snapshot.plu, snapshot.name, manufacturer, snapshot.price, snapshot.description, snapshot.createdAt, department, snapshot.productId, taxRate, active, snapshot.costPrice, updatedAt)
            .lastInsertRowid,
        );
      } else {
        s.updateProduct.run(snapshot.plu, snapshot.name, manufacturer, snapshot.price, snapshot.description, department, taxRate, active, snapshot.costPrice, updatedAt, productId);
      }
      // Links carry no meaning of their own: replaced as a set (their global ids are local).
      s.clearCategories.run(productId);
      for (const c of new Set(categories)) s.addCategory.run(c, productId, newGlobalId());
      s.clearOptions.run(productId);
      for (const o of new Set(options)) s.addOption.run(o, productId, newGlobalId());

      // Deactivate first: a barcode moved from a dropped variant to a new one must be free before the insert.
      s.deactivateOthers.run(productId, JSON.stringify(snapshot.variants.map((v) => v.variantId)));
      for (const v of snapshot.variants) {
        const color = need(local.color, v.colorCode, 'colorCode');
        const size = need(local.size, v.sizeCode, 'sizeCode');
        const existing = s.variantByGlobal.get(v.variantId);
        if (existing && existing.productId !== productId) {
          throw new DomainError('CONFLICT', `variant ${v.variantId} belongs to another product`, 'variants');
        }
        if (existing) s.updateVariant.run(color, size, v.barcode, v.active ? 1 : 0, v.lowStockThreshold, existing.id);
        else s.insertVariant.run(productId, color, size, v.variantId, v.barcode, v.active ? 1 : 0, v.lowStockThreshold);
      }
      return productId;
    },
  };
}

export type ProductSnapshots = ReturnType<typeof createProductSnapshots>;
