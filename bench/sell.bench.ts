/**
 * Issue #4's service-level figures on the 20,000-product demo store:
 * scan lookup, type-ahead search, and sale commit (with the same writes done
 * as hand-written prepared statements in the same run, for the ratio).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { newGlobalId } from '../src/shared/ids';
import { priceCart } from '../src/main/sales/pricing';
import { createPrng } from '../src/main/seed/prng';
import { createServices } from '../src/main/services';
import type { Benchmark } from './lib/bench';
import { percentile, seededStore } from './lib/demo-store';
import { median, round } from './lib/stats';

const sellBench: Benchmark = {
  title: 'sell: scan, search, sale commit',
  async run(ctx) {
    const { db, products } = await seededStore(ctx);
    const note = ctx.quick ? `quick run: ${products} products` : `${products} products`;
    const services = createServices(db, { version: 'bench', shell: 'web' });
    const prng = createPrng(42);
    const { sqlite } = db;
    const barcodes = sqlite.prepare(`SELECT barcode FROM tblprodXcolorXtalla`).pluck().all() as string[];

    // --- scan: barcode -> priced cart line ---------------------------------
    const scans = ctx.quick ? 2_000 : 10_000;
    for (let i = 0; i < 500; i++) services.catalog.scan(prng.pick(barcodes)); // warm the cache and statements
    const scanTimes: number[] = [];
    for (let i = 0; i < scans; i++) {
      const code = prng.pick(barcodes);
      const t0 = performance.now();
      const found = services.catalog.scan(code);
      if (found.kind !== 'variant') throw new Error(`barcode ${code} did not resolve to a variant`);
      const v = found.variant;
      priceCart([{ unitPrice: v.unitPrice, quantity: 1, taxRateBp: v.taxRateBp, taxCode: v.taxCode, discount: null }], null, true);
      scanTimes.push(performance.now() - t0);
    }
    ctx.record({ name: 'scan_lookup_p99_ms', value: round(percentile(scanTimes, 99), 3), unit: 'ms', aimBelow: 1, note: `${scans} scans; p50 ${round(percentile(scanTimes, 50), 3)} ms; ${note}` });

    // --- search: 1-3 word type-ahead queries --------------------------------
    const names = sqlite.prepare(`SELECT nombre_producto FROM tblproductos`).pluck().all() as string[];
    const brands = sqlite.prepare(`SELECT nombre_fabricante FROM tblfabricantes`).pluck().all() as string[];
    const colours = sqlite.prepare(`SELECT color FROM tblcolor`).pluck().all() as string[];
    const prefix = (w: string) => w.slice(0, Math.max(2, Math.min(w.length, prng.int(2, 6))));
    const query = () => {
      const words = prng.pick(names).split(' ');
      const picks = [prefix(prng.pick(words))];
      if (prng.chance(0.5)) picks.push(prefix(prng.pick([...words, prng.pick(colours), prng.pick(brands).split(' ')[0]!])));
      if (prng.chance(0.25)) picks.push(prefix(prng.pick(words)));
      return picks.join(' ');
    };
    const searches = ctx.quick ? 500 : 2_000;
    for (let i = 0; i < 100; i++) services.catalog.search(query());
    const searchTimes: number[] = [];
    let hits = 0;
    for (let i = 0; i < searches; i++) {
      const q = query();
      const t0 = performance.now();
      hits += services.catalog.search(q, 20).length;
      searchTimes.push(performance.now() - t0);
    }
    ctx.record({ name: 'search_p95_ms', value: round(percentile(searchTimes, 95), 2), unit: 'ms', aimBelow: 10, note: `${searches} queries of 1-3 prefix words, top 20; p50 ${round(percentile(searchTimes, 50), 2)} ms; ${round(hits / searches, 1)} hits/query; ${note}` });

    // --- sale commit: 5 lines, split tender, everything in one transaction ---
    const cashier = services.staff.list().find((s) => s.role === 'cashier')!;
    const actor = { id: cashier.id, displayName: cashier.displayName, role: cashier.role };
    const variants = sqlite.prepare(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE inventario >= 5`).pluck().all() as number[];
    const sales = ctx.quick ? 100 : 400;
    const raw = rawSaleWriter(sqlite);
    const ours: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < sales; i++) {
      for (let l = 0; l < 5; l++) services.sales.addVariant(actor, prng.pick(variants), 1);
      const total = services.sales.current().totals.total;
      const card = Math.floor(total / 2);
      const tenders = [
        { method: 'card' as const, amount: card, reference: 'AUTH-1' },
        { method: 'cash' as const, amount: total - card + 1_000_000 },
      ];
      let t0 = performance.now();
      services.completeSale(actor, tenders, randomUUID());
      ours.push(performance.now() - t0);

      // The same writes, by hand: a draft with 5 lines prepared untimed, then the commit timed.
      const draft = raw.prepareDraft(actor.id, Array.from({ length: 5 }, () => prng.pick(variants)));
      t0 = performance.now();
      raw.commit(draft, actor.id, card);
      rawTimes.push(performance.now() - t0);
    }
    ctx.record({ name: 'sale_commit_p99_ms', value: round(percentile(ours, 99), 2), unit: 'ms', aimBelow: 5, note: `${sales} sales of 5 lines, card + cash; p50 ${round(percentile(ours, 50), 2)} ms; raw prepared statements p99 ${round(percentile(rawTimes, 99), 2)} ms; synchronous=FULL (an fsync per commit); ${note}` });
    // --- outbox documents of one 5-line, split-tender sale ---------------------
    const outboxRows = sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox WHERE register_id <> 'RAW'`).pluck();
    for (let l = 0; l < 5; l++) services.sales.addVariant(actor, prng.pick(variants), 1);
    const due = services.sales.current().totals.total;
    const docsBefore = outboxRows.get() as number;
    services.completeSale(actor, [{ method: 'card', amount: Math.floor(due / 2), reference: 'AUTH-2' }, { method: 'cash', amount: due }], randomUUID());
    ctx.record({
      name: 'outbox_rows_per_sale',
      value: (outboxRows.get() as number) - docsBefore,
      unit: 'docs',
      note: 'a 5-line card + cash sale; its lines, payments and 5 stock movements travel inside the one sale.completed document, so the cloud applies the sale whole or not at all',
    });
    ctx.record({ name: 'sale_commit_vs_raw_ratio', value: round(median(ours) / median(rawTimes), 2), unit: 'x', aimBelow: 1.5, note: `median ours ${round(median(ours), 3)} ms / median raw prepared statements ${round(median(rawTimes), 3)} ms, same run` });
    db.close();
  },
};

/**
 * The writes of a completed 5-line sale as plain prepared statements with no
 * service logic: the baseline for sale_commit_vs_raw_ratio.
 */
function rawSaleWriter(sqlite: Database.Database) {
  const states = Object.fromEntries(
    (sqlite.prepare(`SELECT code, id_estado FROM tblestados_factura`).raw().all() as [string, number][]),
  ) as Record<string, number>;
  const now = () => new Date().toISOString();
  const s = {
    draft: sqlite.prepare(`INSERT INTO tblfacturas (fecha_factura, total_factura, ID_estado, global_id, updated_at, register_code, staff_id) VALUES (?, 0, ?, ?, ?, 'RAW', ?)`),
    line: sqlite.prepare(`INSERT INTO tbldetalle_factura (ID_factura, ID_producto, cantidad, total_producto, ID_prodXcolorXtalla, global_id, line_no, unit_price, tax_code, tax_rate_bp)
      SELECT ?, v.ID_producto, 1, p.precio, v.idcolorxtalla, ?, ?, p.precio, 'IVA19', 1900 FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto WHERE v.idcolorxtalla = ?`),
    seq: sqlite.prepare(`INSERT INTO register_sequences (register_code, last_number) VALUES ('RAW', 1) ON CONFLICT(register_code) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`).pluck(),
    complete: sqlite.prepare(`UPDATE tblfacturas SET ID_estado = ?, invoice_number = ?, total_factura = (SELECT SUM(total_producto) FROM tbldetalle_factura WHERE ID_factura = ?), completed_at = ?, completion_key = ? WHERE id_facturas = ?`),
    payment: sqlite.prepare(`INSERT INTO payments (global_id, invoice_id, method, amount, tendered, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    movement: sqlite.prepare(`INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at) VALUES (?, ?, -1, 'sale', ?, ?, ?)`),
    outboxSeq: sqlite.prepare(`UPDATE device_identity SET last_outbox_seq = last_outbox_seq + 1 WHERE id = 1 RETURNING last_outbox_seq`).pluck(),
    outbox: sqlite.prepare(
      `INSERT INTO sync_outbox (register_id, seq, idempotency_key, type, schema_version, entity_global_id, payload, created_at) VALUES ('RAW', ?, ?, 'sale.completed', 1, ?, ?, ?)`,
    ),
    audit: sqlite.prepare(`INSERT INTO audit_log (global_id, occurred_at, staff_id, action, entity, entity_id, details) VALUES (?, ?, ?, 'sale.completed', 'tblfacturas', ?, ?)`),
  };
  return {
    prepareDraft(staffId: number, variantIds: number[]) {
      return sqlite.transaction(() => {
        const gid = newGlobalId();
        const id = Number(s.draft.run(now(), states.DRAFT, gid, now(), staffId).lastInsertRowid);
        variantIds.forEach((v, i) => s.line.run(id, newGlobalId(), i + 1, v));
        return { id, gid, variantIds };
      })();
    },
    commit(d: { id: number; gid: string; variantIds: number[] }, staffId: number, card: number) {
      sqlite.transaction(() => {
        const n = s.seq.get() as number;
        const at = now();
        s.complete.run(states.COMPLETED, `RAW-${n}`, d.id, at, randomUUID(), d.id);
        s.payment.run(newGlobalId(), d.id, 'card', card, null, 'AUTH-1', at);
        s.payment.run(newGlobalId(), d.id, 'cash', 1, 1_000_000, null, at);
        for (const v of d.variantIds) s.movement.run(newGlobalId(), v, d.gid, staffId, at);
        s.outbox.run(s.outboxSeq.get() as number, newGlobalId(), d.gid, JSON.stringify({ id: d.gid, lines: d.variantIds }), at);
        s.audit.run(newGlobalId(), at, staffId, d.gid, '{}');
      })();
    },
  };
}

export default sellBench;
