/**
 * Stock counts that never stop the till.
 *
 * THE RULE: when a variant is counted, its stock at that moment is kept with
 * the count as `expected` (the snapshot). Applying the count books, per
 * variant, a 'count' movement of `counted - expected`, never "stock :=
 * counted". Sales made between the snapshot and the apply (on this register
 * or on another, arriving later by sync) are movements of their own and stay
 * booked: the shelf had `counted` units when it was counted, and every unit
 * sold since is still subtracted. The same difference travels to the cloud
 * (`stock_count.applied` and one `stock.moved` per variant), so every
 * register's ledger adds up to the same stock.
 *
 * Typing a quantity sets the count and takes a fresh snapshot (a recount);
 * a scan adds one unit and keeps the snapshot of the variant's first count.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { CountLineDto, StockCountDto, StockCountSummaryDto } from '../../shared/ipc/dto-inventory';
import { must } from '../db/rows';
import type { Actor, WritePath } from '../write';
import type { StockLedger } from './ledger';

export interface NewCount {
  scope: 'all' | 'category' | 'manufacturer';
  scopeId?: number | null;
  note?: string | null;
}

/** Variants in a count's scope (active products and variants only); `k` is the count. */
const SCOPE_JOINS = `
  JOIN tblprodXcolorXtalla v ON v.active = 1
  JOIN tblproductos p ON p.id_producto = v.ID_producto AND p.active = 1
  JOIN tblcolor c ON c.id_color = v.ID_color
  JOIN tbltallas t ON t.id_talla = v.ID_talla`;
const SCOPE_WHERE = `
  (k.scope = 'all'
    OR (k.scope = 'manufacturer' AND p.ID_fabricante = k.scope_id)
    OR (k.scope = 'category' AND EXISTS (SELECT 1 FROM tblcategoriasXproducto cp WHERE cp.ID_producto = p.id_producto AND cp.ID_categoria = k.scope_id)))`;

export function createStockCounts(sqlite: Database.Database, writes: WritePath, ledger: StockLedger) {
  const q = {
    insert: sqlite.prepare(`INSERT INTO stock_counts (global_id, scope, scope_id, status, note, created_by, created_at) VALUES (?, ?, ?, 'open', ?, ?, ?)`),
    count: sqlite.prepare<[number], { id: number; globalId: string; scope: NewCount['scope']; scopeId: number | null; status: StockCountSummaryDto['status']; note: string | null }>(
      `SELECT id, global_id AS globalId, scope, scope_id AS scopeId, status, note FROM stock_counts WHERE id = ?`,
    ),
    summaries: sqlite.prepare<{ id: number | null }, StockCountSummaryDto>(
      `SELECT k.id, k.scope, k.scope_id AS scopeId,
              CASE k.scope WHEN 'category' THEN (SELECT nombre FROM tblcategorias WHERE id_catgoria = k.scope_id)
                           WHEN 'manufacturer' THEN (SELECT nombre_fabricante FROM tblfabricantes WHERE id_fabricante = k.scope_id) END AS scopeName,
              k.status, k.created_at AS createdAt, k.applied_at AS appliedAt,
              (SELECT COUNT(*) FROM stock_count_lines WHERE count_id = k.id) AS counted
         FROM stock_counts k WHERE (:id IS NULL OR k.id = :id) ORDER BY k.id DESC LIMIT 100`,
    ),
    sheet: sqlite.prepare<{ id: number }, CountLineDto>(
      `SELECT v.idcolorxtalla AS variantId, p.id_producto AS productId, p.plu, p.nombre_producto AS name, c.color AS colorName, t.talla AS sizeCode, v.barcode,
              l.counted, l.expected, l.counted - l.expected AS variance, v.inventario AS current
         FROM stock_counts k ${SCOPE_JOINS}
         LEFT JOIN stock_count_lines l ON l.count_id = k.id AND l.variant_id = v.idcolorxtalla
        WHERE k.id = :id AND ${SCOPE_WHERE}
        ORDER BY p.nombre_producto COLLATE NOCASE, p.id_producto, c.color, t.sort_order`,
    ),
    inScope: sqlite.prepare<{ id: number; variantId: number }, number>(`SELECT 1 FROM stock_counts k ${SCOPE_JOINS} WHERE k.id = :id AND v.idcolorxtalla = :variantId AND ${SCOPE_WHERE}`).pluck(),
    byBarcode: sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE barcode = ?`).pluck(),
    line: sqlite.prepare<[number, number], { counted: number; expected: number }>(`SELECT counted, expected FROM stock_count_lines WHERE count_id = ? AND variant_id = ?`),
    setLine: sqlite.prepare(
      `INSERT INTO stock_count_lines (count_id, variant_id, counted, expected, counted_at, counted_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(count_id, variant_id) DO UPDATE SET counted = excluded.counted, expected = excluded.expected, counted_at = excluded.counted_at, counted_by = excluded.counted_by`,
    ),
    countedLines: sqlite.prepare<[number], { variantId: number; counted: number; expected: number; countedAt: string }>(
      `SELECT variant_id AS variantId, counted, expected, counted_at AS countedAt FROM stock_count_lines WHERE count_id = ? ORDER BY variant_id`,
    ),
    finish: sqlite.prepare(`UPDATE stock_counts SET status = ?, applied_by = ?, applied_at = ? WHERE id = ?`),
    scopeGlobal: {
      category: sqlite.prepare<[number], string>(`SELECT global_id FROM tblcategorias WHERE id_catgoria = ?`).pluck(),
      manufacturer: sqlite.prepare<[number], string>(`SELECT global_id FROM tblfabricantes WHERE id_fabricante = ?`).pluck(),
    },
  };

  function open(id: number) {
    const k = q.count.get(id);
    if (!k) throw new DomainError('NOT_FOUND', `no stock count ${id}`, 'countId');
    if (k.status !== 'open') throw new DomainError('CONFLICT', `stock count ${id} is ${k.status}`, 'countId');
    return k;
  }

  const api = {
    list(): StockCountSummaryDto[] {
      return q.summaries.all({ id: null });
    },

    get(id: number): StockCountDto {
      const k = q.count.get(id);
      if (!k) throw new DomainError('NOT_FOUND', `no stock count ${id}`, 'countId');
      return { ...must(q.summaries.get({ id }), `count ${id}`), note: k.note, lines: q.sheet.all({ id }) };
    },

    start(actor: Actor, input: NewCount): StockCountDto {
      const scopeId = input.scope === 'all' ? null : (input.scopeId ?? null);
      if (input.scope !== 'all') {
        if (scopeId === null) throw new DomainError('VALIDATION', `choose the ${input.scope} to count`, 'scopeId');
        if (!q.scopeGlobal[input.scope].get(scopeId)) throw new DomainError('NOT_FOUND', `no ${input.scope} ${scopeId}`, 'scopeId');
      }
      const id = writes.mutate(actor, (w) => {
        const globalId = newGlobalId();
        const id = Number(q.insert.run(globalId, input.scope, scopeId, input.note?.trim() || null, actor.id, w.now).lastInsertRowid);
        w.audit({ action: 'stock_count.start', entity: 'stock_counts', entityId: globalId, details: { scope: input.scope, scopeId } });
        return id;
      });
      return api.get(id);
    },

    /**
     * Records a counted quantity: `set` (typed) replaces the count and takes
     * a fresh snapshot; `add` (a scan) adds units and keeps the first snapshot.
     */
    record(actor: Actor, countId: number, input: { variantId?: number; barcode?: string; quantity: number; mode: 'set' | 'add' }): CountLineDto {
      const variantId = input.variantId ?? (input.barcode ? q.byBarcode.get(input.barcode) : undefined);
      if (variantId === undefined) throw new DomainError('NOT_FOUND', input.barcode ? `no variant has barcode ${input.barcode}` : 'name a variant or scan a barcode', input.barcode ? 'barcode' : 'variantId');
      if (!Number.isInteger(input.quantity) || input.quantity < 0 || (input.mode === 'add' && input.quantity === 0)) {
        throw new DomainError('VALIDATION', 'a counted quantity is a whole number of 0 or more', 'quantity');
      }
      writes.mutate(actor, (w) => {
        const k = open(countId);
        const v = ledger.variant(variantId);
        if (!q.inScope.get({ id: countId, variantId })) throw new DomainError('VALIDATION', `${v.label} is not on this count sheet`, input.barcode ? 'barcode' : 'variantId');
        const before = q.line.get(countId, variantId);
        const counted = input.mode === 'add' ? (before?.counted ?? 0) + input.quantity : input.quantity;
        // The snapshot: stock now for a new or typed count; the first snapshot for a scan that adds to it.
        const expected = input.mode === 'add' && before ? before.expected : v.stock;
        q.setLine.run(countId, variantId, counted, expected, w.now, actor.id);
        w.audit({ action: 'stock_count.record', entity: 'stock_counts', entityId: k.globalId, details: { variantId, mode: input.mode, counted, expected } });
      });
      return must(q.sheet.all({ id: countId }).find((l) => l.variantId === variantId), `count line of variant ${variantId}`);
    },

    /** Books counted - expected for every counted variant (see THE RULE above); uncounted variants are left as they are. */
    apply(actor: Actor, countId: number): { movements: number; units: number } {
      return writes.mutate(actor, (w) => {
        const k = open(countId);
        const lines = q.countedLines.all(countId);
        if (lines.length === 0) throw new DomainError('VALIDATION', 'nothing has been counted yet', 'countId');
        let units = 0;
        const docLines = lines.map((l) => {
          const delta = l.counted - l.expected;
          let movementId: string | null = null;
          if (delta !== 0) {
            const v = ledger.variant(l.variantId);
            movementId = ledger.move(w, { variant: v, quantity: delta, reason: 'count', referenceId: k.globalId }).movementId;
            units += delta;
            return { variantId: v.globalId, counted: l.counted, expected: l.expected, countedAt: l.countedAt, movementId };
          }
          return { variantId: ledger.variant(l.variantId).globalId, counted: l.counted, expected: l.expected, countedAt: l.countedAt, movementId };
        });
        q.finish.run('applied', actor.id, w.now, countId);
        const movements = docLines.filter((l) => l.movementId !== null).length;
        w.audit({ action: 'stock_count.apply', entity: 'stock_counts', entityId: k.globalId, details: { counted: lines.length, movements, units } });
        w.emit('stock_count.applied', {
          countId: k.globalId,
          scope: k.scope,
          scopeId: k.scope === 'all' || k.scopeId === null ? null : (q.scopeGlobal[k.scope].get(k.scopeId) ?? null),
          staffId: ledger.staffGlobalId(w),
          appliedAt: w.now,
          lines: docLines,
        });
        return { movements, units };
      });
    },

    cancel(actor: Actor, countId: number): StockCountDto {
      writes.mutate(actor, (w) => {
        const k = open(countId);
        q.finish.run('cancelled', actor.id, w.now, countId);
        w.audit({ action: 'stock_count.cancel', entity: 'stock_counts', entityId: k.globalId });
      });
      return api.get(countId);
    },
  };
  return api;
}

export type StockCounts = ReturnType<typeof createStockCounts>;
