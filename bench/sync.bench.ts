/**
 * Issue #9's sync figures, on loopback, with the cloud as its own OS process
 * (`npm run cloud`'s entry):
 *
 * - sync_push_10k_sales_s / sync_push_10k_sales_pglite_s: one register
 *   (SQLite, 10,000 sales of three lines and two payments queued through the
 *   till's write path) pushes its whole outbox with pushOnce to a cloud on
 *   PostgreSQL / on PGlite; from the first request to the last ack.
 * - cloud_sales_per_s / cloud_rss_mb: 50 simulated registers push sales
 *   concurrently (batches of 50) to one cloud process on PostgreSQL: sales
 *   applied per second from the first request to the last answer, and the
 *   cloud process's peak resident memory (VmHWM) over the run.
 * - ui_scan_during_sync_p95_ms: in Chromium against the browser preview,
 *   scans to painted cart lines while the preview's own sync loop pushes a
 *   10,000-sale queue to the cloud on PostgreSQL (only scans made while the
 *   push ran count; bench/ui.bench.ts measures the same way without a push).
 */
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { openCloudDb, type OpenedCloudDb } from '../cloud/src/db';
import { createRegistrationCode, createStore } from '../cloud/src/registry';
import { sales } from '../cloud/src/schema';
import { openDatabase } from '../src/main/db/open';
import { pushOnce } from '../src/main/sync/push';
import { registerDevice } from '../src/main/sync/register-device';
import { newGlobalId } from '../src/shared/ids';
import { startCloudProcess, type CloudProcess } from '../test/sync/cloud-process';
import type { BenchContext, Benchmark } from './lib/bench';
import { freshPostgres, registerWithQueuedSales, saleDocument } from './lib/sync-fixtures';
import { round } from './lib/stats';
import { scanDuringSync } from './lib/ui-sync';

/**
 * Per request. A busy machine has taken more than the register's 30 s to apply one batch of 500
 * (one transaction per document): the figure is the time to push everything, so it waits.
 */
const PUSH_TIMEOUT_MS = 180_000;
const FULL_SALES = 10_000;
const QUICK_SALES = 1_000;

async function storeWithCode(db: OpenedCloudDb, codes = 1): Promise<{ storeId: string; codes: string[] }> {
  const storeId = await createStore(db.db, 'Bench');
  const out: string[] = [];
  for (let i = 0; i < codes; i++) out.push(await createRegistrationCode(db.db, storeId));
  return { storeId, codes: out };
}

const salesIn = async (db: OpenedCloudDb, storeId: string) => (await db.db.select({ n: count() }).from(sales).where(eq(sales.storeId, storeId)))[0]!.n;

/** Registers a copy of `source` with a cloud process and times one pushOnce of its whole outbox. */
async function timePush(ctx: BenchContext, source: string, name: string, cloud: CloudProcess, admin: OpenedCloudDb | (() => Promise<OpenedCloudDb>), expected: number) {
  const file = path.join(ctx.tmpDir, `${name}.sqlite`);
  fs.copyFileSync(source, file);
  const { db } = openDatabase(file, { migrationsFolder: path.join(ctx.repoRoot, 'db', 'migrations') });
  try {
    const opened = typeof admin === 'function' ? await admin() : admin;
    const { storeId, codes } = await storeWithCode(opened);
    if (typeof admin === 'function') await opened.close();
    await registerDevice(db, { serverUrl: cloud.url, code: codes[0]! });
    const t0 = performance.now();
    const summary = await pushOnce(db, { serverUrl: cloud.url, timeoutMs: PUSH_TIMEOUT_MS });
    const seconds = (performance.now() - t0) / 1000;
    if (summary.rejected > 0 || summary.applied < expected) throw new Error(`${name}: the push applied ${summary.applied} and rejected ${summary.rejected} of ${expected}+ documents`);
    return { seconds, summary, storeId };
  } finally {
    db.close();
  }
}

async function loadFigures(ctx: BenchContext, databaseUrl: string) {
  const registers = 50;
  const perRegister = ctx.quick ? 40 : 400;
  const batch = 50;
  const cloud = await startCloudProcess({ databaseUrl });
  const admin = await openCloudDb({ databaseUrl, poolSize: 2 });
  try {
    const { storeId, codes } = await storeWithCode(admin, registers);
    const variants = Array.from({ length: 2_000 }, () => newGlobalId());
    // Registered and built before the clock starts: the figure is the cloud's, not the bench's JSON.
    // One at a time: registrations racing in one store can collide on the next free register code.
    const tills: { token: string; bodies: string[] }[] = [];
    for (const [r, code] of codes.entries()) {
      tills.push(
        await (async () => {
        const registerId = newGlobalId();
        const res = await fetch(new URL('/v1/register', cloud.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, registerId }) });
        if (!res.ok) throw new Error(`register ${r}: HTTP ${res.status} ${await res.text()}`);
        const { token, registerCode } = (await res.json()) as { token: string; registerCode: string };
        const bodies: string[] = [];
        for (let from = 1; from <= perRegister; from += batch) {
          const docs = Array.from({ length: Math.min(batch, perRegister - from + 1) }, (_, i) => saleDocument(registerId, registerCode, from + i, variants));
          bodies.push(JSON.stringify({ documents: docs }));
        }
        return { token, bodies };
        })(),
      );
    }
    ctx.log(`  ${registers} registers x ${perRegister} sales, batches of ${batch}, pushing...`);
    const t0 = performance.now();
    let applied = 0;
    await Promise.all(
      tills.map(async ({ token, bodies }) => {
        for (const body of bodies) {
          const res = await fetch(new URL('/v1/push', cloud.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
          const answer = (await res.json()) as { results?: { status: string }[] };
          if (!res.ok || !answer.results) throw new Error(`push failed: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
          applied += answer.results.filter((x) => x.status === 'applied').length;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const rss = cloud.peakRssMb();
    const total = registers * perRegister;
    if (applied !== total || (await salesIn(admin, storeId)) !== total) throw new Error(`load: ${applied} applied, expected ${total}`);
    ctx.record({
      name: 'cloud_sales_per_s',
      value: round(total / seconds, 0),
      unit: 'sales/s',
      note: `aim > 2000; ${registers} registers pushing ${total} sales (3 lines, 2 payments) concurrently to one cloud process on PostgreSQL in ${round(seconds, 1)} s${ctx.quick ? ' (quick run)' : ''}`,
    });
    if (rss !== null) ctx.record({ name: 'cloud_rss_mb', value: round(rss, 0), unit: 'MB', note: 'the cloud process\'s peak resident memory (VmHWM) during cloud_sales_per_s' });
  } finally {
    await admin.close();
    await cloud.stop();
  }
}

const syncBench: Benchmark = {
  title: 'sync: 10,000 sales pushed, 50 registers on one cloud, scanning while a push runs',
  async run(runner) {
    // Each figure shows on stderr as it is measured: the whole file takes many minutes.
    const ctx: BenchContext = { ...runner, record: (r) => (runner.log(`  ${r.name} = ${r.value} ${r.unit}`), runner.record(r)) };
    const salesCount = ctx.quick ? QUICK_SALES : FULL_SALES;
    const queued = path.join(ctx.tmpDir, 'queued.sqlite');
    const made = await registerWithQueuedSales(ctx, queued, 300, salesCount);
    ctx.log(`  ${salesCount} sales rung up through the write path in ${round(made.ms / 1000, 1)} s`);
    const note = `${salesCount} sales (3 lines, 2 payments, 3 movements each) queued in one register, pushOnce in batches of 500 to a cloud process`;

    const pgdb = await freshPostgres();
    if ('problem' in pgdb) {
      ctx.log(`  PostgreSQL figures skipped: ${pgdb.problem}`);
    } else {
      try {
        const cloud = await startCloudProcess({ databaseUrl: pgdb.url });
        const admin = await openCloudDb({ databaseUrl: pgdb.url, poolSize: 1 });
        try {
          const r = await timePush(ctx, queued, 'pg', cloud, admin, salesCount);
          if ((await salesIn(admin, r.storeId)) !== salesCount) throw new Error('the cloud does not hold every sale');
          ctx.record({ name: 'sync_push_10k_sales_s', value: round(r.seconds, 2), unit: 's', aimBelow: 20, note: `${note} on PostgreSQL; ${round(salesCount / r.seconds, 0)} sales/s${ctx.quick ? ' (quick run)' : ''}` });
        } finally {
          await admin.close();
          await cloud.stop();
        }
        // One figure failing (a browser missing, a slow push) leaves the others measured.
        await loadFigures(ctx, pgdb.url).catch((err: unknown) => ctx.log(`  cloud_sales_per_s FAILED: ${(err as Error).message}`));
        await scanDuringSync(ctx, queued, pgdb.url, salesCount).catch((err: unknown) => ctx.log(`  ui_scan_during_sync_p95_ms FAILED: ${(err as Error).message}`));
      } finally {
        await pgdb.drop();
      }
    }

    const dataDir = path.join(ctx.tmpDir, 'cloud-pglite');
    const admin = () => openCloudDb({ dataDir });
    // PGlite serves one process: the store and its code are made before the cloud process opens the folder.
    const prepared = await admin();
    const { codes } = await storeWithCode(prepared);
    await prepared.close();
    const cloud = await startCloudProcess({ dataDir });
    try {
      const file = path.join(ctx.tmpDir, 'pglite.sqlite');
      fs.copyFileSync(queued, file);
      const { db } = openDatabase(file, { migrationsFolder: path.join(ctx.repoRoot, 'db', 'migrations') });
      try {
        await registerDevice(db, { serverUrl: cloud.url, code: codes[0]! });
        const t0 = performance.now();
        const summary = await pushOnce(db, { serverUrl: cloud.url, timeoutMs: PUSH_TIMEOUT_MS });
        const seconds = (performance.now() - t0) / 1000;
        if (summary.rejected > 0 || summary.applied < salesCount) throw new Error(`pglite: applied ${summary.applied}, rejected ${summary.rejected}`);
        ctx.record({ name: 'sync_push_10k_sales_pglite_s', value: round(seconds, 2), unit: 's', aimBelow: 20, note: `${note} on PGlite; ${round(salesCount / seconds, 0)} sales/s${ctx.quick ? ' (quick run)' : ''}` });
      } finally {
        db.close();
      }
    } finally {
      await cloud.stop();
    }
  },
};

export default syncBench;
