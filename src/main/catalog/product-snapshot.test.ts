import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newGlobalId } from '../../shared/ids';
import { ProductUpsertedV1 } from '../../shared/sync/commands';
import { tempDb, type TempDb } from '../../../test/db';
import { seedDemo } from '../seed/demo-seed';
import { createProductSnapshots, type ProductSnapshot } from './product-snapshot';

let t: TempDb;
let source: TempDb;
beforeEach(async () => {
  source = tempDb();
  await seedDemo(source.db, { products: 5, seed: 7 });
  t = tempDb();
});
afterEach(() => {
  t.cleanup();
  source.cleanup();
});

const NOW = '2026-12-02T10:00:00.000Z';
const firstProduct = (db: TempDb) => db.db.sqlite.prepare<[], string>(`SELECT global_id FROM tblproductos ORDER BY id_producto LIMIT 1`).pluck().get()!;

/** Copies the lists a product names (manufacturer, categories, options) from the source store, as pull would have. */
function copyLists(snapshot: ProductSnapshot): void {
  const copy = (table: string, cols: string, ids: (string | null)[]) => {
    for (const id of ids) {
      if (!id) continue;
      const row = source.db.sqlite.prepare(`SELECT ${cols} FROM ${table} WHERE global_id = ?`).raw().get(id) as unknown[];
      t.db.sqlite.prepare(`INSERT INTO ${table} (${cols}) VALUES (${cols.split(',').map(() => '?').join(',')})`).run(...row);
    }
  };
  copy('tblfabricantes', 'nombre_fabricante, global_id', [snapshot.manufacturerId]);
  copy('tblcategorias', 'nombre, global_id', snapshot.categoryIds);
  copy('tblopciones', 'nombre_opcion, global_id', snapshot.optionIds);
}

describe('a product as one document', () => {
  it('reads a seeded product as a valid product.upserted, and applies it to another store as the same product', () => {
    const snapshots = createProductSnapshots(source.db.sqlite);
    const snapshot = snapshots.read(firstProduct(source))!;
    expect(ProductUpsertedV1.parse({ ...snapshot, baseChangeId: null })).toBeTruthy();
    expect(snapshot.variants.length).toBeGreaterThan(0);

    copyLists(snapshot);
    const other = createProductSnapshots(t.db.sqlite);
    t.db.sqlite.transaction(() => other.apply(snapshot, NOW))();
    expect(other.read(snapshot.productId)).toEqual(snapshot);
    // A new variant starts with no stock: stock only moves through the ledger.
    expect(t.db.sqlite.prepare(`SELECT SUM(inventario) FROM tblprodXcolorXtalla`).pluck().get()).toBe(0);
    // Applying it again changes nothing.
    t.db.sqlite.transaction(() => other.apply(snapshot, NOW))();
    expect(other.read(snapshot.productId)).toEqual(snapshot);
  });

  it('deactivates a variant the document leaves out instead of deleting it, and adds new ones', () => {
    const snapshots = createProductSnapshots(source.db.sqlite);
    const before = snapshots.read(firstProduct(source))!;
    const [dropped, ...kept] = before.variants;
    const usedSize = new Set(before.variants.map((v) => `${v.colorCode}/${v.sizeCode}`));
    const sizes = source.db.sqlite.prepare<[], string>(`SELECT talla FROM tbltallas`).pluck().all();
    const freeSize = sizes.find((s) => !usedSize.has(`${dropped!.colorCode}/${s}`))!;
    const added = { variantId: newGlobalId(), colorCode: dropped!.colorCode, sizeCode: freeSize, barcode: '2000000000008', active: true, lowStockThreshold: 2 };
    const next = { ...before, price: before.price + 100, variants: [...kept, added] };
    source.db.sqlite.transaction(() => snapshots.apply(next, NOW))();

    const after = snapshots.read(before.productId)!;
    expect(after.price).toBe(before.price + 100);
    expect(after.variants.find((v) => v.variantId === dropped!.variantId)).toMatchObject({ active: false });
    expect(after.variants.find((v) => v.variantId === added.variantId)).toEqual(added);
    expect(after.variants).toHaveLength(before.variants.length + 1);
  });

  it('refuses a document naming a list entry this store lacks, naming it, and writes nothing', () => {
    const snapshot = createProductSnapshots(source.db.sqlite).read(firstProduct(source))!;
    const other = createProductSnapshots(t.db.sqlite);
    expect(() => t.db.sqlite.transaction(() => other.apply(snapshot, NOW))()).toThrow(snapshot.manufacturerId ? /manufacturer/ : /category|option/);
    copyLists(snapshot);
    expect(() => t.db.sqlite.transaction(() => other.apply({ ...snapshot, variants: [{ ...snapshot.variants[0]!, colorCode: 'NO-SUCH' }] }, NOW))()).toThrow(/colorCode NO-SUCH/);
    expect(t.db.sqlite.prepare(`SELECT COUNT(*) FROM tblproductos`).pluck().get()).toBe(0);
  });
});
