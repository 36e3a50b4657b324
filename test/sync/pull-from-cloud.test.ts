/**
 * Two registers of one store (B starts as a copy of A's database,
 * re-provisioned) and a real cloud (Hono on PGlite, over HTTP): a sale on A,
 * pushed, reaches B by pull with its invoice number and its stock; pulling
 * again applies nothing twice; no register ever gets its own sales back; and
 * pulling writes nothing to the outbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore } from '../../cloud/src/registry';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { openDatabase, type PosDb } from '../../src/main/db/open';
import { reprovisionDevice } from '../../src/main/device/device-identity';
import { createServices, type Services } from '../../src/main/services';
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
  a = await testStore(20, 7);
  // Register B starts as a copy of A's database (the store's catalog and staff), as its own register.
  a.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(a.dir, 'b.sqlite');
  a.db.sqlite.exec(`VACUUM INTO '${file}'`);
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS });
  db.sqlite.exec(`DELETE FROM sync_outbox`);
  reprovisionDevice(db.sqlite, manualClock(), 'R02');
  b = { db, sqlite: db.sqlite, services: createServices(db, { version: 'test', shell: 'web' }, manualClock()) };
  const storeId = await createStore(cloudDb.db, 'Tienda');
  await registerDevice(a.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
  await registerDevice(b.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
  // A's setup (its staff) reaches the cloud and B: the tests start from there.
  await pushOnce(a.db, { serverUrl: cloud.url });
  await pullOnce(b.db, { serverUrl: cloud.url });
  start = cursorOf(b.sqlite);
});
let start: string;
afterEach(() => {
  b.db.close();
  fs.rmSync(path.join(a.dir, 'b.sqlite'), { force: true });
  a.cleanup();
});

const sell = (services: Services, variantId: number, quantity: number, key: string) => {
  const cashier = services.staff.list().find((u) => u.role === 'cashier')!;
  services.sales.addVariant(cashier, variantId, quantity);
  services.completeSale(cashier, [{ method: 'cash', amount: 100_000_000 }], key);
};
const stockOf = (sqlite: Database.Database, variantId: number) => sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(variantId) as number;
const invoices = (sqlite: Database.Database) => sqlite.prepare(`SELECT invoice_number FROM tblfacturas WHERE invoice_number IS NOT NULL ORDER BY invoice_number`).pluck().all() as string[];
const outboxCount = (sqlite: Database.Database) => sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox`).pluck().get() as number;
const cursorOf = (sqlite: Database.Database) => sqlite.prepare(`SELECT pull_cursor FROM device_identity`).pluck().get() as string;

describe('pulling the other registers\' sales from the cloud', () => {
  it('brings A\'s sale to B with its invoice number and stock, once, and never B\'s own sale back to B', async () => {
    const variant = a.variant(0).variantId;
    const stockBefore = stockOf(b.sqlite, variant);

    sell(a.services, variant, 2, 'a-sale-1');
    expect((await pushOnce(a.db, { serverUrl: cloud.url })).rejected).toBe(0);
    const outboxBefore = outboxCount(b.sqlite);
    const first = await pullOnce(b.db, { serverUrl: cloud.url });
    expect(first).toMatchObject({ applied: 1, duplicate: 0 });
    expect(invoices(b.sqlite)).toEqual(['R01-000001']);
    expect(stockOf(b.sqlite, variant)).toBe(stockBefore - 2);
    expect(BigInt(cursorOf(b.sqlite)) > BigInt(start)).toBe(true);
    expect(cursorOf(b.sqlite)).toBe(first.cursor);
    // Applying another register's sale is not B's to send.
    expect(outboxCount(b.sqlite)).toBe(outboxBefore);

    // Again: nothing new, nothing applied twice, the cursor stays.
    expect(await pullOnce(b.db, { serverUrl: cloud.url })).toMatchObject({ applied: 0, duplicate: 0, cursor: first.cursor });
    expect(invoices(b.sqlite)).toEqual(['R01-000001']);
    expect(stockOf(b.sqlite, variant)).toBe(stockBefore - 2);

    // B sells and pushes: pulling gives B nothing of its own; A gets B's sale.
    sell(b.services, variant, 1, 'b-sale-1');
    expect((await pushOnce(b.db, { serverUrl: cloud.url })).rejected).toBe(0);
    expect(await pullOnce(b.db, { serverUrl: cloud.url })).toMatchObject({ applied: 0, duplicate: 0, ignored: 0 });
    expect(invoices(b.sqlite)).toEqual(['R01-000001', 'R02-000001']);
    expect(stockOf(b.sqlite, variant)).toBe(stockBefore - 3);

    expect(await pullOnce(a.db, { serverUrl: cloud.url })).toMatchObject({ applied: 1 });
    expect(invoices(a.db.sqlite)).toEqual(['R01-000001', 'R02-000001']);
    expect(stockOf(a.db.sqlite, variant)).toBe(stockBefore - 3);
  });

  it('pages, and a page applied again after a lost answer changes nothing', async () => {
    for (let i = 0; i < 5; i++) sell(a.services, a.variant(i).variantId, 1, `a-sale-${i}`);
    await pushOnce(a.db, { serverUrl: cloud.url });
    // The first page is applied but its answer is "lost" to the next call: B's cursor is put back.
    const first = await pullOnce(b.db, { serverUrl: cloud.url, pageSize: 2 });
    expect(first).toMatchObject({ applied: 5, pages: 3 });
    b.sqlite.prepare(`UPDATE device_identity SET pull_cursor = ?`).run(start);
    expect(await pullOnce(b.db, { serverUrl: cloud.url, pageSize: 2 })).toMatchObject({ applied: 0, duplicate: 5, cursor: first.cursor });
    expect(invoices(b.sqlite)).toEqual(['R01-000001', 'R01-000002', 'R01-000003', 'R01-000004', 'R01-000005']);
  });

  it('leaves the cursor where it was when a page cannot be applied', async () => {
    sell(a.services, a.variant(0).variantId, 1, 'a-sale-1');
    await pushOnce(a.db, { serverUrl: cloud.url });
    // B does not know the variant (as if its catalog were behind): the page rolls back whole.
    const broken: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const json = (await res.json()) as { documents: { payload: { lines?: { variantId: string }[] } }[] };
      for (const d of json.documents) for (const l of d.payload.lines ?? []) l.variantId = '01900000-0000-7000-8000-000000000000';
      return new Response(JSON.stringify(json), { status: res.status, headers: { 'content-type': 'application/json' } });
    };
    await expect(pullOnce(b.db, { serverUrl: cloud.url, fetch: broken })).rejects.toMatchObject({ kind: 'apply_failed' });
    expect(cursorOf(b.sqlite)).toBe(start);
    expect(invoices(b.sqlite)).toEqual([]);
    expect(await pullOnce(b.db, { serverUrl: cloud.url })).toMatchObject({ applied: 1 });
  });
});
