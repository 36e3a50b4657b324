import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(5, 4);
});
afterEach(() => t.cleanup());

describe('tax rates per product and category', () => {
  it('a product takes its own rate, else its category rate, else the store default', () => {
    const v = t.variant(0);
    const rateOf = () => t.services.catalog.variant(v.variantId);
    expect(rateOf()).toMatchObject({ taxCode: 'IVA19', taxRateBp: 1900 });

    const categoryId = t.db.sqlite.prepare(`SELECT ID_categoria FROM tblcategoriasXproducto WHERE ID_producto = ? ORDER BY id_cat_prod LIMIT 1`).pluck().get(v.productId) as number;
    t.services.taxAdmin.assign('category', categoryId, 'IVA5', t.manager.id);
    expect(rateOf()).toMatchObject({ taxCode: 'IVA5', taxRateBp: 500 });

    t.services.taxAdmin.save({ code: 'IVA8', name: 'Impoconsumo 8 %', rateBp: 800, active: true }, t.manager.id);
    t.services.taxAdmin.assign('product', v.productId, 'IVA8', t.manager.id);
    expect(rateOf()).toMatchObject({ taxCode: 'IVA8', taxRateBp: 800 });

    t.services.taxAdmin.assign('product', v.productId, null, t.manager.id);
    expect(rateOf().taxCode).toBe('IVA5');
  });

  it('a line keeps the rate it was rung up with', () => {
    const v = t.variant(0);
    const cart = t.services.sales.addVariant(t.cashier, v.variantId, 1);
    t.services.taxAdmin.assign('product', v.productId, 'EXENTO', t.manager.id);
    const line = t.services.sales.current().lines[0]!;
    expect(line.tax).toBe(cart.lines[0]!.tax);
    expect(line.variant.taxCode).toBe('IVA19');
  });

  it('refuses to retire the default rate and unknown codes', () => {
    expect(() => t.services.taxAdmin.save({ code: 'IVA19', name: 'IVA', rateBp: 1900, active: false }, t.manager.id)).toThrow(/default tax rate/);
    expect(() => t.services.taxAdmin.assign('product', t.variant(0).productId, 'NOPE', t.manager.id)).toThrow(/no active tax rate/);
    expect(() => t.services.taxAdmin.assign('category', 99999, 'IVA5', t.manager.id)).toThrow(/no category/);
  });
});
