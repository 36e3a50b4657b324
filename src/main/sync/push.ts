/**
 * The register's push client: sends unacknowledged outbox documents to the
 * cloud in sequence order, in batches, and records each answer:
 *
 * - applied / duplicate: acked (acked_at set; the cloud has it exactly once);
 * - rejected: attempts + 1 and last_error = reason and message; the row stays
 *   unacked and visible, and later rows are still pushed (the cloud moved its
 *   cursor past a document it refused for its content).
 *
 * A failure of the request itself (cloud down, timeout, 5xx, 401/403) throws
 * a SyncError and changes no row: whatever the cloud may have committed is
 * answered `duplicate` on the next push, so nothing is applied twice.
 * The token is never logged nor put in an error message.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { MAX_PUSH_BATCH, PushResponse, type PushItemResult } from '../../shared/sync/protocol';
import type { PosDb } from '../db/open';
import { fileVaultFor, readDeviceToken, type TokenVault } from './token-vault';
import { must } from '../db/rows';
import { createRemoteEntityApplier } from './apply-remote-entities';

export type SyncErrorKind = 'not_registered' | 'conflict' | 'network' | 'timeout' | 'unauthorized' | 'revoked' | 'server' | 'bad_response' | 'apply_failed';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PushOptions {
  serverUrl: string;
  /** The device token; read from `vault` when absent. */
  token?: string;
  /** Where the token is kept (default: the file vault beside the database). */
  vault?: TokenVault;
  fetch?: typeof globalThis.fetch;
  batchSize?: number;
  /** Per request. */
  timeoutMs?: number;
  now?: () => Date;
  /** Told which document types changed this database (a conflict made it take the cloud's row). */
  onApplied?: (types: ReadonlySet<string>) => void;
}

export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
  /** Edits the cloud refused because the row changed elsewhere first: recorded in sync_conflicts, the cloud's row taken. */
  conflicts: number;
  batches: number;
  /** The rejected documents of this push: seq and reason. */
  rejections: { seq: number; reason: string; message: string }[];
}

interface OutboxRow {
  seq: number;
  idempotencyKey: string;
  type: string;
  schemaVersion: number;
  createdAt: string;
  payload: string;
}

export async function pushOnce(db: PosDb | Database.Database, options: PushOptions): Promise<PushSummary> {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const identity = sqlite.prepare<[], { registerId: string }>(`SELECT register_id AS registerId FROM device_identity WHERE id = 1`).get();
  if (!identity) throw new SyncError('not_registered', 'this database has no register identity');
  const token = options.token ?? readDeviceToken(db, options.vault ?? fileVaultFor(db));
  if (!token) throw new SyncError('not_registered', 'this register has no device token yet; register it first (admin register --server URL --code CODE)');
  const batchSize = Math.min(Math.max(1, options.batchSize ?? MAX_PUSH_BATCH), MAX_PUSH_BATCH);
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const url = new URL('/v1/push', options.serverUrl).toString();

  const pending = sqlite.prepare<[string, number, number], OutboxRow>(
    `SELECT seq, idempotency_key AS idempotencyKey, type, schema_version AS schemaVersion, created_at AS createdAt, payload
     FROM sync_outbox WHERE register_id = ? AND acked_at IS NULL AND seq > ? ORDER BY seq LIMIT ?`,
  );
  // The push bookkeeping: the only columns of sync_outbox that change after the write path wrote a row.
  const ack = sqlite.prepare<[string, string, number]>(`UPDATE sync_outbox SET acked_at = ?, attempts = attempts + 1, last_error = NULL WHERE register_id = ? AND seq = ?`);
  const refuse = sqlite.prepare<[string, string, number]>(`UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE register_id = ? AND seq = ?`);
  const recordConflict = sqlite.prepare(
    `INSERT INTO sync_conflicts (outbox_seq, type, entity_global_id, local_payload, server_payload, detected_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (outbox_seq) DO NOTHING`,
  );
  const entityOf = sqlite.prepare<[string, number], string>(`SELECT entity_global_id FROM sync_outbox WHERE register_id = ? AND seq = ?`).pluck();
  const entities = createRemoteEntityApplier(sqlite, () => now().toISOString());
  const changed = new Set<string>();

  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0, conflicts: 0, batches: 0, rejections: [] };
  let after = 0;
  for (;;) {
    const rows = pending.all(identity.registerId, after, batchSize);
    if (rows.length === 0) return summary;
    const documents = rows.map((r) => ({
      registerId: identity.registerId,
      seq: r.seq,
      idempotencyKey: r.idempotencyKey,
      type: r.type,
      schemaVersion: r.schemaVersion,
      createdAt: r.createdAt,
      payload: JSON.parse(r.payload) as unknown,
    }));
    const answer = await cloudRequest(doFetch, url, token, { documents }, options.timeoutMs ?? 30_000, PushResponse, 'a push result');
    if (answer.results.length !== rows.length) {
      throw new SyncError('bad_response', `the cloud answered ${answer.results.length} results for ${rows.length} documents`);
    }
    const at = now().toISOString();
    sqlite.transaction((results: PushItemResult[]) => {
      results.forEach((result, i) => {
        const seq = rows[i]!.seq;
        if (result.status === 'rejected' && result.reason === 'conflict' && result.current) {
          // Merge rule: the cloud's row stands; ours is kept for a manager (Settings > Sync) and the queue moves on.
          const row = rows[i]!;
          ack.run(at, identity.registerId, seq);
          recordConflict.run(seq, row.type, must(entityOf.get(identity.registerId, seq), `outbox #${seq}`), row.payload, JSON.stringify(result.current.payload), at);
          entities.takeCloudRow(result.current.type, result.current.changeId, result.current.payload);
          changed.add(result.current.type);
          summary.conflicts++;
        } else if (result.status === 'rejected') {
          refuse.run(`${result.reason}: ${result.message}`, identity.registerId, seq);
          summary.rejected++;
          summary.rejections.push({ seq, reason: result.reason, message: result.message });
        } else {
          ack.run(at, identity.registerId, seq);
          summary[result.status]++;
        }
      });
    })(answer.results);
    summary.batches++;
    if (changed.size > 0) options.onApplied?.(changed);
    changed.clear();
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * One authenticated request to the cloud (POST with a JSON body, or GET when
 * body is undefined), its answer checked against `schema`. Every failure is
 * a SyncError; the token never appears in one.
 */
export async function cloudRequest<S extends z.ZodType>(
  doFetch: typeof globalThis.fetch,
  url: string,
  token: string,
  body: unknown,
  timeoutMs: number,
  schema: S,
  what: string,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await doFetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new SyncError('timeout', `the cloud did not answer within ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new SyncError('network', `cannot reach the cloud at ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // handled below
  }
  if (!res.ok) {
    const message = (json as { message?: unknown } | null)?.message;
    const said = typeof message === 'string' ? message : `HTTP ${res.status}`;
    if (res.status === 401) throw new SyncError('unauthorized', `the cloud refused this register's token: ${said}`, 401);
    if (res.status === 403) throw new SyncError('revoked', said, 403);
    throw new SyncError('server', `the cloud answered ${res.status}: ${said}`, res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('bad_response', `the cloud answered something that is not ${what}`);
  return parsed.data;
}

/**
 * Settles a document the cloud rejected, so it no longer waits: dropped by a
 * manager, or sent again as a new document (retry). Push bookkeeping, like
 * acks: the document itself stays as it was written, with the note why.
 */
export function settleRejected(sqlite: Database.Database, seq: number, note: string, at: string): void {
  const changed = sqlite
    .prepare(`UPDATE sync_outbox SET acked_at = ?, last_error = ? WHERE seq = ? AND acked_at IS NULL AND last_error IS NOT NULL AND register_id = (SELECT register_id FROM device_identity WHERE id = 1)`)
    .run(at, note, seq).changes;
  if (changed !== 1) throw new SyncError('bad_response', `document #${seq} is not a rejected document waiting here`);
}
