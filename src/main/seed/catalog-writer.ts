import type Database from 'better-sqlite3';
import { createGlobalIdSource } from './global-ids';
import type { MakerPlan, ProductPlan } from './catalog-plan';
import type { ReferenceIds } from './reference-ids';

/** What one product added, for the seed report. */
export interface ProductWriteCounts {
  variants: number;
  movements: number;
  units: number;
}

/**
 * Writes catalog plans with raw prepared statements built once: this is the
 * seed's hot path (hundreds of thousands of rows), where the query builder's
 * per-call cost would dominate. Call inside the caller's transaction.
 */
export function createCatalogWriter(sqlite: Database.Database, ids: ReferenceIds, updatedAt: string) {
  const newGlobalId = createGlobalIdSource();
  const insMaker = sqlite.prepare(
    `INSERT INTO tblfabricantes (nombre_fabricante, contacto_fabricante, telefono_fabricante, global_id) VALUES (?, ?, ?, ?)`,
  );
  const insCategory = sqlite.prepare(`INSERT INTO tblcategorias (nombre, decripcion, global_id) VALUES (?, ?, ?)`);
  const insOption = sqlite.prepare(`INSERT INTO tblopciones (nombre_opcion, descripcion_opcion, global_id) VALUES (?, ?, ?)`);
  const insProduct = sqlite.prepare(
    `INSERT INTO tblproductos (plu, nombre_producto, ID_fabricante, precio, descripcion_producto, fecha_creacion,
       ID_genero, cantidad_Busquedas, global_id, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insProductCategory = sqlite.prepare(
    `INSERT INTO tblcategoriasXproducto (ID_categoria, ID_producto, global_id) VALUES (?, ?, ?)`,
  );
  const insProductOption = sqlite.prepare(`INSERT INTO tblopcionesXproducto (ID_opcion, ID_producto, global_id) VALUES (?, ?, ?)`);
  // inventario starts at 0 (a trigger insists); the 'initial' movement below brings the stock in.
  const insVariant = sqlite.prepare(
    `INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, inventario, global_id, barcode) VALUES (?, ?, ?, 0, ?, ?)`,
  );
  // No note: the reason says it all, and 300,000 copies of a sentence cost 13 MB.
  const insMovement = sqlite.prepare(
    `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, note, occurred_at)
     VALUES (?, ?, ?, 'initial', NULL, NULL, NULL, ?)`,
  );

  const makerIds: number[] = [];
  const categoryIds = new Map<string, number>();
  const optionIds = new Map<string, number>();

  const idOf = (map: Map<string, number>, name: string, what: string): number => {
    const id = map.get(name);
    if (id === undefined) throw new Error(`${what} ${name} was not written before the products that use it`);
    return id;
  };

  return {
    addMakers(plans: readonly MakerPlan[]): void {
      for (const m of plans) makerIds.push(Number(insMaker.run(m.name, m.contact, m.phone, newGlobalId()).lastInsertRowid));
    },

    addCategories(list: readonly { name: string; description: string }[]): void {
      for (const c of list) categoryIds.set(c.name, Number(insCategory.run(c.name, c.description, newGlobalId()).lastInsertRowid));
    },

    addOptions(list: readonly { name: string; description: string }[]): void {
      for (const o of list) optionIds.set(o.name, Number(insOption.run(o.name, o.description, newGlobalId()).lastInsertRowid));
    },

    addProduct(p: ProductPlan): ProductWriteCounts {
      const makerId = makerIds[p.makerIndex];
      if (makerId === undefined) throw new Error(`maker #${p.makerIndex} was not written`);
      const productId = insProduct.run(
        p.plu,
        p.name,
        makerId,
        p.price,
        p.description,
        p.createdAt,
        ids.department(p.department),
        p.searchCount,
        newGlobalId(),
        updatedAt,
      ).lastInsertRowid;
      for (const c of p.categories) insProductCategory.run(idOf(categoryIds, c, 'category'), productId, newGlobalId());
      for (const o of p.options) insProductOption.run(idOf(optionIds, o, 'option'), productId, newGlobalId());
      let movements = 0;
      let units = 0;
      for (const v of p.variants) {
        const variantId = insVariant.run(productId, ids.color(v.colorCode), ids.size(v.sizeCode), newGlobalId(), v.barcode)
          .lastInsertRowid;
        // A sold-out variant has no movement: the ledger refuses zero quantities.
        if (v.stock > 0) {
          insMovement.run(newGlobalId(), variantId, v.stock, p.createdAt);
          movements++;
          units += v.stock;
        }
      }
      return { variants: p.variants.length, movements, units };
    },
  };
}
