/**
 * Property-based simulation of the sync (fast-check): three registers in two
 * stores (A and B in store 1, C in store 2) against one real cloud (Hono on
 * PGlite, over HTTP). Random interleavings of sales, stock adjustments,
 * counts, price edits (the same product edited on two registers makes
 * conflicts), sync rounds, restarts and pushes whose answer is lost. After
 * everyone syncs:
 * - every sale is in the cloud exactly once, in its own store;
 * - the cloud's stock per variant is the opening stock plus every movement
 *   any register of the store made;
 * - every register agrees with the cloud (the convergence check: stock and
 *   the version of every shared row);
 * - every price edit was either applied in the cloud or reported as a
 *   conflict on the register that made it: none lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore } from '../../cloud/src/registry';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { createProductSnapshots } from '../../src/main/catalog/product-snapshot';
import { openDatabase, type PosDb } from '../../src/main/db/open';
import { reprovisionDevice } from '../../src/main/device/device-identity';
import { newGlobalId } from '../../src/shared/ids';
import { createServices, type Services } from '../../src/main/services';
import { checkConvergence } from '../../src/main/sync/checksum';
import { initialUpload } from '../../src/main/sync/initial-upload';
import { pullOnce } from '../../src/main/sync/pull';
import { pushOnce } from '../../src/main/sync/push';
import { registerDevice } from '../../src/main/sync/register-device';
import { manualClock, MIGRATIONS } from '../db';
import { testStore } from '../store';

let cloudDb: OpenedCloudDb;
let cloud: CloudServer;
beforeAll(async () => {
  cloudDb = await openCloudDb({});
  cloud = await startCloud({ db: cloudDb });
});
afterAll(async () => {
  await cloud.close();
  await cloudDb.close();
});

interface Register {
  name: 'A' | 'B' | 'C';
  store: 1 | 2;
  file: string;
  db: PosDb;
  services: Services;
}

type Step =
  | { kind: 'sell'; reg: number; variant: number; qty: number }
  | { kind: 'adjust'; reg: number; variant: number; delta: number }
  | { kind: 'count'; reg: number; variant: number; counted: number }
  | { kind: 'price'; reg: number; product: number; price: number }
  | { kind: 'sync'; reg: number }
  | { kind: 'lostAnswer'; reg: number }
  | { kind: 'restart'; reg: number };

const reg = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sell' as const), reg, variant: fc.nat(5), qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjust' as const), reg, variant: fc.nat(5), delta: fc.integer({ min: -3, max: 5 }).filter((d) => d !== 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), reg, variant: fc.nat(5), counted: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('price' as const), reg, product: fc.nat(1), price: fc.integer({ min: 1, max: 5000 }).map((p) => p * 100) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), reg }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lostAnswer' as const), reg }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), reg }) },
);

const open = (file: string): { db: PosDb; services: Services } => {
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS });
  return { db, services: createServices(db, { version: 'test', shell: 'web' }, manualClock()) };
};

/** A fetch that lets the cloud commit a push, then loses its answer. */
const losingAnswers: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  await res.arrayBuffer();
  throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
};

async function makeStores(): Promise<{ registers: Register[]; cleanup: () => void; stores: Record<1 | 2, string> }> {
  const first = await testStore(3, 21);
  const second = await testStore(3, 22);
  const stores = { 1: await createStore(cloudDb.db, 'Tienda 1'), 2: await createStore(cloudDb.db, 'Tienda 2') } as const;
  const join = async (db: PosDb, store: 1 | 2) => registerDevice(db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, stores[store]) });
  await join(first.db, 1);
  await initialUpload(first.db, first.clock, { serverUrl: cloud.url });
  await join(second.db, 2);
  await initialUpload(second.db, second.clock, { serverUrl: cloud.url });
  // B: a copy of A after its upload, as its own register.
  first.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const fileB = path.join(first.dir, 'b.sqlite');
  first.db.sqlite.exec(`VACUUM INTO '${fileB}'`);
  const b = open(fileB);
  b.db.sqlite.exec(`DELETE FROM sync_outbox`);
  reprovisionDevice(b.db.sqlite, manualClock(), 'R02');
  await join(b.db, 1);
  const registers: Register[] = [
    { name: 'A', store: 1, file: first.file, db: first.db, services: first.services },
    { name: 'B', store: 1, file: fileB, ...b },
    { name: 'C', store: 2, file: second.file, db: second.db, services: second.services },
  ];
  return {
    registers,
    stores,
    cleanup() {
      for (const r of registers) r.db.close();
      fs.rmSync(first.dir, { recursive: true, force: true });
      fs.rmSync(second.dir, { recursive: true, force: true });
    },
  };
}

const variantsOf = (r: Register) => r.db.sqlite.prepare<[], { id: number; globalId: string }>(`SELECT idcolorxtalla AS id, global_id AS globalId FROM tblprodXcolorXtalla ORDER BY idcolorxtalla LIMIT 6`).all();
const productsOf = (r: Register) => r.db.sqlite.prepare<[], string>(`SELECT global_id FROM tblproductos ORDER BY id_producto LIMIT 2`).pluck().all();
const stockOf = (r: Register, id: number) => r.db.sqlite.prepare<[number], number>(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(id)!;

/** A stock movement as the back office writes it: the ledger row and its document, in one write-path transaction. */
function move(r: Register, variant: { id: number; globalId: string }, quantity: number, reason: 'adjustment' | 'count'): void {
  r.services.writes.mutate({ id: 1 }, (w) => {
    const movementId = newGlobalId();
    r.db.sqlite
      .prepare(`INSERT INTO stock_movements (global_id, variant_id, quantity, reason, occurred_at) VALUES (?, ?, ?, ?, ?)`)
      .run(movementId, variant.id, quantity, reason, w.now);
    w.emit('stock.moved', { movementId, variantId: variant.globalId, quantity, reason, referenceId: null, staffId: null, occurredAt: w.now });
  });
}

describe('sync simulation (fast-check)', () => {
  it('converges: every sale once, stock = opening + movements everywhere, every edit applied or reported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        // Replays a counterexample: SIM_STEPS='[...]' npx vitest run test/sync/simulation.test.ts
        if (process.env.SIM_STEPS) steps = JSON.parse(process.env.SIM_STEPS) as Step[];
        const { registers, stores, cleanup } = await makeStores();
        try {
          // The model: opening stock as the cloud got it, then every delta any register made.
          const expected = new Map<string, number>();
          for (const r of [registers[0]!, registers[2]!]) {
            for (const v of r.db.sqlite.prepare<[], { g: string; q: number }>(`SELECT global_id AS g, inventario AS q FROM tblprodXcolorXtalla`).all()) expected.set(v.g, v.q);
          }
          const sales: Record<1 | 2, number> = { 1: 0, 2: 0 };
          const edits: Record<1 | 2, number> = { 1: 0, 2: 0 };
          let saleNo = 0;

          for (const s of steps) {
            const r = registers[s.reg]!;
            const variants = variantsOf(r);
            if (s.kind === 'sell') {
              const v = variants[s.variant % variants.length]!;
              const cashier = r.services.staff.list().find((u) => u.role === 'cashier')!;
              const cart = r.services.sales.addVariant(cashier, v.id, s.qty);
              r.services.completeSale(cashier, [{ method: 'card', amount: cart.totals.total, reference: 'sim' }], `sim-sale-${String(++saleNo).padStart(4, '0')}`);
              expected.set(v.globalId, expected.get(v.globalId)! - s.qty);
              sales[r.store]++;
            } else if (s.kind === 'adjust' || s.kind === 'count') {
              const v = variants[s.variant % variants.length]!;
              // A count travels as its difference from what this register holds now.
              const delta = s.kind === 'adjust' ? s.delta : s.counted - stockOf(r, v.id);
              if (delta === 0) continue;
              move(r, v, delta, s.kind === 'adjust' ? 'adjustment' : 'count');
              expected.set(v.globalId, expected.get(v.globalId)! + delta);
            } else if (s.kind === 'price') {
              const product = productsOf(r)[s.product % 2]!;
              const snapshots = createProductSnapshots(r.db.sqlite);
              r.services.writes.mutate({ id: 1 }, (w) => {
                const next = { ...snapshots.read(product)!, price: s.price };
                snapshots.apply(next, w.now);
                w.emit('product.upserted', next);
              });
              edits[r.store]++;
            } else if (s.kind === 'sync') {
              await pushOnce(r.db, { serverUrl: cloud.url });
              await pullOnce(r.db, { serverUrl: cloud.url });
            } else if (s.kind === 'lostAnswer') {
              await pushOnce(r.db, { serverUrl: cloud.url, fetch: losingAnswers }).catch(() => undefined);
            } else {
              r.db.close();
              Object.assign(r, open(r.file));
            }
          }

          // Everyone syncs until nothing moves (two passes: pushes first reach the cloud, then every pull sees them).
          for (let pass = 0; pass < 2; pass++) {
            for (const r of registers) {
              const pushed = await pushOnce(r.db, { serverUrl: cloud.url });
              expect(pushed.rejected).toBe(0);
              await pullOnce(r.db, { serverUrl: cloud.url });
            }
          }

          for (const store of [1, 2] as const) {
            const storeId = stores[store];
            const { rows: cloudSales } = (await cloudDb.db.execute(`SELECT COUNT(*)::int AS n FROM sales WHERE store_id = '${storeId}'`)) as unknown as { rows: { n: number }[] };
            expect(cloudSales[0]!.n).toBe(sales[store]);
            const { rows: stock } = (await cloudDb.db.execute(
              `SELECT variant_id::text AS v, SUM(quantity)::int AS q FROM stock_movements WHERE store_id = '${storeId}' GROUP BY variant_id`,
            )) as unknown as { rows: { v: string; q: number }[] };
            for (const row of stock) expect([row.v, row.q]).toEqual([row.v, expected.get(row.v)]);
            // Every edit: applied in the cloud, or a conflict on record where it was made.
            const { rows: applied } = (await cloudDb.db.execute(
              `SELECT COUNT(*)::int AS n FROM documents WHERE store_id = '${storeId}' AND type = 'product.upserted' AND status = 'applied'`,
            )) as unknown as { rows: { n: number }[] };
            const uploaded = 3;
            const conflicts = registers
              .filter((r) => r.store === store)
              .reduce((n, r) => n + r.db.sqlite.prepare<[], number>(`SELECT COUNT(*) FROM sync_conflicts`).pluck().get()!, 0);
            expect(applied[0]!.n - uploaded + conflicts).toBe(edits[store]);
          }
          for (const r of registers) {
            const c = await checkConvergence(r.db, { serverUrl: cloud.url });
            expect({ register: r.name, status: c.status, ...(c.status === 'mismatch' ? { what: c.what } : {}) }).toEqual({ register: r.name, status: 'match' });
          }
        } finally {
          cleanup();
        }
      }),
      { numRuns: 3 },
    );
  }, 600_000);
});
