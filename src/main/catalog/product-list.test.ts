import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import type { ProductQuery } from '../../shared/catalog/product-query';

let t: TestStore;
beforeAll(async () => {
  t = await testStore(60, 9);
});
afterAll(() => t.cleanup());

const q = (over: Partial<ProductQuery> = {}) => t.services.productList.query({ offset: 0, limit: 200, ...over });
const sql = <T>(text: string, ...params: unknown[]) => t.db.sqlite.prepare(text).pluck().all(...params) as T[];

describe('the back office product list', () => {
  it('pages through every active product in name order, with a total', () => {
    const all = sql<string>(`SELECT nombre_producto FROM tblproductos WHERE active = 1 ORDER BY nombre_producto COLLATE NOCASE, id_producto`);
    const first = q({ limit: 25 });
    const second = q({ limit: 25, offset: 25 });
    expect(first.total).toBe(all.length);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(all.slice(0, 50));
  });

  it('filters by category, manufacturer, gender, text and barcode, each matching SQL written by hand', () => {
    const [categoryId] = sql<number>(`SELECT ID_categoria FROM tblcategoriasXproducto GROUP BY ID_categoria ORDER BY COUNT(*) DESC LIMIT 1`);
    const inCategory = sql<number>(`SELECT DISTINCT x.ID_producto FROM tblcategoriasXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto WHERE x.ID_categoria = ? AND p.active = 1`, categoryId);
    expect(q({ categoryId }).rows.map((r) => r.productId).sort((a, b) => a - b)).toEqual(inCategory.sort((a, b) => a - b));

    const [makerId] = sql<number>(`SELECT ID_fabricante FROM tblproductos GROUP BY ID_fabricante ORDER BY COUNT(*) DESC LIMIT 1`);
    const byMaker = q({ manufacturerId: makerId });
    expect(byMaker.total).toBe(sql<number>(`SELECT COUNT(*) FROM tblproductos WHERE ID_fabricante = ? AND active = 1`, makerId)[0]);

    const kids = q({ departmentCode: 'KIDS', status: 'all' });
    expect(kids.total).toBe(sql<number>(`SELECT COUNT(*) FROM tblproductos p JOIN tblgenero g ON g.id_genero = p.ID_genero WHERE g.code = 'KIDS'`)[0]);

    const v = t.variant(3);
    const byBarcode = q({ text: v.barcode });
    expect(byBarcode.rows.map((r) => r.productId)).toEqual([v.productId]);
    const word = sql<string>(`SELECT nombre_producto FROM tblproductos WHERE id_producto = ?`, v.productId)[0]!.split(' ')[0]!;
    expect(q({ text: word }).rows.some((r) => r.productId === v.productId)).toBe(true);
    expect(q({ text: 'zzqqxx' }).total).toBe(0);
  });

  it('shows inactive products only when asked, and low stock by each variant’s own threshold', () => {
    const v = t.variant(0);
    t.db.sqlite.prepare(`UPDATE tblproductos SET active = 0 WHERE id_producto = ?`).run(v.productId);
    expect(q().rows.some((r) => r.productId === v.productId)).toBe(false);
    expect(q({ status: 'inactive' }).rows.map((r) => r.productId)).toContain(v.productId);
    expect(q({ status: 'all' }).total).toBe(q().total + q({ status: 'inactive' }).total);
    t.db.sqlite.prepare(`UPDATE tblproductos SET active = 1 WHERE id_producto = ?`).run(v.productId);

    expect(q({ lowStock: true }).total).toBe(0);
    // A threshold at its stock makes the variant low; one below does not; an inactive variant never alerts.
    t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET low_stock_threshold = inventario WHERE idcolorxtalla = ?`).run(v.variantId);
    const w = t.variant(1);
    t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET low_stock_threshold = inventario - 1 WHERE idcolorxtalla = ?`).run(w.variantId);
    const low = q({ lowStock: true });
    expect(low.rows.map((r) => r.productId)).toEqual([v.productId]);
    expect(low.rows[0]!.lowStockCount).toBe(1);
    t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET active = 0 WHERE idcolorxtalla = ?`).run(v.variantId);
    expect(q({ lowStock: true }).total).toBe(0);
  });
});
