/**
 * `window.pos` for renderer tests, over the real thing: main's router and
 * services on a temporary, migrated SQLite store seeded with a small
 * deterministic demo (test/store.ts's seed), behind the typed API the
 * preload builds (`buildPosApi`). Inputs and outputs cross as JSON, as over
 * IPC or the web bridge. Every call is recorded (channel and input) so tests
 * can say what the screen sent.
 *
 * The seeded store is built once per test file and written out afresh for
 * each test (a new file each time: no state leaks between tests). Inside a
 * test the store is closed and removed when the test ends; from a hook, call
 * cleanup().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { MIGRATIONS, manualClock } from '../../../test/db';
import { openDatabase, type PosDb } from '../../main/db/open';
import { createRouter, type Router } from '../../main/ipc/router';
import { newSessionState, type SessionState } from '../../main/ipc/session-state';
import { simulateSales } from '../../main/sales/simulate';
import { seedDemo } from '../../main/seed/demo-seed';
import { DEMO_STAFF } from '../../main/seed/demo-staff';
import { createServices, type Services } from '../../main/services';
import { createTillPresence, isTillActivity } from '../../main/updater/till-probe';
import type { UpdateEngine } from '../../main/updater/update-controller';
import type { Result } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import { buildPosApi, type PosApi } from '../../shared/ipc/api';
import { channelName } from '../../shared/ipc/channels';
import type { AppStatus, StaffSummary, StoreSettings } from '../../shared/ipc/dto';
import type { SellableVariant } from '../../shared/ipc/dto-sales';
import { nodeFetch } from './node-fetch';

export type DemoUsername = 'admin' | 'manager' | 'cashier' | 'cashier2';
export type Call = { channel: string; input: unknown };

export interface RealPosOptions {
  /** Signed in (through session.login, with the demo PIN) as this demo user; nobody by default. */
  as?: DemoUsername;
  /** A new store: migrations only, no staff and no catalog (the first-run screen). */
  empty?: boolean;
  /** Products in the demo seed (default 20). */
  products?: number;
  /** Store settings over the demo's, saved through the settings service before the test. */
  settings?: Partial<StoreSettings>;
  /** What app.status says about the app (default: version "test", the browser preview). */
  app?: Partial<Pick<AppStatus, 'version' | 'shell'>>;
  /** Clock start (ISO); the clock only moves when the test moves it. */
  now?: string;
  /** How main's sync engine reaches the cloud (default: nodeFetch); a test may wrap it to corrupt or drop requests. */
  syncFetch?: typeof globalThis.fetch;
  /** electron-updater's updater for main's update policy (test/update-feed.ts); none: the shell does not update itself. */
  updateEngine?: UpdateEngine;
}

export interface DemoUser extends StaffSummary {
  username: DemoUsername;
  pin: string;
}

export interface RealPos {
  api: PosApi;
  /** Every call the screen made, in order. */
  calls: Call[];
  services: Services;
  db: PosDb;
  router: Router;
  /** The session main keeps for this client. */
  session: SessionState;
  clock: ReturnType<typeof manualClock>;
  /** The demo staff as seeded (id, name, role, username, PIN). */
  staff: Record<DemoUsername, DemoUser>;
  /** What main answers now on a channel (`domain.action`), for the signed-in session; not recorded as the screen's call. */
  ask<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** A sellable variant as main describes it. */
  variant(variantId: number): SellableVariant;
  /** Active variants with at least `minStock` units, by id. */
  stocked(minStock?: number): SellableVariant[];
  /** Sets a variant's stock on hand (a stock count in the movement ledger, as the setup of a test). */
  setStock(variantId: number, units: number): void;
  /** Completes `sales` simulated sales through main's services (outbox documents to sync), as the setup of a test. */
  simulateSales(sales: number, seed?: number): Promise<void>;
  cleanup(): void;
}

const DEFAULT_PRODUCTS = 20;
const SEED = 11;
const START = '2026-11-25T10:00:00.000Z';

/** Seeded stores of this test file, by shape: built once, kept in memory, written out for each test. */
const templates = new Map<string, Promise<Buffer>>();

function template(empty: boolean, products: number): Promise<Buffer> {
  const key = empty ? 'empty' : `demo:${products}`;
  let made = templates.get(key);
  if (!made) {
    made = (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-renderer-template-'));
      try {
        const clock = manualClock(START);
        const { db } = openDatabase(path.join(dir, 'template.sqlite'), { migrationsFolder: MIGRATIONS, clock });
        // A register named R01, as the demo store's is.
        db.sqlite.prepare(`UPDATE device_identity SET register_code = 'R01' WHERE id = 1`).run();
        if (!empty) await seedDemo(db, { products, seed: SEED, clock });
        db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const image = db.sqlite.serialize();
        db.close();
        return image;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    templates.set(key, made);
  }
  return made;
}

/** JSON in and out, as over IPC or the bridge: no shared objects between the screen and main. */
const overTheWire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export async function createRealPos(options: RealPosOptions = {}): Promise<RealPos> {
  const image = await template(options.empty ?? false, options.products ?? DEFAULT_PRODUCTS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-renderer-'));
  const file = path.join(dir, 'pos.sqlite');
  fs.writeFileSync(file, image);
  const clock = manualClock(options.now ?? START);
  const { db } = openDatabase(file, { migrationsFolder: MIGRATIONS, clock });
  // Main's sync engine (never started here: tests run its rounds) reaches a cloud the way main does, not through happy-dom's fetch.
  // Who is at the till, as the app's IPC knows it: the update policy waits for a quiet till.
  const presence = createTillPresence();
  const session = newSessionState();
  presence.setSignedIn(() => session.current !== null);
  const services = createServices(
    db,
    { version: options.app?.version ?? 'test', shell: options.app?.shell ?? 'web' },
    clock,
    { fetch: options.syncFetch ?? nodeFetch },
    { engine: options.updateEngine ?? null, presence },
  );
  const router = createRouter(services, {
    log: (entry) => {
      if (isTillActivity(entry.channel)) presence.touch(clock.now().getTime());
      // As without a log: a bug still reaches the console.
      if (entry.error !== undefined) console.error('[ipc] internal error', entry.channel, entry.error);
    },
  });
  const calls: Call[] = [];

  if (options.settings) services.settings.updateStore(options.settings);

  const byUsername = new Map(services.staff.list({ includeInactive: true }).map((u) => [u.username, u]));
  const staff = Object.fromEntries(
    DEMO_STAFF.filter((u) => byUsername.has(u.username)).map((u) => {
      const row = byUsername.get(u.username)!;
      return [u.username, { id: row.id, displayName: row.displayName, role: row.role, username: u.username, pin: u.pin }];
    }),
  ) as Record<DemoUsername, DemoUser>;

  if (options.as) {
    const user = staff[options.as];
    if (!user) throw new Error(`the demo store has no ${options.as}`);
    const signed = await router.call(channelName('session', 'login'), { userId: user.id, pin: user.pin }, session);
    if (!signed.ok) throw new Error(`could not sign in as ${options.as}: ${signed.error.message}`);
  }

  const api = buildPosApi(async (channel, input): Promise<Result<unknown>> => {
    // Recorded as `domain.action` (the wire name without its "pos:" prefix).
    calls.push({ channel: channel.replace(/^pos:/, ''), input: overTheWire(input) });
    return overTheWire(await router.call(channel, overTheWire(input), session));
  });

  const variantIds = db.sqlite.prepare<[minStock: number], number>(
    `SELECT v.idcolorxtalla FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto
     WHERE v.inventario >= ? AND p.active = 1 ORDER BY v.idcolorxtalla`,
  );
  // Stock on hand follows the movement ledger: a count records the difference.
  const countStock = db.sqlite.prepare<[globalId: string, variantId: number, quantity: number, occurredAt: string]>(
    `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, note, occurred_at)
     VALUES (?, ?, ?, 'count', NULL, NULL, 'test setup', ?)`,
  );

  let closed = false;
  const pos: RealPos = {
    api,
    calls,
    services,
    db,
    router,
    session,
    clock,
    staff,
    async ask<T>(channel: string, input: unknown = {}) {
      const [domain = '', action = ''] = channel.split('.');
      const result = await router.call(channelName(domain, action), overTheWire(input), session);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return overTheWire(result.value) as T;
    },
    variant: (variantId) => services.catalog.variant(variantId),
    stocked: (minStock = 5) => variantIds.pluck().all(minStock).map((id) => services.catalog.variant(id)),
    setStock(variantId, units) {
      const delta = units - services.catalog.variant(variantId).stock;
      if (delta !== 0) countStock.run(newGlobalId(), variantId, delta, clock.now().toISOString());
    },
    async simulateSales(sales, seed = 1) {
      await simulateSales(services, { sales, seed });
    },
    cleanup() {
      if (closed) return;
      closed = true;
      services.updates.stop();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    onTestFinished(() => pos.cleanup());
  } catch {
    // Outside a test (a hook): the caller cleans up.
  }
  return pos;
}

/** The calls made on one channel, their inputs in order. */
export const callsOf = (calls: readonly Call[], channel: string): unknown[] => calls.filter((c) => c.channel === channel).map((c) => c.input);
