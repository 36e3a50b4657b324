import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newGlobalId } from '../../shared/ids';
import { tempDb, type TempDb } from '../../../test/db';

/** Minimal catalog rows written with plain SQL, the way any writer would. */
function makeVariants(t: TempDb, count: number): number[] {
  const { sqlite } = t.db;
  const now = new Date().toISOString();
  const product = sqlite
    .prepare(
      `INSERT INTO tblproductos (plu, nombre_producto, precio, fecha_creacion, global_id, updated_at)
       VALUES ('100001', 'Camiseta básica', 4990000, ?, ?, ?)`,
    )
    .run(now, newGlobalId(), now).lastInsertRowid;
  const insert = sqlite.prepare(
    `INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, global_id, barcode) VALUES (?, 1, ?, ?, ?)`,
  );
  return Array.from({ length: count }, (_, i) =>
    Number(insert.run(product, i + 1, newGlobalId(), `20000000000${i}`).lastInsertRowid),
  );
}

function move(t: TempDb, variantId: number, quantity: number, reason = 'adjustment') {
  t.db.sqlite
    .prepare(
      `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, occurred_at) VALUES (?, ?, ?, ?, ?)`,
    )
    .run(newGlobalId(), variantId, quantity, reason, new Date().toISOString());
}

const stockOf = (t: TempDb, id: number) =>
  t.db.sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(id) as number;
const ledgerSum = (t: TempDb, id: number) =>
  t.db.sqlite
    .prepare(`SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = ?`)
    .pluck()
    .get(id) as number;

describe('stock ledger', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('inventario equals the sum of movements, whatever the sequence', () => {
    const ids = makeVariants(t, 3);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -50, max: 50 }).filter((q) => q !== 0)), {
          maxLength: 40,
        }),
        (moves) => {
          for (const [which, qty] of moves) move(t, ids[which]!, qty);
          for (const id of ids) expect(stockOf(t, id)).toBe(ledgerSum(t, id));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses to change inventario directly', () => {
    const [id] = makeVariants(t, 1);
    move(t, id!, 5, 'receipt');
    expect(() =>
      t.db.sqlite.prepare(`UPDATE tblprodXcolorXtalla SET inventario = 99 WHERE idcolorxtalla = ?`).run(id),
    ).toThrow(/only through stock_movements/);
    expect(stockOf(t, id!)).toBe(5);
  });

  it('refuses a variant created with stock', () => {
    makeVariants(t, 1);
    expect(() =>
      t.db.sqlite
        .prepare(
          `INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, inventario, global_id, barcode) VALUES (1, 2, 1, 10, ?, '2999999999999')`,
        )
        .run(newGlobalId()),
    ).toThrow(/starts at 0/);
  });

  it('keeps the ledger append-only', () => {
    const [id] = makeVariants(t, 1);
    move(t, id!, 3, 'receipt');
    expect(() => t.db.sqlite.prepare(`UPDATE stock_movements SET quantity = 100`).run()).toThrow(/append-only/);
    expect(() => t.db.sqlite.prepare(`DELETE FROM stock_movements`).run()).toThrow(/append-only/);
    expect(stockOf(t, id!)).toBe(3);
  });

  it('rolls back the movement and the stock together', () => {
    const [id] = makeVariants(t, 1);
    const failing = t.db.sqlite.transaction(() => {
      move(t, id!, 7, 'receipt');
      throw new Error('power cut mid-receipt');
    });
    expect(failing).toThrow('power cut');
    expect(stockOf(t, id!)).toBe(0);
    expect(ledgerSum(t, id!)).toBe(0);
  });

  it('refuses zero and unknown reasons', () => {
    const [id] = makeVariants(t, 1);
    expect(() => move(t, id!, 0)).toThrow(/CHECK constraint failed/);
    expect(() => move(t, id!, 1, 'gift')).toThrow(/CHECK constraint failed/);
  });
});
