/**
 * What the sync benchmarks push: a register database with N sales queued in
 * its outbox (rung up through the till's own services and write path: three
 * lines and two payments each, with their stock movements), and, for the
 * simulated registers of the load figure, the same kind of sale.completed
 * documents built straight from the shared schema.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { newGlobalId } from '../../src/shared/ids';
import { SaleCompletedV1, type OutboxDocument } from '../../src/shared/sync/commands';
import { PG_URL } from '../../cloud/test/targets';
import { openDatabase } from '../../src/main/db/open';
import { seedDemo } from '../../src/main/seed/demo-seed';
import { createServices } from '../../src/main/services';
import type { BenchContext } from './bench';

/**
 * A seeded register database (`products` products) with `sales` sales queued
 * and nothing pushed. Sales are committed through completeSale, a hundred to
 * an outer transaction (each sale still its own savepoint with its outbox
 * document): the bench measures pushing, not ringing up.
 */
export async function registerWithQueuedSales(ctx: BenchContext, file: string, products: number, sales: number): Promise<{ ms: number }> {
  const { db } = openDatabase(file, { migrationsFolder: path.join(ctx.repoRoot, 'db', 'migrations') });
  try {
    await seedDemo(db, { products, seed: 1 });
    const services = createServices(db, { version: 'bench', shell: 'web' });
    const cashier = services.staff.list().find((s) => s.role === 'cashier')!;
    const actor = { id: cashier.id, displayName: cashier.displayName, role: cashier.role };
    const variants = db.sqlite.prepare(`SELECT idcolorxtalla FROM tblprodXcolorXtalla ORDER BY idcolorxtalla`).pluck().all() as number[];
    const started = performance.now();
    const chunk = db.sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        for (let l = 0; l < 3; l++) services.sales.addVariant(actor, variants[(i * 7 + l * 13) % variants.length]!, 1);
        const total = services.sales.current().totals.total;
        const card = Math.floor(total / 2);
        services.completeSale(actor, [{ method: 'card', amount: card, reference: `AUTH-${i}` }, { method: 'cash', amount: total - card }], `bench-sale-${String(i).padStart(7, '0')}`);
      }
    });
    for (let i = 0; i < sales; i += 100) {
      chunk(i, Math.min(sales, i + 100));
      ctx.progress(`ringing up ${Math.min(sales, i + 100)}/${sales} sales`);
    }
    ctx.progress('');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { ms: performance.now() - started };
  } finally {
    db.close();
  }
}

/** A sale.completed document like a till's: three lines, two payments, three movements. */
export function saleDocument(registerId: string, registerCode: string, seq: number, variants: readonly string[]): OutboxDocument {
  const saleId = newGlobalId();
  const lines = [0, 1, 2].map((l) => {
    const variantId = variants[(seq * 3 + l) % variants.length]!;
    return {
      lineId: newGlobalId(),
      productId: newGlobalId(),
      variantId,
      quantity: 1,
      unitPrice: 4_990,
      originalUnitPrice: null,
      discount: 0,
      orderDiscountShare: 0,
      taxCode: 'IVA19',
      taxRateBp: 1_900,
      tax: 797,
      total: 4_990,
      discountApprovedBy: null,
      priceApprovedBy: null,
    };
  });
  const payload = SaleCompletedV1.parse({
    saleId,
    invoiceNumber: `${registerCode}-${String(seq).padStart(6, '0')}`,
    registerId,
    completedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, 0, seq)).toISOString(),
    staffId: newGlobalId(),
    customerId: null,
    pricesIncludeTax: true,
    gross: 14_970,
    discount: 0,
    tax: 2_391,
    total: 14_970,
    cashRounding: 0,
    change: 0,
    orderDiscountApprovedBy: null,
    lines,
    payments: [
      { paymentId: newGlobalId(), method: 'card', amount: 10_000, tendered: 10_000, reference: `AUTH-${seq}` },
      { paymentId: newGlobalId(), method: 'cash', amount: 4_970, tendered: 5_000, reference: null },
    ],
    stockMovements: lines.map((l) => ({ movementId: newGlobalId(), variantId: l.variantId, quantity: -1 })),
    creditSpent: null,
  });
  return { registerId, seq, idempotencyKey: newGlobalId(), type: 'sale.completed', schemaVersion: 1, createdAt: payload.completedAt, payload };
}

/** A fresh PostgreSQL database on the machine's server for one figure; `drop()` removes it. Null when unreachable. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | { problem: string }> {
  const name = `pos_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    return { problem: `${PG_URL}: ${(err as Error).message}` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
