/**
 * The back office's product editor: load a product with its colour x size
 * grid, and save one. A save builds the product's whole snapshot
 * (`product.upserted`), checks what only the database knows (PLU and
 * barcodes unique, every list entry exists), then in one write-path
 * transaction applies it (product-snapshot.ts, the same code that applies
 * other registers' edits), records opening stock as ledger movements,
 * audits (a price change with its before and after) and emits the document.
 *
 * Variants are never deleted: one left out of the grid is deactivated, so
 * its sales and movements keep their meaning; picking its colour and size
 * again brings the same variant back.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { ProductSaveInput } from '../../shared/catalog/product-schemas';
import type { EditorVariantDto, ProductEditorDto } from '../../shared/ipc/dto-catalog';
import { must } from '../db/rows';
import type { Actor, WriteContext, WritePath } from '../write';
import { changedFields } from '../write/write-path';
import { isValidEan13, makeInStoreEan13 } from './ean13';
import { createProductSnapshots, type ProductSnapshot } from './product-snapshot';

interface ProductRow {
  productId: number;
  globalId: string;
  plu: string;
  name: string;
  description: string | null;
  manufacturerId: number | null;
  departmentCode: string | null;
  price: number;
  costPrice: number | null;
  taxCode: string | null;
  active: number;
  createdAt: string;
}

interface VariantRow extends Omit<EditorVariantDto, 'active' | 'hasHistory'> {
  globalId: string;
  active: number;
  hasHistory: number;
}

/** The facts audited for a product (what a manager reads back in the audit log). */
type AuditedFields = Pick<ProductSnapshot, 'plu' | 'name' | 'description' | 'price' | 'costPrice' | 'taxCode' | 'active' | 'departmentCode'> & {
  manufacturer: string | null;
  categories: string[];
  options: string[];
  variants: number;
};

export interface SaveOutcome {
  productId: number;
  created: boolean;
  /** Barcodes the store generated for variants saved without one. */
  generatedBarcodes: number;
}

/** A maker's UPC-A (12 digits) is the EAN-13 with a leading 0. */
export const normalizeBarcode = (code: string): string => (/^\d{12}$/.test(code) ? `0${code}` : code);

export function createProductEditor(sqlite: Database.Database, writes: WritePath) {
  const snapshots = createProductSnapshots(sqlite);
  const s = {
    product: sqlite.prepare<[number], ProductRow>(
      `SELECT p.id_producto AS productId, p.global_id AS globalId, p.plu, p.nombre_producto AS name, p.descripcion_producto AS description,
              p.ID_fabricante AS manufacturerId, g.code AS departmentCode, p.precio AS price, p.cost_price AS costPrice,
              t.code AS taxCode, p.active, p.fecha_creacion AS createdAt
         FROM tblproductos p
         LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
         LEFT JOIN tax_rates t ON t.id = p.tax_rate_id
        WHERE p.id_producto = ?`,
    ),
    categoryIds: sqlite.prepare<[number], number>(`SELECT ID_categoria FROM tblcategoriasXproducto WHERE ID_producto = ? ORDER BY id_cat_prod`).pluck(),
    optionIds: sqlite.prepare<[number], number>(`SELECT ID_opcion FROM tblopcionesXproducto WHERE ID_producto = ? ORDER BY id_op_prod`).pluck(),
    variants: sqlite.prepare<[number], VariantRow>(
      `SELECT v.idcolorxtalla AS variantId, v.global_id AS globalId, v.ID_color AS colorId, v.ID_talla AS sizeId, v.barcode, v.active,
              v.low_stock_threshold AS lowStockThreshold, v.inventario AS stock,
              EXISTS (SELECT 1 FROM stock_movements m WHERE m.variant_id = v.idcolorxtalla)
                OR EXISTS (SELECT 1 FROM tbldetalle_factura d WHERE d.ID_prodXcolorXtalla = v.idcolorxtalla) AS hasHistory
         FROM tblprodXcolorXtalla v
         JOIN tbltallas t ON t.id_talla = v.ID_talla
        WHERE v.ID_producto = ?
        ORDER BY v.ID_color, t.sort_order`,
    ),
    pluOwner: sqlite.prepare<[string, number | null], { name: string }>(`SELECT nombre_producto AS name FROM tblproductos WHERE plu = ? AND id_producto IS NOT ?`),
    barcodeOwner: sqlite.prepare<[string], { productId: number; name: string; color: string; size: string; variantId: number }>(
      `SELECT p.id_producto AS productId, p.nombre_producto AS name, c.color, t.talla AS size, v.idcolorxtalla AS variantId
         FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto
         JOIN tblcolor c ON c.id_color = v.ID_color JOIN tbltallas t ON t.id_talla = v.ID_talla
        WHERE v.barcode = ?`,
    ),
    barcodeTaken: sqlite.prepare<[string], number>(`SELECT 1 FROM tblprodXcolorXtalla WHERE barcode = ?`).pluck(),
    globalOf: (table: string, key: string) => sqlite.prepare<[number], string>(`SELECT global_id FROM ${table} WHERE ${key} = ?`).pluck(),
    codeOf: (table: string, key: string, code: string) => sqlite.prepare<[number], string>(`SELECT ${code} FROM ${table} WHERE ${key} = ?`).pluck(),
    departmentExists: sqlite.prepare<[string], number>(`SELECT 1 FROM tblgenero WHERE code = ?`).pluck(),
    taxExists: sqlite.prepare<[string], number>(`SELECT 1 FROM tax_rates WHERE code = ? AND active = 1`).pluck(),
    localVariant: sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE global_id = ?`).pluck(),
    staffGlobalId: sqlite.prepare<[number], string>(`SELECT global_id FROM staff_users WHERE id = ?`).pluck(),
    insertMovement: sqlite.prepare(
      `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, note, occurred_at) VALUES (?, ?, ?, 'initial', ?, ?, ?, ?)`,
    ),
    names: (table: string, key: string, name: string) => sqlite.prepare<[string], string>(`SELECT ${name} FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?)) ORDER BY ${name}`).pluck(),
  };
  const globalIds = {
    manufacturer: s.globalOf('tblfabricantes', 'id_fabricante'),
    category: s.globalOf('tblcategorias', 'id_catgoria'),
    option: s.globalOf('tblopciones', 'id_opcion'),
  };
  const codes = { color: s.codeOf('tblcolor', 'id_color', 'code'), size: s.codeOf('tbltallas', 'id_talla', 'talla') };
  const names = {
    manufacturer: s.codeOf('tblfabricantes', 'id_fabricante', 'nombre_fabricante'),
    categories: s.names('tblcategorias', 'global_id', 'nombre'),
    options: s.names('tblopciones', 'global_id', 'nombre_opcion'),
  };

  const needGlobal = (stmt: Database.Statement<[number], string>, id: number, what: string, field: string): string => {
    const g = stmt.get(id);
    if (g === undefined) throw new DomainError('NOT_FOUND', `no ${what} ${id}`, field);
    return g;
  };

  /** In-store EAN-13s for variants saved without a barcode: 20 + PLU (6 digits) + variant number, as the demo catalog's; else a free random one. */
  function barcodeSource(plu: string, taken: Set<string>) {
    let next = 0;
    const base = /^\d{1,6}$/.test(plu) ? Number(plu) * 10_000 : null;
    return (): string => {
      for (let attempt = 0; attempt < 100_000; attempt++) {
        const code =
          base !== null && next < 10_000
            ? makeInStoreEan13(base + next++)
            : // A PLU that is not a small number: a random code in prefixes 21-29, checked free.
              makeInStoreEan13(Math.floor(Math.random() * 1e10), 21 + Math.floor(Math.random() * 9));
        if (!taken.has(code) && s.barcodeTaken.get(code) === undefined) {
          taken.add(code);
          return code;
        }
      }
      throw new DomainError('CONFLICT', 'no free in-store barcode could be generated', 'variants');
    };
  }

  const audited = (p: ProductSnapshot): AuditedFields => ({
    plu: p.plu,
    name: p.name,
    description: p.description,
    price: p.price,
    costPrice: p.costPrice,
    taxCode: p.taxCode,
    active: p.active,
    departmentCode: p.departmentCode,
    manufacturer: p.manufacturerId,
    categories: names.categories.all(JSON.stringify(p.categoryIds)),
    options: names.options.all(JSON.stringify(p.optionIds)),
    variants: p.variants.filter((v) => v.active).length,
  });

  /** The snapshot this input makes, checked against the database; throws naming the field at fault. */
  function buildSnapshot(input: ProductSaveInput, now: string): { snapshot: ProductSnapshot; before: ProductSnapshot | undefined; opening: Map<string, number>; generated: number } {
    const existing = input.productId === null ? undefined : s.product.get(input.productId);
    if (input.productId !== null && !existing) throw new DomainError('NOT_FOUND', `no product ${input.productId}`, 'productId');
    const pluOwner = s.pluOwner.get(input.plu, input.productId);
    if (pluOwner) throw new DomainError('CONFLICT', `PLU ${input.plu} is already used by ${pluOwner.name}`, 'plu', { plu: input.plu, product: pluOwner.name });
    if (input.departmentCode !== null && s.departmentExists.get(input.departmentCode) === undefined) {
      throw new DomainError('NOT_FOUND', `no gender/department ${input.departmentCode}`, 'departmentCode');
    }
    if (input.taxCode !== null && s.taxExists.get(input.taxCode) === undefined) throw new DomainError('VALIDATION', `no active tax rate ${input.taxCode}`, 'taxCode');

    const current = existing ? s.variants.all(existing.productId) : [];
    const byCell = new Map(current.map((v) => [`${v.colorId}:${v.sizeId}`, v]));
    const seenCells = new Set<string>();
    const seenBarcodes = new Map<string, number>();
    const issues: { field: string; message: string }[] = [];

    // Barcodes typed (or kept) first, so generated ones steer clear of them.
    const typed = input.variants.map((v, i) => {
      const field = `variants.${i}.barcode`;
      if (v.barcode === null) return null;
      const code = normalizeBarcode(v.barcode);
      if (!isValidEan13(code)) {
        issues.push({ field, message: `${v.barcode} is not a valid EAN-13/UPC-A (check digit)` });
        return code;
      }
      const twin = seenBarcodes.get(code);
      if (twin !== undefined) issues.push({ field, message: `${code} is given twice in this grid (row ${twin + 1} and ${i + 1})` });
      seenBarcodes.set(code, i);
      const owner = s.barcodeOwner.get(code);
      const mine = byCell.get(`${v.colorId}:${v.sizeId}`);
      if (owner && owner.variantId !== mine?.variantId) {
        issues.push({ field, message: `${code} is already used by ${owner.name} (${owner.color} / ${owner.size})` });
      }
      return code;
    });
    if (issues.length > 0) {
      const err = new DomainError(issues.some((i) => i.message.includes('already used')) ? 'CONFLICT' : 'BARCODE_INVALID', issues[0]!.message, issues[0]!.field);
      err.issues = issues;
      throw err;
    }

    const nextBarcode = barcodeSource(input.plu, new Set(seenBarcodes.keys()));
    let generated = 0;
    const opening = new Map<string, number>();
    const variants: ProductSnapshot['variants'] = input.variants.map((v, i) => {
      const cell = `${v.colorId}:${v.sizeId}`;
      if (seenCells.has(cell)) throw new DomainError('VALIDATION', `colour and size given twice in the grid (row ${i + 1})`, `variants.${i}`);
      seenCells.add(cell);
      const colorCode = codes.color.get(v.colorId);
      const sizeCode = codes.size.get(v.sizeId);
      if (colorCode === undefined) throw new DomainError('NOT_FOUND', `no colour ${v.colorId}`, `variants.${i}.colorId`);
      if (sizeCode === undefined) throw new DomainError('NOT_FOUND', `no size ${v.sizeId}`, `variants.${i}.sizeId`);
      const mine = byCell.get(cell);
      let barcode = typed[i] ?? mine?.barcode ?? null;
      if (barcode === null) {
        barcode = nextBarcode();
        generated++;
      }
      const variantId = mine?.globalId ?? newGlobalId();
      if (!mine && v.openingStock) opening.set(variantId, v.openingStock);
      return { variantId, colorCode, sizeCode, barcode, active: v.active, lowStockThreshold: v.lowStockThreshold };
    });
    // Variants left out of the grid stay in the snapshot, inactive: never deleted.
    for (const v of current) {
      if (seenCells.has(`${v.colorId}:${v.sizeId}`)) continue;
      variants.push({ variantId: v.globalId, colorCode: must(codes.color.get(v.colorId), `colour ${v.colorId}`), sizeCode: must(codes.size.get(v.sizeId), `size ${v.sizeId}`), barcode: v.barcode, active: false, lowStockThreshold: v.lowStockThreshold });
    }

    const before = existing ? snapshots.read(existing.globalId) : undefined;
    const snapshot: ProductSnapshot = {
      productId: existing?.globalId ?? newGlobalId(),
      plu: input.plu,
      name: input.name,
      description: input.description || null,
      manufacturerId: input.manufacturerId === null ? null : needGlobal(globalIds.manufacturer, input.manufacturerId, 'manufacturer', 'manufacturerId'),
      departmentCode: input.departmentCode,
      price: input.price,
      costPrice: input.costPrice,
      taxCode: input.taxCode,
      active: input.active,
      createdAt: existing?.createdAt ?? now,
      categoryIds: [...new Set(input.categoryIds)].map((id) => needGlobal(globalIds.category, id, 'category', 'categoryIds')),
      optionIds: [...new Set(input.optionIds)].map((id) => needGlobal(globalIds.option, id, 'option', 'optionIds')),
      variants,
    };
    return { snapshot, before, opening, generated };
  }

  /** Opening stock of new variants: one 'initial' movement each, through the ledger, sent as stock.moved. */
  function recordOpening(w: WriteContext, actor: Actor, opening: Map<string, number>, productGlobalId: string): void {
    if (opening.size === 0) return;
    const staffId = must(s.staffGlobalId.get(actor.id), `staff user ${actor.id}`);
    for (const [variantGlobalId, quantity] of opening) {
      const movementId = newGlobalId();
      const variantId = must(s.localVariant.get(variantGlobalId), `variant ${variantGlobalId}, just saved`);
      s.insertMovement.run(movementId, variantId, quantity, productGlobalId, actor.id, 'opening stock', w.now);
      w.emit('stock.moved', { movementId, variantId: variantGlobalId, quantity, reason: 'initial', referenceId: productGlobalId, staffId, occurredAt: w.now });
    }
  }

  return {
    load(productId: number): ProductEditorDto {
      const p = s.product.get(productId);
      if (!p) throw new DomainError('NOT_FOUND', `no product ${productId}`, 'productId');
      const { globalId: _g, active, ...rest } = p;
      return {
        ...rest,
        active: active === 1,
        categoryIds: s.categoryIds.all(productId),
        optionIds: s.optionIds.all(productId),
        variants: s.variants.all(productId).map(({ globalId: _v, active: a, hasHistory, ...v }) => ({ ...v, active: a === 1, hasHistory: hasHistory === 1 })),
      };
    },

    save(input: ProductSaveInput, actor: Actor): SaveOutcome {
      return writes.mutate(actor, (w) => {
        const { snapshot, before, opening, generated } = buildSnapshot(input, w.now);
        const productId = snapshots.apply(snapshot, w.now);
        recordOpening(w, actor, opening, snapshot.productId);
        const after = audited(snapshot);
        if (before) {
          const changes = changedFields(audited(before), after);
          w.audit({ action: 'product.update', entity: 'tblproductos', entityId: snapshot.productId, ...changes, details: { plu: snapshot.plu } });
          if (before.price !== snapshot.price) {
            w.audit({ action: 'product.price_change', entity: 'tblproductos', entityId: snapshot.productId, before: { price: before.price }, after: { price: snapshot.price }, details: { plu: snapshot.plu } });
          }
        } else {
          w.audit({ action: 'product.create', entity: 'tblproductos', entityId: snapshot.productId, after, details: { generatedBarcodes: generated, openingStock: [...opening.values()].reduce((a, b) => a + b, 0) } });
        }
        w.emit('product.upserted', snapshot);
        return { productId, created: before === undefined, generatedBarcodes: generated };
      });
    },
  };
}

export type ProductEditor = ReturnType<typeof createProductEditor>;
