import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProductSaveSchema, type ProductSaveInput } from '../../shared/catalog/product-schemas';
import { DomainError } from '../../shared/errors';
import { parseOutboxDocument, type CommandType } from '../../shared/sync/commands';
import { testStore, type TestStore } from '../../../test/store';
import { isInStoreEan13, makeEan13 } from './ean13';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(5, 8);
});
afterEach(() => t.cleanup());

const ids = (table: string, key: string, codeColumn: string, codes: string[]) =>
  codes.map((c) => t.db.sqlite.prepare(`SELECT ${key} FROM ${table} WHERE ${codeColumn} = ?`).pluck().get(c) as number);
const colors = (...codes: string[]) => ids('tblcolor', 'id_color', 'code', codes);
const sizes = (...codes: string[]) => ids('tbltallas', 'id_talla', 'talla', codes);

const grid = (colorIds: number[], sizeIds: number[], extra: Partial<ProductSaveInput['variants'][number]> = {}) =>
  colorIds.flatMap((colorId) => sizeIds.map((sizeId) => ({ colorId, sizeId, barcode: null, active: true, lowStockThreshold: 2, ...extra })));

const product = (over: Partial<ProductSaveInput> = {}): ProductSaveInput =>
  ProductSaveSchema.parse({
    productId: null,
    plu: '880001',
    name: 'Camiseta básica algodón',
    description: 'Cuello redondo',
    manufacturerId: t.services.catalogLists.lists().manufacturers[0]!.id,
    departmentCode: 'UNISEX',
    categoryIds: [t.services.catalogLists.lists().categories[0]!.id],
    optionIds: [],
    price: 3_990_000,
    costPrice: 1_500_000,
    taxCode: null,
    active: true,
    variants: grid(colors('BLACK', 'WHITE', 'NAVY'), sizes('XS', 'S', 'M', 'L', 'XL'), { openingStock: 4 }),
    ...over,
  });

const outbox = () =>
  (t.db.sqlite.prepare(`SELECT register_id AS registerId, seq, idempotency_key AS idempotencyKey, type, schema_version AS schemaVersion, payload, created_at AS createdAt FROM sync_outbox ORDER BY seq`).all() as {
    payload: string;
    type: CommandType;
  }[]).map(({ payload, ...e }) => parseOutboxDocument({ ...e, payload: JSON.parse(payload) }));

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

const stockOf = (variantId: number) => ({
  stock: t.db.sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(variantId),
  ledger: t.db.sqlite.prepare(`SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = ?`).pluck().get(variantId),
});

describe('product editor', () => {
  it('creates a 3 x 5 grid: in-store barcodes from the PLU, opening stock through the ledger, one product.upserted', () => {
    const before = outbox().length;
    const { productId, created, generatedBarcodes } = t.services.productEditor.save(product(), t.manager);
    expect(created).toBe(true);
    expect(generatedBarcodes).toBe(15);
    const saved = t.services.productEditor.load(productId);
    expect(saved).toMatchObject({ plu: '880001', price: 3_990_000, costPrice: 1_500_000, departmentCode: 'UNISEX', active: true });
    expect(saved.variants).toHaveLength(15);
    for (const v of saved.variants) {
      expect(isInStoreEan13(v.barcode)).toBe(true);
      expect(v.barcode.slice(0, 8)).toBe('20880001');
      expect(v).toMatchObject({ stock: 4, active: true, lowStockThreshold: 2, hasHistory: true });
      expect(stockOf(v.variantId)).toEqual({ stock: 4, ledger: 4 });
    }
    const docs = outbox().slice(before);
    expect(docs.filter((d) => d.type === 'stock.moved')).toHaveLength(15);
    const upserted = docs.filter((d) => d.type === 'product.upserted');
    expect(upserted).toHaveLength(1);
    expect(upserted[0]!.payload).toMatchObject({ plu: '880001', baseChangeId: null, variants: expect.arrayContaining([expect.objectContaining({ colorCode: 'NAVY', sizeCode: 'XL' })]) });
    // It sells: a scan of a generated barcode finds the variant.
    const scanned = t.services.catalog.scan(saved.variants[0]!.barcode);
    expect(scanned.kind === 'variant' && scanned.variant.productId).toBe(productId);
  });

  it('adding a colour adds a row, a size a column; existing variants keep their ids and barcodes', () => {
    const { productId } = t.services.productEditor.save(product(), t.manager);
    const first = t.services.productEditor.load(productId);
    const keep = new Map(first.variants.map((v) => [`${v.colorId}:${v.sizeId}`, v]));
    const variants = [...first.variants.map((v) => ({ colorId: v.colorId, sizeId: v.sizeId, barcode: v.barcode, active: true, lowStockThreshold: v.lowStockThreshold })), ...grid(colors('RED'), sizes('XS', 'S', 'M', 'L', 'XL'))];
    variants.push(...grid(colors('BLACK', 'WHITE', 'NAVY', 'RED'), sizes('XXL')));
    t.services.productEditor.save(product({ productId, variants }), t.manager);
    const after = t.services.productEditor.load(productId);
    expect(after.variants).toHaveLength(24);
    for (const v of after.variants) {
      const old = keep.get(`${v.colorId}:${v.sizeId}`);
      if (old) expect(v).toMatchObject({ variantId: old.variantId, barcode: old.barcode, stock: 4 });
      else expect(v).toMatchObject({ stock: 0, hasHistory: false });
    }
    expect(new Set(after.variants.map((v) => v.barcode)).size).toBe(24);
  });

  it('a variant with history left out of the grid is deactivated, never deleted, and comes back when picked again', () => {
    const { productId } = t.services.productEditor.save(product(), t.manager);
    const first = t.services.productEditor.load(productId);
    const [black] = colors('BLACK');
    const withoutBlack = first.variants.filter((v) => v.colorId !== black).map((v) => ({ colorId: v.colorId, sizeId: v.sizeId, barcode: v.barcode, active: true, lowStockThreshold: null }));
    t.services.productEditor.save(product({ productId, variants: withoutBlack }), t.manager);
    const after = t.services.productEditor.load(productId);
    expect(after.variants).toHaveLength(15);
    const blacks = after.variants.filter((v) => v.colorId === black);
    expect(blacks.every((v) => !v.active && v.stock === 4)).toBe(true);
    // Inactive: not sold.
    expect(refusal(() => t.services.catalog.scan(blacks[0]!.barcode)).code).toBe('NOT_SELLABLE');

    t.services.productEditor.save(product({ productId, variants: first.variants.map((v) => ({ colorId: v.colorId, sizeId: v.sizeId, barcode: null, active: true, lowStockThreshold: null })) }), t.manager);
    const back = t.services.productEditor.load(productId);
    expect(back.variants.filter((v) => v.colorId === black).map((v) => [v.variantId, v.barcode, v.active])).toEqual(blacks.map((v) => [v.variantId, v.barcode, true]));
  });

  it('audits a price change with before and after, and each edit names the change it was made on', () => {
    const { productId } = t.services.productEditor.save(product(), t.manager);
    const loaded = t.services.productEditor.load(productId);
    const same = loaded.variants.map((v) => ({ colorId: v.colorId, sizeId: v.sizeId, barcode: v.barcode, active: v.active, lowStockThreshold: v.lowStockThreshold }));
    t.services.productEditor.save(product({ productId, price: 3_490_000, variants: same }), t.manager);
    const audit = t.db.sqlite.prepare(`SELECT details, staff_id AS staffId FROM audit_log WHERE action = 'product.price_change'`).all() as { details: string; staffId: number }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ before: { price: 3_990_000 }, after: { price: 3_490_000 } });
    expect(audit[0]!.staffId).toBe(t.manager.id);
    const update = JSON.parse(t.db.sqlite.prepare(`SELECT details FROM audit_log WHERE action = 'product.update'`).pluck().get() as string);
    expect(update).toEqual({ plu: '880001', before: { price: 3_990_000 }, after: { price: 3_490_000 } });
    const docs = outbox().filter((d) => d.type === 'product.upserted');
    expect(docs).toHaveLength(2);
    expect((docs[1]!.payload as { baseChangeId: string }).baseChangeId).toBe(docs[0]!.idempotencyKey);
  });

  it('refuses a taken PLU, a bad check digit and a barcode of another product, naming them, and writes nothing', () => {
    const other = t.variant(0);
    const otherName = t.db.sqlite.prepare(`SELECT nombre_producto FROM tblproductos WHERE id_producto = ?`).pluck().get(other.productId) as string;
    const count = () => t.db.sqlite.prepare(`SELECT (SELECT COUNT(*) FROM sync_outbox) || '/' || (SELECT COUNT(*) FROM tblproductos) || '/' || (SELECT COUNT(*) FROM audit_log)`).pluck().get();
    const start = count();

    expect(refusal(() => t.services.productEditor.save(product({ plu: other.plu }), t.manager))).toMatchObject({ code: 'CONFLICT', field: 'plu', message: expect.stringContaining(otherName) });

    const bad = product();
    bad.variants[3] = { ...bad.variants[3]!, barcode: '7701234567890' };
    bad.variants[5] = { ...bad.variants[5]!, barcode: other.barcode };
    const err = refusal(() => t.services.productEditor.save(bad, t.manager));
    expect(err.issues).toEqual([
      { field: 'variants.3.barcode', message: '7701234567890 is not a valid EAN-13/UPC-A (check digit)' },
      { field: 'variants.5.barcode', message: expect.stringContaining(`is already used by ${otherName}`) },
    ]);

    const twice = product();
    const code = makeEan13('770123456789');
    twice.variants[0] = { ...twice.variants[0]!, barcode: code };
    twice.variants[1] = { ...twice.variants[1]!, barcode: code };
    expect(refusal(() => t.services.productEditor.save(twice, t.manager)).message).toMatch(/given twice/);
    expect(count()).toBe(start);
  });

  it('takes a maker’s UPC-A as its EAN-13', () => {
    const upc = makeEan13('012345678905'.slice(0, 12)).slice(1);
    const input = product({ variants: [{ colorId: colors('BLACK')[0]!, sizeId: sizes('M')[0]!, barcode: upc, active: true, lowStockThreshold: null }] });
    const { productId } = t.services.productEditor.save(input, t.manager);
    expect(t.services.productEditor.load(productId).variants[0]!.barcode).toBe(`0${upc}`);
  });
});
