/**
 * The merge rules against a real cloud (Hono on PGlite, over HTTP), two
 * registers of one store: A uploads its store once (initial upload); B
 * starts as a copy of A's database, re-provisioned as its own register.
 * Edits of shared rows reach the other register; two edits made on the
 * same version are a conflict: the cloud's row stands on both registers,
 * the loser's edit is kept for a manager; and after every full sync the
 * convergence check agrees.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore } from '../../cloud/src/registry';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { createProductSnapshots } from '../../src/main/catalog/product-snapshot';
import { openDatabase, type PosDb } from '../../src/main/db/open';
import { reprovisionDevice } from '../../src/main/device/device-identity';
import { createServices, type Services } from '../../src/main/services';
import { checkConvergence } from '../../src/main/sync/checksum';
import { initialUpload } from '../../src/main/sync/initial-upload';
import { pullOnce } from '../../src/main/sync/pull';
import { pushOnce } from '../../src/main/sync/push';
import { registerDevice } from '../../src/main/sync/register-device';
import { manualClock, MIGRATIONS } from '../db';
import { testStore, type TestStore } from '../store';

let cloudDb: OpenedCloudDb;
let cloud: CloudServer;
let a: TestStore;
let b: { db: PosDb; services: Services; sqlite: Database.Database };

beforeAll(async () => {
  cloudDb = await openCloudDb({});
  cloud = await startCloud({ db: cloudDb });
});
afterAll(async () => {
  await cloud.close();
  await cloudDb.close();
});
beforeEach(async () => {
  a = await testStore(12, 5);
  const storeId = await createStore(cloudDb.db, 'Tienda');
  await registerDevice(a.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
  const counts = await initialUpload(a.db, a.clock, { serverUrl: cloud.url });
  expect(counts['product.upserted']).toBe(12);
  expect(counts['stock.moved']).toBeGreaterThan(0);
  // B starts as a copy of A after the upload (the same rows at the same versions), as its own register.
  a.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(a.dir, 'b.sqlite');
  a.db.sqlite.exec(`VACUUM INTO '${file}'`);
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS });
  db.sqlite.exec(`DELETE FROM sync_outbox`);
  reprovisionDevice(db.sqlite, manualClock(), 'R02');
  b = { db, sqlite: db.sqlite, services: createServices(db, { version: 'test', shell: 'web' }, manualClock()) };
  await registerDevice(b.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
  await syncBoth();
});
afterEach(() => {
  b.db.close();
  fs.rmSync(path.join(a.dir, 'b.sqlite'), { force: true });
  a.cleanup();
});

const opts = () => ({ serverUrl: cloud.url });
async function syncBoth(): Promise<void> {
  for (const r of [a.db, b.db, a.db]) {
    await pushOnce(r, opts());
    await pullOnce(r, opts());
  }
}
const productOf = (sqlite: Database.Database) => sqlite.prepare<[], string>(`SELECT global_id FROM tblproductos ORDER BY id_producto LIMIT 1`).pluck().get()!;
const priceOf = (sqlite: Database.Database, productId: string) => sqlite.prepare<[string], number>(`SELECT precio FROM tblproductos WHERE global_id = ?`).pluck().get(productId);

/** A manager's price change, as the catalog editor makes it: the whole product through the write path. */
function setPrice(services: Services, productId: string, price: number): void {
  const snapshots = createProductSnapshots(services.db.sqlite);
  services.writes.mutate({ id: 1 }, (w) => {
    const next = { ...snapshots.read(productId)!, price };
    snapshots.apply(next, w.now);
    w.emit('product.upserted', next);
  });
}

describe('merge rules between registers', () => {
  it('starts converged after the upload: the same stock and versions on A, B and the cloud', async () => {
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });
    const onB = await checkConvergence(b.db, opts());
    expect(onB).toMatchObject({ status: 'match' });
    if (onB.status === 'match') {
      expect(onB.local.variants).toBeGreaterThan(0);
      expect(onB.local.entityCount).toBeGreaterThan(12);
    }
  });

  it('brings a price change made on A to B, and B then edits on top of it without a conflict', async () => {
    const product = productOf(a.db.sqlite);
    setPrice(a.services, product, 123_400);
    await syncBoth();
    expect(priceOf(b.sqlite, product)).toBe(123_400);
    setPrice(b.services, product, 99_900);
    await syncBoth();
    expect(priceOf(a.db.sqlite, product)).toBe(99_900);
    expect(b.sqlite.prepare(`SELECT COUNT(*) FROM sync_conflicts`).pluck().get()).toBe(0);
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });
    expect(await checkConvergence(b.db, opts())).toMatchObject({ status: 'match' });
  });

  it('keeps the cloud\'s row when two registers edit the same version, and keeps the loser\'s edit for a manager', async () => {
    const product = productOf(a.db.sqlite);
    setPrice(a.services, product, 111_100);
    setPrice(b.services, product, 222_200);
    expect((await pushOnce(a.db, opts())).rejected).toBe(0);
    // B pulls A's edit while its own waits to be sent: B's row is left alone for now.
    expect(await pullOnce(b.db, opts())).toMatchObject({ deferred: 1 });
    expect(priceOf(b.sqlite, product)).toBe(222_200);
    const pushed = await pushOnce(b.db, opts());
    expect(pushed).toMatchObject({ conflicts: 1, rejected: 0 });
    // The cloud's (A's) row stands on B too, and B's edit is on record.
    expect(priceOf(b.sqlite, product)).toBe(111_100);
    const conflict = b.sqlite.prepare<[], { type: string; entity: string; local: string; server: string }>(
      `SELECT type, entity_global_id AS entity, local_payload AS local, server_payload AS server FROM sync_conflicts`,
    ).get()!;
    expect(conflict).toMatchObject({ type: 'product.upserted', entity: product });
    expect(JSON.parse(conflict.local)).toMatchObject({ price: 222_200 });
    expect(JSON.parse(conflict.server)).toMatchObject({ price: 111_100 });
    // Nothing waits: the conflict does not block B's queue.
    expect(b.services.outboxPending()).toBe(0);
    await syncBoth();
    expect(priceOf(a.db.sqlite, product)).toBe(111_100);
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });
    expect(await checkConvergence(b.db, opts())).toMatchObject({ status: 'match' });

    // B's manager applies B's edit again, on top of the cloud's: now it wins everywhere, and the conflict is settled once.
    const [listed] = b.services.syncAdmin.conflicts();
    expect(listed).toMatchObject({ type: 'product.upserted', entityId: product });
    b.services.syncAdmin.resolveConflict(listed!.id, 'reapply_mine', b.services.staff.list().find((u) => u.role === 'manager')!.id);
    expect(() => b.services.syncAdmin.resolveConflict(listed!.id, 'keep_cloud', 1)).toThrow(/already resolved/);
    expect(b.services.syncAdmin.conflicts()).toEqual([]);
    expect(priceOf(b.sqlite, product)).toBe(222_200);
    await syncBoth();
    expect(priceOf(a.db.sqlite, product)).toBe(222_200);
    expect(b.sqlite.prepare(`SELECT COUNT(*) FROM sync_conflicts`).pluck().get()).toBe(1);
    expect(await checkConvergence(b.db, opts())).toMatchObject({ status: 'match' });
  });

  it('adds up sales on both registers and a tax change reaches the other register\'s till', async () => {
    const v = a.variant(0);
    const sell = (services: Services, key: string) => {
      const cashier = services.staff.list().find((u) => u.role === 'cashier')!;
      services.sales.addVariant(cashier, v.variantId, 1);
      services.completeSale(cashier, [{ method: 'cash', amount: 100_000_000 }], key);
    };
    sell(a.services, 'a-sale-0001');
    sell(b.services, 'b-sale-0001');
    a.services.taxAdmin.save({ code: 'IVA19', name: 'IVA general', rateBp: 1800, active: true }, a.manager.id);
    await syncBoth();
    const stock = (sqlite: Database.Database) => sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(v.variantId);
    expect(stock(a.db.sqlite)).toBe(v.stock - 2);
    expect(stock(b.sqlite)).toBe(v.stock - 2);
    expect(b.sqlite.prepare(`SELECT rate_bp FROM tax_rates WHERE code = 'IVA19'`).pluck().get()).toBe(1800);
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });
    expect(await checkConvergence(b.db, opts())).toMatchObject({ status: 'match' });
  });

  it('reports a mismatch when a register\'s stock differs from the cloud\'s, naming what differs', async () => {
    const v = a.variant(1);
    // A movement nobody sent (as if written around the write path): the check must notice.
    b.sqlite.prepare(`INSERT INTO stock_movements (global_id, variant_id, quantity, reason, occurred_at) VALUES ('01900000-0000-7000-8000-0000000000aa', ?, 3, 'adjustment', '2026-12-01T00:00:00.000Z')`).run(v.variantId);
    expect(await checkConvergence(b.db, opts())).toMatchObject({ status: 'mismatch', what: ['stock'] });
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });
  });
});
