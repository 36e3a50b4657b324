/**
 * A store joins and a register joins, against a real cloud (Hono on PGlite,
 * over HTTP): A, a demo store, uploads itself once into an empty cloud
 * store; N, a new database with no catalog, downloads the whole store on its
 * first pull (in small pages, to cross page boundaries), then keeps up
 * incrementally; both agree with the cloud.
 */
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore } from '../../cloud/src/registry';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { createServices } from '../../src/main/services';
import { checkConvergence } from '../../src/main/sync/checksum';
import { initialUpload } from '../../src/main/sync/initial-upload';
import { pullOnce } from '../../src/main/sync/pull';
import { pushOnce } from '../../src/main/sync/push';
import { registerDevice } from '../../src/main/sync/register-device';
import { tempDb, type TempDb } from '../db';
import { testStore, type TestStore } from '../store';

let cloudDb: OpenedCloudDb;
let cloud: CloudServer;
let a: TestStore;
let n: TempDb;
let storeId: string;

beforeAll(async () => {
  cloudDb = await openCloudDb({});
  cloud = await startCloud({ db: cloudDb });
});
afterAll(async () => {
  await cloud.close();
  await cloudDb.close();
});
beforeEach(async () => {
  a = await testStore(8, 3);
  n = tempDb();
  storeId = await createStore(cloudDb.db, 'Tienda');
  await registerDevice(a.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
  await registerDevice(n.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
});
afterEach(() => {
  a.cleanup();
  n.cleanup();
});

const opts = () => ({ serverUrl: cloud.url });
const stockByVariant = (sqlite: Database.Database) =>
  Object.fromEntries(sqlite.prepare<[], [string, number]>(`SELECT global_id, inventario FROM tblprodXcolorXtalla ORDER BY global_id`).raw().all());
const count = (sqlite: Database.Database, table: string) => sqlite.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get();

describe('a store joins the cloud, a new register downloads it', () => {
  it('downloads the uploaded store in pages: the same catalog, customers, staff and stock, and then follows A\'s sales', async () => {
    await initialUpload(a.db, a.clock, { serverUrl: cloud.url });
    expect((await pushOnce(a.db, opts())).rejected).toBe(0);

    const first = await pullOnce(n.db, { ...opts(), pageSize: 7 });
    expect(first.download).toBeDefined();
    expect(first.download!.pages).toBeGreaterThan(5);
    for (const table of ['tblproductos', 'tblprodXcolorXtalla', 'tblfabricantes', 'tblcategorias', 'tblclientes', 'staff_users', 'tax_rates']) {
      expect([table, count(n.db.sqlite, table)]).toEqual([table, count(a.db.sqlite, table)]);
    }
    expect(stockByVariant(n.db.sqlite)).toEqual(stockByVariant(a.db.sqlite));
    expect(await checkConvergence(n.db, opts())).toMatchObject({ status: 'match' });
    // Nothing downloaded is echoed back.
    expect(count(n.db.sqlite, 'sync_outbox')).toBe(0);

    // Then incrementally: A's sale reaches N's stock.
    const v = a.variant(0);
    const cashier = a.services.staff.list().find((u) => u.role === 'cashier')!;
    const cart = a.services.sales.addVariant(cashier, v.variantId, 2);
    a.services.completeSale(cashier, [{ method: 'card', amount: cart.totals.total, reference: 't' }], 'dl-sale-0001');
    await pushOnce(a.db, opts());
    expect(await pullOnce(n.db, opts())).toMatchObject({ applied: 1 });
    expect(stockByVariant(n.db.sqlite)).toEqual(stockByVariant(a.db.sqlite));
    expect(await checkConvergence(n.db, opts())).toMatchObject({ status: 'match' });
    expect(await checkConvergence(a.db, opts())).toMatchObject({ status: 'match' });

    // The new register sells the downloaded catalog (its staff sign in once their PIN is set here).
    const services = createServices(n.db, { version: 'test', shell: 'web' });
    const user = services.staff.list().find((u) => u.role === 'cashier')!;
    await expect(services.staff.authenticate(user.id, '2468')).rejects.toThrow(/no PIN on this register/);
    await services.staff.setPin(user.id, '2468', null);
    const signedIn = await services.staff.authenticate(user.id, '2468');
    const local = n.db.sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE global_id = ?`).pluck();
    const variantGlobal = a.db.sqlite.prepare<[number], string>(`SELECT global_id FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck().get(v.variantId)!;
    const sold = services.sales.addVariant(signedIn, local.get(variantGlobal)!, 1);
    services.completeSale(signedIn, [{ method: 'card', amount: sold.totals.total, reference: 't' }], 'dl-sale-0002');
    expect((await pushOnce(n.db, opts())).applied).toBe(1);
  });

  it('refuses an initial upload into a store the cloud already holds, and changes nothing here', async () => {
    await initialUpload(a.db, a.clock, { serverUrl: cloud.url });
    await pushOnce(a.db, opts());
    const before = count(n.db.sqlite, 'sync_outbox');
    await expect(initialUpload(n.db, a.clock, { serverUrl: cloud.url })).rejects.toThrow(/already holds .* upload only goes into an empty store/);
    expect(count(n.db.sqlite, 'sync_outbox')).toBe(before);
  });
});
