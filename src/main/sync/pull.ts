/**
 * The register's pull client: pages through the cloud's change log
 * (GET /v1/pull) from the cursor kept in device_identity.pull_cursor and
 * applies the other registers' documents to this database:
 *
 * - sale.completed: the invoice, lines, payments, movements and credit by
 *   global id (apply-remote-sale);
 * - stock.moved: one ledger movement by global id.
 *
 * Each page applies in one SQLite transaction together with the page's new
 * cursor, so the cursor advances only when the page's rows committed, and a
 * page applied again (a crash between the commit and the next request, or a
 * lost answer) changes nothing: every row is found by its global id first.
 * Nothing here writes the outbox: what another register did is that
 * register's to send, never echoed back.
 *
 * A document that cannot be applied (it names a product this register does
 * not have yet) throws a SyncError('apply_failed') naming it; that page's
 * transaction rolls back and the cursor stays before it.
 */
import type Database from 'better-sqlite3';
import type { CommandPayload } from '../../shared/sync/commands';
import { MAX_PULL_PAGE, PullResponse, type PulledDocument } from '../../shared/sync/protocol';
import type { PosDb } from '../db/open';
import { loadInvoiceStates } from '../sales/invoice-states';
import { createRemoteEntityApplier, isEntityType } from './apply-remote-entities';
import { createRemoteMovementApplier, createRemoteSaleApplier, type ApplyOutcome } from './apply-remote-sale';
import { initialDownload, needsInitialDownload, type DownloadSummary } from './initial-download';
import { cloudRequest, SyncError } from './push';
import { fileVaultFor, readDeviceToken, type TokenVault } from './token-vault';

export interface PullOptions {
  serverUrl: string;
  /** The device token; read from `vault` when absent. */
  token?: string;
  /** Where the token is kept (default: the file vault beside the database). */
  vault?: TokenVault;
  fetch?: typeof globalThis.fetch;
  pageSize?: number;
  /** Told which document types changed this database (to refresh what is kept in memory: settings, tax rates). */
  onApplied?: (types: ReadonlySet<string>) => void;
  /** Per request. */
  timeoutMs?: number;
  now?: () => Date;
}

export interface PullSummary {
  applied: number;
  /** Already in this database (a page applied again): nothing changed. */
  duplicate: number;
  /** Documents of a type this register does not apply yet. */
  ignored: number;
  /** Edits of rows this register has an unsent edit of: that edit meets the cloud's row when pushed. */
  deferred: number;
  pages: number;
  /** The cursor after this pull. */
  cursor: string;
  /** A new register's first pull downloads the whole store first. */
  download?: DownloadSummary;
}

export async function pullOnce(db: PosDb | Database.Database, options: PullOptions): Promise<PullSummary> {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const identity = sqlite
    .prepare<[], { registerId: string; cursor: string }>(`SELECT register_id AS registerId, pull_cursor AS cursor FROM device_identity WHERE id = 1`)
    .get();
  if (!identity) throw new SyncError('not_registered', 'this database has no register identity');
  const token = options.token ?? readDeviceToken(db, options.vault ?? fileVaultFor(db));
  if (!token) throw new SyncError('not_registered', 'this register has no device token yet; register it first (admin register --server URL --code CODE)');
  const pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PULL_PAGE), MAX_PULL_PAGE);
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());

  const applySale = createRemoteSaleApplier(sqlite, loadInvoiceStates(sqlite));
  const applyMovement = createRemoteMovementApplier(sqlite);
  const entities = createRemoteEntityApplier(sqlite, () => now().toISOString());
  const changed = new Set<string>();
  const saveCursor = sqlite.prepare<[string, string, string]>(`UPDATE device_identity SET pull_cursor = ?, updated_at = ? WHERE id = 1 AND pull_cursor = ?`);

  const applyOne = (doc: PulledDocument): ApplyOutcome | 'ignored' | 'deferred' => {
    // The cloud never hands a register its own documents; should it, they are this database's already.
    if (doc.registerId === identity.registerId) return 'ignored';
    try {
      if (doc.type === 'sale.completed') return applySale(doc.payload as CommandPayload<'sale.completed'>);
      if (doc.type === 'stock.moved') return applyMovement(doc.payload as CommandPayload<'stock.moved'>);
      if (isEntityType(doc.type)) {
        const outcome = entities.apply(doc.type, doc.idempotencyKey, doc.payload);
        if (outcome === 'applied') changed.add(doc.type);
        return outcome;
      }
    } catch (err) {
      throw new SyncError('apply_failed', `${doc.type} #${doc.seq} of register ${doc.registerId} could not be applied: ${(err as Error).message}`);
    }
    return 'ignored';
  };
  const applyPage = sqlite.transaction((page: PullResponse, from: string, summary: PullSummary) => {
    const counts = { applied: 0, duplicate: 0, ignored: 0, deferred: 0 };
    for (const doc of page.documents) counts[applyOne(doc)]++;
    // Guarded by the cursor this page started from: two pulls at once cannot both move it.
    if (saveCursor.run(page.cursor, now().toISOString(), from).changes !== 1) throw new SyncError('apply_failed', 'the pull cursor moved during this pull (another pull ran at the same time); nothing applied');
    summary.applied += counts.applied;
    summary.duplicate += counts.duplicate;
    summary.ignored += counts.ignored;
    summary.deferred += counts.deferred;
  });

  let download: DownloadSummary | undefined;
  if (needsInitialDownload(sqlite)) {
    download = await initialDownload(sqlite, { serverUrl: options.serverUrl, token, fetch: doFetch, timeoutMs: options.timeoutMs ?? 30_000, now }, options.onApplied);
    identity.cursor = download.horizon;
  }
  let cursor = identity.cursor;
  const summary: PullSummary = { applied: 0, duplicate: 0, ignored: 0, deferred: 0, pages: 0, cursor, ...(download ? { download } : {}) };
  for (;;) {
    const url = new URL('/v1/pull', options.serverUrl);
    url.searchParams.set('after', cursor);
    url.searchParams.set('limit', String(pageSize));
    const page = await cloudRequest(doFetch, url.toString(), token, undefined, options.timeoutMs ?? 30_000, PullResponse, 'a pull page');
    if (page.documents.length > 0 && BigInt(page.cursor) <= BigInt(cursor)) throw new SyncError('bad_response', `the cloud answered a page that does not move the cursor past ${cursor}`);
    applyPage(page, cursor, summary);
    summary.pages++;
    cursor = page.cursor;
    summary.cursor = cursor;
    if (changed.size > 0) options.onApplied?.(changed);
    changed.clear();
    if (!page.more || page.documents.length === 0) return summary;
  }
}
