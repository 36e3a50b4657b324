/**
 * The sync loop of a register (plain Node: the app, the browser preview and
 * tests run the same code). When the register has a server (app_settings
 * `sync.server`, written by registerDevice) and a device token, each round
 * pushes the outbox, then pulls the other registers' documents.
 *
 * - After a good round it waits `intervalMs` (15 s); `nudge()` (a sale just
 *   committed) shortens that wait to `nudgeMs`, never a backoff wait.
 * - After a failed round it waits backoffDelay(failures - 1) (exponential,
 *   full jitter, capped at 5 min): no busy loop, registers that lost the
 *   cloud together do not come back in lock-step.
 * - Never two rounds at once: `runNow()` during a round answers that round.
 * - `stop()` ends the wait at once and awaits the running round.
 *
 * Its status: not_configured, syncing, online (the last round succeeded),
 * offline (the cloud could not be reached) or error (the cloud answered but
 * refused: token revoked or unknown, a document that cannot be applied...),
 * with the outbox length, the last fully successful round, the last error and
 * the number of rejected documents (unacked rows with last_error).
 * Configuration is read again before every round, so a register registered
 * while the app runs starts syncing at its next round.
 */
import type { Clock } from '../db/clock';
import type { PosDb } from '../db/open';
import { backoffDelay, type BackoffOptions } from './backoff';
import { checkConvergence, type ConvergenceResult } from './checksum';
import { pullOnce, type PullSummary } from './pull';
import { pushOnce, SyncError, type PushSummary } from './push';
import { readSyncServer } from './register-device';
import { fileVaultFor, readDeviceToken, type TokenVault } from './token-vault';

export type EngineState = 'not_configured' | 'online' | 'offline' | 'syncing' | 'error';

export interface SyncErrorInfo {
  /** A SyncError kind (network, timeout, revoked, unauthorized, server, bad_response, apply_failed, not_registered), `token` (the vault cannot be read) or `internal`. */
  code: string;
  message: string;
}

export interface EngineStatus {
  state: EngineState;
  pending: number;
  lastSyncAt: string | null;
  lastError: SyncErrorInfo | null;
  rejected: number;
}

export interface RejectedDocument {
  seq: number;
  type: string;
  lastError: string;
  attempts: number;
  createdAt: string;
}

export type RoundResult =
  | { ok: true; push: PushSummary; pull: PullSummary }
  | { ok: false; notConfigured: true }
  | { ok: false; notConfigured?: false; error: SyncErrorInfo };

/** Waits `ms`, or less when `signal` aborts; never rejects. Tests inject one. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface SyncEngineOptions {
  db: PosDb;
  clock: Clock;
  /** Outbox documents the cloud has not acknowledged yet. */
  pending: () => number;
  intervalMs?: number;
  nudgeMs?: number;
  backoff?: BackoffOptions;
  sleep?: Sleep;
  fetch?: typeof globalThis.fetch;
  /** Per request. */
  timeoutMs?: number;
  /** Where the device token is kept (default: the file vault beside the database; the app passes its safeStorage vault). */
  vault?: TokenVault;
  /** Told after each round (for logs). */
  onRound?: (result: RoundResult, status: EngineStatus) => void;
  /** Told which document types changed this database from the cloud (settings, tax rates kept in memory refresh). */
  onApplied?: (types: ReadonlySet<string>) => void;
}

export interface SyncEngine {
  /** A server and a device token are set. */
  configured(): boolean;
  status(): EngineStatus;
  /** Outbox rows the cloud refused (they stay unacked, with the reason), oldest first. */
  rejectedDocuments(limit?: number): RejectedDocument[];
  /** Starts the loop (idempotent). */
  start(): void;
  /** The convergence check against the cloud (after a full sync; says when documents still wait). */
  checkConvergence(): Promise<ConvergenceResult>;
  /** Ends the loop: the wait at once, the running round awaited. */
  stop(): Promise<void>;
  /** A document was just written: sync soon (not during a backoff wait). */
  nudge(): void;
  /** One round now (or the one running); usable without start(). */
  runNow(): Promise<RoundResult>;
  readonly running: boolean;
}

export const SYNC_INTERVAL_MS = 15_000;
export const SYNC_NUDGE_MS = 1_000;
const LAST_SYNC_KEY = 'sync.lastSyncAt';

/** Unreachable, timed out, or a gateway/unavailable answer: the register is offline. */
const OFFLINE_KINDS = new Set(['network', 'timeout']);
const isOffline = (e: SyncError) => OFFLINE_KINDS.has(e.kind) || (e.kind === 'server' && (e.status === 502 || e.status === 503 || e.status === 504));

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    // A waiting engine never keeps the process alive.
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { sqlite } = options.db;
  const intervalMs = options.intervalMs ?? SYNC_INTERVAL_MS;
  const nudgeMs = options.nudgeMs ?? SYNC_NUDGE_MS;
  const sleep = options.sleep ?? defaultSleep;

  let vault = options.vault;
  // A token still in device_identity moves into the vault on first use (readDeviceToken).
  // An unreadable vault (e.g. safeStorage cannot decrypt) is an error of the round, never a throw from status().
  let tokenError: string | null = null;
  const tokenOf = () => {
    try {
      const token = readDeviceToken(options.db, (vault ??= fileVaultFor(options.db)));
      tokenError = null;
      return token;
    } catch (err) {
      tokenError = `the device token cannot be read: ${(err as Error).message}`;
      return null;
    }
  };
  const registerOf = sqlite.prepare<[], string>(`SELECT register_id FROM device_identity WHERE id = 1`).pluck();
  const rejectedCount = sqlite
    .prepare<[string], number>(`SELECT COUNT(*) FROM sync_outbox WHERE register_id = ? AND acked_at IS NULL AND last_error IS NOT NULL`)
    .pluck();
  const rejectedRows = sqlite.prepare<[string, number], RejectedDocument>(
    `SELECT seq, type, last_error AS lastError, attempts, created_at AS createdAt FROM sync_outbox
     WHERE register_id = ? AND acked_at IS NULL AND last_error IS NOT NULL ORDER BY seq LIMIT ?`,
  );
  const readSetting = sqlite.prepare<[string], string>(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const writeSetting = sqlite.prepare<[string, string, string]>(
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  const config = (): { serverUrl: string; token: string } | null => {
    const server = readSyncServer(options.db);
    if (!server) {
      tokenError = null;
      return null;
    }
    const token = tokenOf();
    return server && token ? { serverUrl: server.serverUrl, token } : null;
  };

  // Kept across restarts (local to this till, never synced).
  let lastSyncAt: string | null = readSetting.get(LAST_SYNC_KEY) ?? null;
  let lastError: SyncErrorInfo | null = null;
  let lastState: Exclude<EngineState, 'syncing' | 'not_configured'> | null = null;
  let current: Promise<RoundResult> | null = null;
  let failures = 0;
  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: AbortController | null = null;
  let waitingForBackoff = false;

  const status = (): EngineStatus => {
    const registerId = registerOf.get() ?? '';
    const configured = config() !== null || tokenError !== null;
    const state: EngineState = !configured ? 'not_configured' : current ? 'syncing' : (lastState ?? 'offline');
    return { state, pending: options.pending(), lastSyncAt, lastError: configured ? lastError : null, rejected: rejectedCount.get(registerId) ?? 0 };
  };

  const round = async (): Promise<RoundResult> => {
    const cfg = config();
    if (!cfg && tokenError) {
      failures++;
      lastError = { code: 'token', message: tokenError };
      lastState = 'error';
      return { ok: false, error: lastError };
    }
    if (!cfg) return { ok: false, notConfigured: true };
    const request = { serverUrl: cfg.serverUrl, token: cfg.token, now: () => options.clock.now(), ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.onApplied ? { onApplied: options.onApplied } : {}) };
    try {
      const push = await pushOnce(options.db, request);
      const pull = await pullOnce(options.db, request);
      lastSyncAt = options.clock.now().toISOString();
      writeSetting.run(LAST_SYNC_KEY, lastSyncAt, lastSyncAt);
      lastError = null;
      lastState = 'online';
      failures = 0;
      return { ok: true, push, pull };
    } catch (err) {
      failures++;
      if (err instanceof SyncError) {
        lastError = { code: err.kind, message: err.message };
        lastState = isOffline(err) ? 'offline' : 'error';
      } else {
        lastError = { code: 'internal', message: (err as Error).message };
        lastState = 'error';
      }
      return { ok: false, error: lastError };
    }
  };

  const runNow = (): Promise<RoundResult> => {
    if (current) return current;
    current = round().finally(() => {
      current = null;
    });
    const mine = current;
    void mine.then((result) => options.onRound?.(result, status()));
    return mine;
  };

  const run = async () => {
    while (!stopping) {
      const result = await runNow();
      if (stopping) break;
      waitingForBackoff = !result.ok && !result.notConfigured;
      const delay = waitingForBackoff ? backoffDelay(failures - 1, options.backoff) : intervalMs;
      wake = new AbortController();
      await sleep(delay, wake.signal);
      wake = null;
    }
  };

  return {
    configured: () => config() !== null,
    status,
    rejectedDocuments: (limit = 100) => rejectedRows.all(registerOf.get() ?? '', limit),
    async checkConvergence() {
      const cfg = config();
      if (!cfg) throw new SyncError('not_registered', tokenError ?? 'this register is not registered with a cloud yet');
      return checkConvergence(options.db, { serverUrl: cfg.serverUrl, token: cfg.token, ...(options.fetch ? { fetch: options.fetch } : {}) });
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = run().finally(() => {
        loop = null;
      });
    },
    async stop() {
      stopping = true;
      wake?.abort();
      await loop;
      await current;
    },
    nudge() {
      if (!loop || waitingForBackoff || !wake) return;
      const waiting = wake;
      // Shorten the base wait to nudgeMs: a burst of sales makes one round, not one each.
      void sleep(nudgeMs, new AbortController().signal).then(() => waiting.abort());
    },
    runNow,
    get running() {
      return loop !== null;
    },
  };
}
