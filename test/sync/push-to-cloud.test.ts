/**
 * A real register (SQLite, the write path, simulated sales) pushing to a
 * real cloud (Hono on PGlite, over HTTP on an ephemeral port): every
 * document acked once, the cloud stopped mid-push, a response lost after
 * the commit, an item corrupted on the wire, a revoked register. Nothing
 * lost, nothing doubled.
 */
import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore, revokeRegister } from '../../cloud/src/registry';
import { documents, sales } from '../../cloud/src/schema';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { simulateSales } from '../../src/main/sales/simulate';
import { pushOnce, SyncError } from '../../src/main/sync/push';
import { readSyncServer, registerDevice } from '../../src/main/sync/register-device';
import { fileVaultFor } from '../../src/main/sync/token-vault';
import { testStore, type TestStore } from '../store';

let cloudDb: OpenedCloudDb;
let cloud: CloudServer;
let t: TestStore;
let storeId: string;

beforeAll(async () => {
  cloudDb = await openCloudDb({});
});
afterAll(async () => {
  await cloudDb.close();
});
beforeEach(async () => {
  cloud = await startCloud({ db: cloudDb });
  t = await testStore(20, 3);
  storeId = await createStore(cloudDb.db, 'Tienda');
  await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(cloudDb.db, storeId) });
});
afterEach(async () => {
  await cloud.close();
  t.cleanup();
});

const one = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).pluck().get(...args) as number;
const unacked = () => one(`SELECT COUNT(*) FROM sync_outbox WHERE acked_at IS NULL`);
const total = () => one(`SELECT COUNT(*) FROM sync_outbox`);
const localSales = () => one(`SELECT COUNT(*) FROM sync_outbox WHERE type = 'sale.completed'`);
const cloudSales = async () => (await cloudDb.db.select({ n: count() }).from(sales).where(eq(sales.storeId, storeId)))[0]!.n;
const cloudDocuments = async () => (await cloudDb.db.select({ n: count() }).from(documents).where(eq(documents.storeId, storeId)))[0]!.n;

describe('pushing a register\'s outbox to the cloud', () => {
  it('registers with a one-time code, keeps the token in the 0600 file vault beside the database (not in SQLite), and remembers the server', () => {
    const token = fileVaultFor(t.db).get()!;
    expect(token).toMatch(new RegExp(`^${storeId}\\.`));
    expect(fs.statSync(`${t.file}.device-token`).mode & 0o777).toBe(0o600);
    expect(t.db.sqlite.prepare(`SELECT device_token FROM device_identity`).pluck().get()).toBeNull();
    // Not in the SQLite file's bytes (nor its WAL) at all.
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [t.file, `${t.file}-wal`].filter((x) => fs.existsSync(x))) {
      expect(fs.readFileSync(f).includes(token.split('.')[2]!)).toBe(false);
    }
    expect(readSyncServer(t.db)).toEqual({ serverUrl: cloud.url, storeId });
    // Not in the synced settings, not in any outbox document.
    expect(one(`SELECT COUNT(*) FROM sync_outbox WHERE payload LIKE ?`, `%${token.split('.')[2]}%`)).toBe(0);
  });

  it('acks every document once, in batches; the cloud holds each sale once', async () => {
    await simulateSales(t.services, { sales: 12, seed: 1 });
    const n = total();
    expect(localSales()).toBeGreaterThanOrEqual(12);
    const r = await pushOnce(t.db, { serverUrl: cloud.url, batchSize: 7 });
    expect(r).toMatchObject({ applied: n, duplicate: 0, rejected: 0, batches: Math.ceil(n / 7) });
    expect(unacked()).toBe(0);
    expect(await cloudSales()).toBe(localSales());
    // Nothing left: a second push sends nothing.
    expect(await pushOnce(t.db, { serverUrl: cloud.url })).toMatchObject({ applied: 0, duplicate: 0, rejected: 0, batches: 0 });
  });

  it('fails cleanly when the cloud dies mid-push, leaves the rest unacked, and finishes after the cloud restarts', async () => {
    await simulateSales(t.services, { sales: 15, seed: 2 });
    const n = total();
    let calls = 0;
    // The cloud stops right after answering the first batch.
    const dying: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++calls === 1) await cloud.close();
      return res;
    };
    const err = await pushOnce(t.db, { serverUrl: cloud.url, batchSize: 5, fetch: dying }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('network');
    expect(unacked()).toBe(n - 5);
    expect(one(`SELECT COUNT(*) FROM sync_outbox WHERE last_error IS NOT NULL`)).toBe(0);

    cloud = await startCloud({ db: cloudDb });
    const r = await pushOnce(t.db, { serverUrl: cloud.url, batchSize: 5 });
    expect(r).toMatchObject({ applied: n - 5, duplicate: 0, rejected: 0 });
    expect(unacked()).toBe(0);
    expect(await cloudSales()).toBe(localSales());
    expect(await cloudDocuments()).toBe(n);
  });

  it('applies nothing twice when the answer is lost after the cloud committed', async () => {
    await simulateSales(t.services, { sales: 6, seed: 4 });
    const n = total();
    const lossy: typeof fetch = async (input, init) => {
      await fetch(input, init);
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    };
    await expect(pushOnce(t.db, { serverUrl: cloud.url, fetch: lossy })).rejects.toMatchObject({ kind: 'network' });
    expect(unacked()).toBe(n);
    expect(await cloudSales()).toBe(localSales());
    const r = await pushOnce(t.db, { serverUrl: cloud.url });
    expect(r).toMatchObject({ applied: 0, duplicate: n, rejected: 0 });
    expect(unacked()).toBe(0);
    expect(await cloudSales()).toBe(localSales());
  });

  it('keeps a rejected document visible with its reason while the documents after it are acked', async () => {
    await simulateSales(t.services, { sales: 4, seed: 5 });
    const n = total();
    const victim = one(`SELECT seq FROM sync_outbox WHERE type = 'sale.completed' ORDER BY seq LIMIT 1`);
    // Corrupted on the wire: one document's total is no longer a number.
    const corrupting: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body)) as { documents: { seq: number; payload: Record<string, unknown> }[] };
      for (const d of body.documents) if (d.seq === victim) d.payload.total = 'lots';
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const r = await pushOnce(t.db, { serverUrl: cloud.url, fetch: corrupting });
    expect(r).toMatchObject({ applied: n - 1, rejected: 1 });
    expect(r.rejections[0]).toMatchObject({ seq: victim, reason: 'invalid' });
    const row = t.db.sqlite.prepare(`SELECT acked_at AS ackedAt, attempts, last_error AS lastError FROM sync_outbox WHERE seq = ?`).get(victim);
    expect(row).toMatchObject({ ackedAt: null, attempts: 1, lastError: expect.stringMatching(/^invalid: .*total/) });
    expect(unacked()).toBe(1);
    expect(await cloudSales()).toBe(localSales() - 1);
    // Pushed again (untouched now), the cloud answers the rejection it recorded; nothing is applied twice.
    const again = await pushOnce(t.db, { serverUrl: cloud.url });
    expect(again).toMatchObject({ applied: 0, duplicate: 0, rejected: 1 });
    expect(one(`SELECT attempts FROM sync_outbox WHERE seq = ?`, victim)).toBe(2);
  });

  it('stops with a clear reason when the register was revoked, and never puts the token in an error', async () => {
    await simulateSales(t.services, { sales: 2, seed: 6 });
    const registerId = t.services.device.identity().registerId;
    await revokeRegister(cloudDb.db, storeId, registerId, 'till sold');
    const err = (await pushOnce(t.db, { serverUrl: cloud.url }).catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('revoked');
    expect(err.message).toMatch(/revoked .*till sold/);
    const token = fileVaultFor(t.db).get()!;
    expect(err.message).not.toContain(token.split('.')[2]);
    const bad = (await pushOnce(t.db, { serverUrl: cloud.url, token: `${storeId}.${registerId}.${'x'.repeat(43)}` }).catch((e: unknown) => e)) as SyncError;
    expect(bad.kind).toBe('unauthorized');
    expect(unacked()).toBe(total());
  });
});
