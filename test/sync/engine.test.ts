/**
 * The sync loop against a real cloud (Hono on PGlite over HTTP on an
 * ephemeral port) and a real register (SQLite, the write path, simulated
 * sales). Only the waits between rounds are faked: the test sees every delay
 * the engine asked for and lets it go on at once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCloudDb, type OpenedCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore, revokeRegister } from '../../cloud/src/registry';
import { startCloud, type CloudServer } from '../../cloud/src/server';
import { simulateSales } from '../../src/main/sales/simulate';
import { createSyncEngine, type Sleep, type SyncEngine } from '../../src/main/sync/engine';
import { registerDevice } from '../../src/main/sync/register-device';
import { fileVaultFor } from '../../src/main/sync/token-vault';
import { testStore, type TestStore } from '../store';

let cloudDb: OpenedCloudDb;
let cloud: CloudServer;
let t: TestStore;
let storeId: string;
const engines: SyncEngine[] = [];

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
  for (const e of engines.splice(0)) await e.stop();
  await cloud.close();
  t.cleanup();
});

const INTERVAL = 15_000;

/** Records each wait and lets the loop go on after a real tick (never a busy loop in the test either). */
function fakeSleep() {
  const waits: number[] = [];
  const sleep: Sleep = (ms, signal) => {
    waits.push(ms);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 5);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
  return { waits, sleep };
}

function engine(options: Partial<Parameters<typeof createSyncEngine>[0]> = {}) {
  const e = createSyncEngine({
    db: t.db,
    clock: t.clock,
    pending: () => t.services.outboxPending(),
    intervalMs: INTERVAL,
    backoff: { random: () => 0.5 },
    ...options,
  });
  engines.push(e);
  return e;
}

const one = (sql: string) => t.db.sqlite.prepare(sql).pluck().get() as number;

/** Rounds against a real cloud take seconds on a busy machine; waitFor's default (1 s) is for DOM updates. */
const WAIT = { timeout: 30_000, interval: 20 };

describe('the sync engine', () => {
  it('is not configured without a server and a token, and runs no round', async () => {
    fileVaultFor(t.db).clear();
    const e = engine();
    expect(e.configured()).toBe(false);
    expect(await e.runNow()).toEqual({ ok: false, notConfigured: true });
    expect(e.status()).toMatchObject({ state: 'not_configured', lastSyncAt: null, lastError: null, rejected: 0 });
    expect(e.status().pending).toBe(t.services.outboxPending());
  });

  it('moves a token an older version left in device_identity into the vault, and syncs with it', async () => {
    const vault = fileVaultFor(t.db);
    const token = vault.get()!;
    vault.clear();
    t.db.sqlite.prepare(`UPDATE device_identity SET device_token = ?`).run(token);
    await simulateSales(t.services, { sales: 1, seed: 4 });
    const e = engine();
    expect(await e.runNow()).toMatchObject({ ok: true });
    expect(t.db.sqlite.prepare(`SELECT device_token FROM device_identity`).pluck().get()).toBeNull();
    expect(vault.get()).toBe(token);
    expect(e.status()).toMatchObject({ state: 'online', pending: 0 });
  });

  it('reports an unreadable token as an error of the round, not a crash', async () => {
    const e = engine({ vault: { get: () => { throw new Error('cannot decrypt'); }, set: () => {}, clear: () => {} } });
    expect(e.configured()).toBe(false);
    expect(await e.runNow()).toEqual({ ok: false, error: { code: 'token', message: 'the device token cannot be read: cannot decrypt' } });
    expect(e.status()).toMatchObject({ state: 'error', lastError: { code: 'token' } });
  });

  it('syncs a sale, then reports online with nothing pending and the time of the round; waits the interval between rounds', async () => {
    await simulateSales(t.services, { sales: 3, seed: 1 });
    expect(t.services.outboxPending()).toBeGreaterThan(0);
    const { waits, sleep } = fakeSleep();
    const e = engine({ sleep });
    e.start();
    await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(2), WAIT);
    await e.stop();
    expect(e.running).toBe(false);
    expect(waits.every((w) => w === INTERVAL)).toBe(true);
    expect(e.status()).toEqual({ state: 'online', pending: 0, lastSyncAt: t.clock.now().toISOString(), lastError: null, rejected: 0 });
    expect(one(`SELECT COUNT(*) FROM sync_outbox WHERE acked_at IS NULL`)).toBe(0);
    // The last good round survives a restart of the app.
    expect(engine().status().lastSyncAt).toBe(t.clock.now().toISOString());
  });

  it('reports offline while the cloud is down, retries with growing delays, and drains the queue once the cloud is back', async () => {
    await simulateSales(t.services, { sales: 4, seed: 2 });
    const queued = t.services.outboxPending();
    const port = cloud.port;
    await cloud.close();
    const { waits, sleep } = fakeSleep();
    const e = engine({ sleep });
    e.start();
    await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(5), WAIT);
    expect(e.status()).toMatchObject({ pending: queued, lastSyncAt: null, lastError: { code: 'network' } });
    expect(['offline', 'syncing']).toContain(e.status().state);
    // Full jitter (the random source pinned at one half) under a ceiling that doubles: 1 s, 2 s, 4 s, 8 s, 16 s...
    expect(waits.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);

    cloud = await startCloud({ db: cloudDb, port });
    await vi.waitFor(() => expect(e.status()).toMatchObject({ state: 'online', pending: 0, lastError: null }), WAIT);
    await e.stop();
    // After the good round it waits the interval again, not a backoff.
    expect(waits.at(-1)).toBe(INTERVAL);
  });

  it('says the register was revoked, with the reason, and keeps the queue', async () => {
    await simulateSales(t.services, { sales: 2, seed: 6 });
    await revokeRegister(cloudDb.db, storeId, t.services.device.identity().registerId, 'till stolen');
    const e = engine();
    const result = await e.runNow();
    expect(result).toMatchObject({ ok: false, error: { code: 'revoked' } });
    const status = e.status();
    expect(status.state).toBe('error');
    expect(status.lastError?.message).toMatch(/till stolen/);
    expect(status.pending).toBe(t.services.outboxPending());
    expect(status.pending).toBeGreaterThan(0);
  });

  it('counts and lists the documents the cloud refused', async () => {
    await simulateSales(t.services, { sales: 3, seed: 5 });
    const victim = one(`SELECT seq FROM sync_outbox WHERE type = 'sale.completed' ORDER BY seq LIMIT 1`);
    const corrupting: typeof fetch = (input, init) => {
      if (!init?.body) return fetch(input, init);
      const body = JSON.parse(String(init.body)) as { documents: { seq: number; payload: Record<string, unknown> }[] };
      for (const d of body.documents) if (d.seq === victim) d.payload.total = 'lots';
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const e = engine({ fetch: corrupting });
    expect(await e.runNow()).toMatchObject({ ok: true, push: { rejected: 1 } });
    expect(e.status()).toMatchObject({ state: 'online', rejected: 1, lastError: null });
    expect(e.rejectedDocuments()).toEqual([{ seq: victim, type: 'sale.completed', lastError: expect.stringMatching(/^invalid: /), attempts: 1, createdAt: expect.any(String) }]);
  });

  it('a nudge (a sale just completed) shortens the wait after a good round, and a burst makes one round', async () => {
    const waits: number[] = [];
    // The interval waits until aborted; the nudge's short wait passes at once.
    const sleep: Sleep = (ms, signal) => {
      waits.push(ms);
      return ms === INTERVAL ? new Promise((resolve) => signal.addEventListener('abort', () => resolve())) : Promise.resolve();
    };
    const e = engine({ sleep, nudgeMs: 250 });
    e.start();
    await vi.waitFor(() => expect(waits).toEqual([INTERVAL]), WAIT);
    await simulateSales(t.services, { sales: 1, seed: 8 });
    expect(t.services.outboxPending()).toBeGreaterThan(0);
    e.nudge();
    e.nudge();
    await vi.waitFor(() => expect(waits.filter((w) => w === INTERVAL)).toHaveLength(2), WAIT);
    expect(waits).toEqual([INTERVAL, 250, 250, INTERVAL]);
    expect(t.services.outboxPending()).toBe(0);
    await e.stop();
  });

  it('never runs two rounds at once, and stop() waits for the running round', async () => {
    await simulateSales(t.services, { sales: 2, seed: 7 });
    let requests = 0;
    let inFlight = 0;
    let most = 0;
    const slow: typeof fetch = async (input, init) => {
      requests++;
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 30));
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const { sleep } = fakeSleep();
    const e = engine({ fetch: slow, sleep });
    e.start();
    const [a, b] = [e.runNow(), e.runNow()];
    expect(a).toBe(b);
    expect(e.status().state).toBe('syncing');
    await e.stop();
    expect(most).toBe(1);
    expect(e.running).toBe(false);
    expect(e.status().state).toBe('online');
    expect(t.services.outboxPending()).toBe(0);
    const after = requests;
    await new Promise((r) => setTimeout(r, 50));
    expect(requests).toBe(after);
  });
});
