/**
 * Fault injection, each fault its own test, on PGlite and on the machine's
 * PostgreSQL: a real register (SQLite, the write path, sales rung up through
 * the services) pushing over real HTTP to a real cloud, in this process or
 * as its own OS process (`npm run cloud`'s entry) when the fault is the
 * process dying. After each fault the register and the cloud are compared
 * by global id: every sale and movement the register holds as sent is in
 * the cloud once, nothing else is, every document is acked or shown as
 * refused, and the cloud's cursor stands at the register's last document.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCloudDb, type CloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore, revokeRegister } from '../../cloud/src/registry';
import { documents, sales } from '../../cloud/src/schema';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { cloudTargets, postgresProblem, type Target } from '../../cloud/test/targets';
import { createPrng } from '../../src/main/seed/prng';
import { createSyncEngine } from '../../src/main/sync/engine';
import { pushOnce, SyncError, type PushSummary } from '../../src/main/sync/push';
import { registerDevice } from '../../src/main/sync/register-device';
import { testStore, type TestStore } from '../store';
import { startCloudProcess, type CloudProcess } from './cloud-process';
import { startFaultProxy } from './fault-proxy';
import { cloudLedger, expectExactlyOnce, localLedger } from './ledger';

const ROOT = path.resolve(import.meta.dirname, '../..');
const targets = await cloudTargets();
const skippedPostgres = await postgresProblem;
if (skippedPostgres !== null) {
  describe.skip(`sync faults on postgres: SKIPPED, ${skippedPostgres}`, () => {
    it('runs every case below on PostgreSQL too', () => undefined);
  });
}

/** Sales of three lines and two payments, rung up through the till's services. */
function sell(t: TestStore, sales: number, from = 0): void {
  for (let i = from; i < from + sales; i++) {
    for (let l = 0; l < 3; l++) t.services.sales.addVariant(t.cashier, t.variant((i + l) % 5).variantId, 1);
    const total = t.services.sales.current().totals.total;
    const card = Math.floor(total / 2);
    t.services.completeSale(t.cashier, [{ method: 'card', amount: card, reference: `AUTH-${i}` }, { method: 'cash', amount: total - card }], `fault-sale-${String(i).padStart(6, '0')}`);
  }
}

/** Resolves when PGlite in `dataDir` next writes its write-ahead log (a commit: PGlite has no background writers). */
function walWritten(dataDir: string): Promise<void> {
  const wal = path.join(dataDir, 'pg_wal');
  // A segment may be renamed or recycled between the listing and the stat: it counts as not written.
  const mtime = (f: string) => fs.statSync(path.join(wal, f), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = () => Math.max(0, ...fs.readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f)).map(mtime));
  const before = newest();
  return new Promise((resolve) => {
    const giveUp = Date.now() + 30_000;
    const timer = setInterval(() => {
      if (newest() > before || Date.now() > giveUp) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
}

const storeDocuments = async (db: CloudDb, storeId: string) => (await db.select({ n: count() }).from(documents).where(eq(documents.storeId, storeId)))[0]!.n;

describe.each(targets)('sync faults on $name', ({ name, make }) => {
  let target: Target;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    target = await make();
  }, 60_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  async function register(): Promise<TestStore> {
    const t = await testStore(20, 3);
    cleanups.push(() => t.cleanup());
    return t;
  }

  /** A cloud in this process, over HTTP on a free port. */
  async function inProcessCloud(): Promise<{ cloud: CloudServer; db: OpenedCloudDb; storeId: string }> {
    const db = await target.open();
    const cloud = await startCloud({ db });
    cleanups.push(() => cloud.close());
    return { cloud, db, storeId: await createStore(db.db, 'Tienda') };
  }

  /**
   * Where a cloud process keeps its data: the file's PostgreSQL database, or
   * a PGlite folder of its own. PGlite serves one process, so `admin` (store,
   * codes, counting) runs only while no cloud process holds the folder.
   */
  function cloudHome() {
    const dataDir = name === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'pos-cloud-fault-')) : undefined;
    const processes: CloudProcess[] = [];
    cleanups.push(async () => {
      for (const p of processes) await p.kill();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return {
      dataDir,
      async admin<T>(work: (db: CloudDb) => Promise<T>): Promise<T> {
        if (!dataDir) return work((await target.open()).db);
        const opened = await openCloudDb({ dataDir });
        try {
          return await work(opened.db);
        } finally {
          await opened.close();
        }
      },
      async start(port = 0): Promise<CloudProcess> {
        const p = await startCloudProcess({ databaseUrl: target.databaseUrl, dataDir, port });
        processes.push(p);
        return p;
      },
    };
  }

  /**
   * PostgreSQL: holds, in an open transaction, a sale row with the id the document `seq` carries, so
   * the cloud's insert of that document waits on it; resolves once the documents before it have
   * committed and that insert is waiting. `release()` rolls the holding transaction back.
   */
  async function blockAt(t: TestStore, storeId: string, registerId: string, seq: number) {
    const pg = await target.open();
    const saleId = (JSON.parse(t.db.sqlite.prepare(`SELECT payload FROM sync_outbox WHERE seq = ?`).pluck().get(seq) as string) as { saleId: string }).saleId;
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    let holding: () => void = () => undefined;
    const held = new Promise<void>((r) => (holding = r));
    const tx = pg.db
      .transaction(async (tx) => {
        await tx.insert(sales).values({ storeId, saleId, registerId, invoiceNumber: 'HELD-BY-TEST', total: 0, completedAt: new Date(), seq: 0 });
        holding();
        await released;
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await held;
    const waiting = (async () => {
      const giveUp = Date.now() + 60_000;
      for (;;) {
        const result = (await pg.db.execute(sql`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as unknown as { rows: { n: number }[] };
        const [row] = result.rows;
        if ((row?.n ?? 0) > 0 && (await storeDocuments(pg.db, storeId)) === seq - 1) return;
        if (Date.now() > giveUp) throw new Error(`the cloud never reached document ${seq}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    return { waiting, release: async () => (release(), await tx) };
  }

  it('the cloud process is killed (SIGKILL) in the middle of a batch: the push fails, and after a restart resumes with every document once', async () => {
    const t = await register();
    const home = cloudHome();
    const { storeId, code } = await home.admin(async (db) => {
      const storeId = await createStore(db, 'Tienda');
      return { storeId, code: await createRegistrationCode(db, storeId) };
    });
    let cloud = await home.start();
    await registerDevice(t.db, { serverUrl: cloud.url, code });
    sell(t, 100);
    const registerId = t.services.device.identity().registerId;
    const n = localLedger(t.db.sqlite).unacked.length;
    const BATCH = 25;
    expect(t.db.sqlite.prepare(`SELECT type FROM sync_outbox WHERE seq = ?`).pluck().get(2 * BATCH + 6)).toBe('sale.completed');

    // The kill comes while the cloud commits the third batch. PostgreSQL: once the batch's first five
    // documents committed and the sixth waits on a row this test holds. PGlite (one process, no other
    // connection): as soon as its write-ahead log shows the batch's first commit.
    const block = name === 'postgres' ? await blockAt(t, storeId, registerId, 2 * BATCH + 6) : null;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const killDuringThirdBatch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++answered === 2) {
        void (block ? block.waiting : walWritten(home.dataDir!)).then(() => {
          killed = cloud.kill();
        });
      }
      return res;
    };
    const err = await pushOnce(t.db, { serverUrl: cloud.url, batchSize: BATCH, fetch: killDuringThirdBatch }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(killed, `the push ended before the kill: ${String(err)}`).not.toBeNull());
    await killed;
    await block?.release();
    expect(err, String(err)).toBeInstanceOf(SyncError);
    expect(['network', 'timeout']).toContain((err as SyncError).kind);
    expect(cloud.child.signalCode).toBe('SIGKILL');
    // The register recorded the two batches it was answered; the third stays queued, though the cloud committed part of it.
    const recorded = n - localLedger(t.db.sqlite).unacked.length;
    expect(recorded).toBe(2 * BATCH);
    const committed = await home.admin((db) => storeDocuments(db, storeId));
    if (block) expect(committed, 'the five documents before the held one').toBe(2 * BATCH + 5);
    expect(committed, 'killed in the middle of the third batch').toBeGreaterThan(2 * BATCH);
    expect(committed, 'killed in the middle of the third batch').toBeLessThan(3 * BATCH);

    cloud = await home.start();
    const resumed = await pushOnce(t.db, { serverUrl: cloud.url, batchSize: BATCH });
    // Exactly the documents the dead process had committed come back as duplicates; the rest apply now.
    expect(resumed).toMatchObject({ duplicate: committed - recorded, applied: n - committed, rejected: 0 });
    await cloud.stop();
    const local = localLedger(t.db.sqlite);
    expectExactlyOnce(local, await home.admin((db) => cloudLedger(db, storeId, registerId)));
  }, 120_000);

  it('the answer is lost after the cloud committed (the connection is cut as it answers): the retry applies nothing twice', async () => {
    const t = await register();
    const { cloud, db, storeId } = await inProcessCloud();
    await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) });
    sell(t, 40);
    const n = localLedger(t.db.sqlite).unacked.length;
    const proxy = await startFaultProxy(cloud.url);
    cleanups.push(() => proxy.close());
    proxy.mode = { kind: 'drop-response' };
    const err = await pushOnce(t.db, { serverUrl: proxy.url, batchSize: 25 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('network');
    expect(proxy.answers).toBe(1);
    // The cloud committed the first batch; the register never heard, so it keeps all of it queued.
    expect(await storeDocuments(db.db, storeId)).toBe(25);
    expect(localLedger(t.db.sqlite).unacked).toHaveLength(n);

    proxy.mode = { kind: 'pass' };
    const retry = await pushOnce(t.db, { serverUrl: proxy.url, batchSize: 25 });
    expect(retry).toMatchObject({ duplicate: 25, applied: n - 25, rejected: 0 });
    expectExactlyOnce(localLedger(t.db.sqlite), await cloudLedger(db.db, storeId, t.services.device.identity().registerId));
  });

  it('a request times out while the cloud commits it: the register gives up, and the retry finds it applied once', async () => {
    const t = await register();
    const { cloud, db, storeId } = await inProcessCloud();
    await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) });
    sell(t, 30);
    const n = localLedger(t.db.sqlite).unacked.length;
    const proxy = await startFaultProxy(cloud.url);
    cleanups.push(() => proxy.close());
    proxy.mode = { kind: 'delay-response', delayMs: 3_000 };
    const err = await pushOnce(t.db, { serverUrl: proxy.url, batchSize: 20, timeoutMs: 400 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('timeout');
    expect(localLedger(t.db.sqlite).unacked).toHaveLength(n);
    // The cloud went on and committed the batch the register stopped waiting for.
    await vi.waitFor(async () => expect(await storeDocuments(db.db, storeId)).toBe(20), { timeout: 10_000 });

    proxy.mode = { kind: 'pass' };
    const retry = await pushOnce(t.db, { serverUrl: proxy.url, batchSize: 20, timeoutMs: 10_000 });
    expect(retry).toMatchObject({ duplicate: 20, applied: n - 20, rejected: 0 });
    expectExactlyOnce(localLedger(t.db.sqlite), await cloudLedger(db.db, storeId, t.services.device.identity().registerId));
  });

  it('a malformed item and a conflicting item among good ones: both refused with reasons and kept visible, the good ones applied once', async () => {
    const t = await register();
    const { cloud, db, storeId } = await inProcessCloud();
    await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) });
    sell(t, 12);
    const saleSeqs = t.db.sqlite.prepare(`SELECT seq FROM sync_outbox WHERE type = 'sale.completed' ORDER BY seq`).pluck().all() as number[];
    const [first, malformed, conflicting] = [saleSeqs[1]!, saleSeqs[4]!, saleSeqs[8]!];
    // On the wire: one document's total stops being a number; another claims an earlier sale's id.
    const corrupting: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body)) as { documents: { seq: number; payload: Record<string, unknown> }[] };
      const firstSale = body.documents.find((d) => d.seq === first)?.payload.saleId;
      for (const d of body.documents) {
        if (d.seq === malformed) d.payload.total = 'lots';
        if (d.seq === conflicting && firstSale) d.payload.saleId = firstSale;
      }
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const r = await pushOnce(t.db, { serverUrl: cloud.url, fetch: corrupting });
    expect(r.rejections.map((x) => [x.seq, x.reason])).toEqual([
      [malformed, 'invalid'],
      [conflicting, 'conflict'],
    ]);
    expect(r.applied).toBe(localLedger(t.db.sqlite).lastSeq - 2);
    const rows = t.db.sqlite.prepare(`SELECT seq, last_error AS lastError FROM sync_outbox WHERE acked_at IS NULL ORDER BY seq`).all();
    expect(rows).toEqual([
      { seq: malformed, lastError: expect.stringMatching(/^invalid: .*total/) },
      { seq: conflicting, lastError: expect.stringMatching(/^conflict: /) },
    ]);

    // Retried as they are, the cloud answers the rejections it recorded; nothing is stored twice.
    const again = await pushOnce(t.db, { serverUrl: cloud.url });
    expect(again).toMatchObject({ applied: 0, duplicate: 0, rejected: 2 });
    expectExactlyOnce(localLedger(t.db.sqlite), await cloudLedger(db.db, storeId, t.services.device.identity().registerId), { rejected: 2 });
  });

  it('the register process is killed (SIGKILL) mid-sync, three times, and restarted: every document reaches the cloud once', async () => {
    const t = await register();
    const { cloud, db, storeId } = await inProcessCloud();
    await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) });
    sell(t, 60);
    const n = localLedger(t.db.sqlite).unacked.length;
    const prng = createPrng(9);
    const BATCH = 8;
    let duplicates = 0;
    for (let kill = 0; kill < 3; kill++) {
      const before = localLedger(t.db.sqlite).unacked.length;
      // Killed at its second or third answer, as the answer arrives or a little after it was recorded.
      const outcome = await runPushWorker(t.file, cloud.url, BATCH, { atAnswer: prng.int(2, 3), delayMs: prng.int(0, 15) });
      expect(outcome.killed, `worker ${kill} should have been killed mid-push`).toBe(true);
      const local = localLedger(t.db.sqlite);
      expect(t.db.sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(local.unacked.length).toBeLessThan(before);
      expect(local.unacked.length).toBeGreaterThan(0);
      // Whatever the register recorded as sent, the cloud has; the cloud may have more (answers never recorded).
      const cloudNow = await cloudLedger(db.db, storeId, local.registerId);
      expect(new Set(cloudNow.sales).size).toBe(cloudNow.sales.length);
      for (const id of local.ackedSales) expect(cloudNow.sales).toContain(id);
      expect(cloudNow.lastAppliedSeq - (n - local.unacked.length)).toBeLessThanOrEqual(BATCH);
    }
    const last = await runPushWorker(t.file, cloud.url, BATCH, null);
    expect(last.killed).toBe(false);
    duplicates += last.summary!.duplicate;
    expect(duplicates).toBeLessThanOrEqual(BATCH);
    expectExactlyOnce(localLedger(t.db.sqlite), await cloudLedger(db.db, storeId, t.services.device.identity().registerId));
  }, 120_000);

  it('the register\'s token is revoked: pushing stops with the reason, the till keeps selling, and nothing is acked or applied after', async () => {
    const t = await register();
    const { cloud, db, storeId } = await inProcessCloud();
    await registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) });
    const registerId = t.services.device.identity().registerId;
    sell(t, 10);
    await pushOnce(t.db, { serverUrl: cloud.url });
    const sent = localLedger(t.db.sqlite);
    expect(sent.unacked).toEqual([]);

    await revokeRegister(db.db, storeId, registerId, 'till reported stolen');
    sell(t, 5, 10);
    const err = (await pushOnce(t.db, { serverUrl: cloud.url }).catch((e: unknown) => e)) as SyncError;
    expect(err).toBeInstanceOf(SyncError);
    expect(err.kind).toBe('revoked');
    expect(err.message).toMatch(/till reported stolen/);
    const after = localLedger(t.db.sqlite);
    expect(after.unacked).toHaveLength(5);
    expect(after.rejected).toEqual([]);
    expect(after.ackedSales).toEqual(sent.ackedSales);
    const inCloud = await cloudLedger(db.db, storeId, registerId);
    expect([...inCloud.sales].sort()).toEqual([...sent.ackedSales].sort());
    expect(inCloud.lastAppliedSeq).toBe(sent.lastSeq);
    // A revoked register cannot take a new code either.
    await expect(registerDevice(t.db, { serverUrl: cloud.url, code: await createRegistrationCode(db.db, storeId) })).rejects.toMatchObject({ kind: 'revoked' });
    expect(localLedger(t.db.sqlite).unacked).toHaveLength(5);
  });

  it('the cloud process restarts (SIGTERM, then started again on its port) while the sync loop pushes: the loop reports offline, then drains the queue', async () => {
    const t = await register();
    const home = cloudHome();
    const { storeId, code } = await home.admin(async (db) => {
      const storeId = await createStore(db, 'Tienda');
      return { storeId, code: await createRegistrationCode(db, storeId) };
    });
    let cloud = await home.start();
    await registerDevice(t.db, { serverUrl: cloud.url, code });
    const engine = createSyncEngine({ db: t.db, clock: t.clock, pending: () => t.services.outboxPending(), intervalMs: 50, nudgeMs: 10, backoff: { baseMs: 50, capMs: 300 } });
    cleanups.push(() => engine.stop());
    sell(t, 40);
    engine.start();
    // Stopped while the loop's first round (40 sales to send) is at work.
    const port = cloud.port;
    await cloud.stop();
    sell(t, 20, 40);
    engine.nudge();
    await vi.waitFor(() => expect(engine.status()).toMatchObject({ state: 'offline', lastError: { code: 'network' } }), { timeout: 10_000 });
    expect(engine.status().pending).toBeGreaterThanOrEqual(20);

    cloud = await home.start(port);
    await vi.waitFor(() => expect(engine.status()).toMatchObject({ state: 'online', pending: 0, lastError: null }), { timeout: 20_000, interval: 50 });
    await engine.stop();
    await cloud.stop();
    const registerId = t.services.device.identity().registerId;
    expectExactlyOnce(localLedger(t.db.sqlite), await home.admin((db) => cloudLedger(db, storeId, registerId)));
  }, 120_000);
});

/** Runs test/sync/push-worker.ts on the register's file; kills it with SIGKILL `delayMs` after its `atAnswer`-th answer. */
function runPushWorker(
  file: string,
  serverUrl: string,
  batch: number,
  kill: { atAnswer: number; delayMs: number } | null,
): Promise<{ killed: boolean; summary: PushSummary | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/sync/push-worker.ts'), file, serverUrl, String(batch)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let summary: PushSummary | null = null;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, rest] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (word === 'ANSWER' && kill && Number(rest) === kill.atAnswer) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      if (word === 'DONE') summary = JSON.parse(rest) as PushSummary;
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, summary });
      else if (code === 0) resolve({ killed: false, summary });
      else reject(new Error(`push worker exited ${code}: ${stderr}`));
    });
  });
}
