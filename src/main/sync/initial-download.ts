/**
 * A new register's first sync: the whole store, in pages, before the
 * incremental pull takes over (cloud/src/snapshot.ts explains the horizon).
 *
 * Resumable: where the download stands is kept in app_settings
 * ('sync_initial_download': horizon, stage, last key) and moves in the same
 * transaction as each page it covers, so a register killed mid-download
 * carries on where it stopped. Rows are applied by global id and version
 * (applying one again changes nothing); stock arrives as one opening
 * movement per variant ('initial', local to this register: the cloud holds
 * the movements it sums), written page by page with the marker. The pull
 * cursor moves to the horizon, and the marker goes, in the last page's
 * transaction.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { newGlobalId } from '../../shared/ids';
import { COMMAND_TYPES, COMMANDS, type CommandType } from '../../shared/sync/commands';
import { MAX_PULL_PAGE, MAX_SNAPSHOT_PAGE, PullResponse, SnapshotEntities, SnapshotStart, SnapshotStock } from '../../shared/sync/protocol';
import { createRemoteEntityApplier, isEntityType } from './apply-remote-entities';
import { cloudRequest, SyncError } from './push';

const MARKER = 'sync_initial_download';

/** Versioned rows in an order a register can apply: lists before the products that name them, tax rates before products. */
const FIRST: readonly string[] = ['catalog_list.changed', 'tax_rate.changed', 'staff.changed', 'store_settings.changed', 'product.upserted', 'customer.upserted'];
const ENTITY_ORDER: CommandType[] = [
  ...FIRST.filter((t): t is CommandType => (COMMAND_TYPES as string[]).includes(t)),
  ...COMMAND_TYPES.filter((t) => COMMANDS[t].versioned && !FIRST.includes(t)),
];

const Marker = z.object({ horizon: z.string(), stage: z.string(), after: z.string() });
type Marker = z.infer<typeof Marker>;

export interface DownloadRequest {
  serverUrl: string;
  token: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  now: () => Date;
  pageSize?: number;
}

export interface DownloadSummary {
  rows: number;
  documents: number;
  variants: number;
  pages: number;
  horizon: string;
}

/** A register downloads the store when it has never pulled and has no catalog of its own, or a download is under way. */
export function needsInitialDownload(sqlite: Database.Database): boolean {
  const marker = sqlite.prepare<[string], string>(`SELECT value FROM app_settings WHERE key = ?`).pluck().get(MARKER);
  if (marker) return true;
  const cursor = sqlite.prepare<[], string>(`SELECT pull_cursor FROM device_identity WHERE id = 1`).pluck().get();
  const products = sqlite.prepare<[], number>(`SELECT EXISTS (SELECT 1 FROM tblproductos)`).pluck().get();
  return cursor === '0' && products === 0;
}

export async function initialDownload(sqlite: Database.Database, req: DownloadRequest, onApplied?: (types: ReadonlySet<string>) => void): Promise<DownloadSummary> {
  const get = <S extends z.ZodType>(path: string, params: Record<string, string>, schema: S, what: string) => {
    const url = new URL(path, req.serverUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return cloudRequest(req.fetch, url.toString(), req.token, undefined, req.timeoutMs, schema, what);
  };
  const at = () => req.now().toISOString();
  const readMarker = sqlite.prepare<[string], string>(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const writeMarker = sqlite.prepare(
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const dropMarker = sqlite.prepare(`DELETE FROM app_settings WHERE key = ?`);
  const saveCursor = sqlite.prepare<[string, string]>(`UPDATE device_identity SET pull_cursor = ?, updated_at = ? WHERE id = 1`);
  const variantOf = sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE global_id = ?`).pluck();
  const opening = sqlite.prepare(
    `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at) VALUES (?, ?, ?, 'initial', 'cloud-snapshot', NULL, ?)`,
  );
  const entities = createRemoteEntityApplier(sqlite, at);
  const pageSize = Math.min(req.pageSize ?? MAX_SNAPSHOT_PAGE, MAX_SNAPSHOT_PAGE);

  const stored = readMarker.get(MARKER);
  let marker: Marker;
  if (stored) marker = Marker.parse(JSON.parse(stored));
  else {
    const start = await get('/v1/snapshot/start', {}, SnapshotStart, 'a snapshot start');
    marker = { horizon: start.horizon, stage: ENTITY_ORDER[0]!, after: '' };
    writeMarker.run(MARKER, JSON.stringify(marker), at());
  }
  const summary: DownloadSummary = { rows: 0, documents: 0, variants: 0, pages: 0, horizon: marker.horizon };
  const stages = [...ENTITY_ORDER, 'documents', 'stock'];
  const advance = (next: Marker) => {
    writeMarker.run(MARKER, JSON.stringify(next), at());
    marker = next;
    summary.pages++;
  };
  const nextStage = (stage: string): Marker => {
    const i = stages.indexOf(stage);
    return { horizon: marker.horizon, stage: stages[i + 1] ?? 'done', after: '' };
  };

  while (marker.stage !== 'done') {
    const stage = marker.stage;
    if (stage === 'documents') {
      const page = await get('/v1/snapshot/documents', { horizon: marker.horizon, after: marker.after || '0', limit: String(Math.min(pageSize, MAX_PULL_PAGE)) }, PullResponse, 'a snapshot page');
      sqlite.transaction(() => {
        for (const d of page.documents) if (isEntityType(d.type)) entities.apply(d.type, d.idempotencyKey, d.payload);
        advance(page.more && page.documents.length > 0 ? { ...marker, after: page.cursor } : nextStage(stage));
      })();
      summary.documents += page.documents.length;
    } else if (stage === 'stock') {
      const after = marker.after || '00000000-0000-0000-0000-000000000000';
      const page = await get('/v1/snapshot/stock', { horizon: marker.horizon, after, limit: String(pageSize) }, SnapshotStock, 'a stock page');
      sqlite.transaction(() => {
        const when = at();
        for (const r of page.rows) {
          const variant = variantOf.get(r.variantId);
          if (variant === undefined) throw new SyncError('apply_failed', `the cloud has stock for variant ${r.variantId}, which no product it sent has`);
          if (r.quantity !== 0) opening.run(newGlobalId(), variant, r.quantity, when);
        }
        const last = page.rows.at(-1)?.variantId;
        if (page.more && last) advance({ ...marker, after: last });
        else {
          saveCursor.run(marker.horizon, when);
          dropMarker.run(MARKER);
          marker = { ...marker, stage: 'done' };
          summary.pages++;
        }
      })();
      summary.variants += page.rows.length;
    } else {
      const page = await get('/v1/snapshot/entities', { type: stage, after: marker.after, limit: String(pageSize) }, SnapshotEntities, 'a snapshot page');
      sqlite.transaction(() => {
        if (isEntityType(stage)) for (const r of page.rows) entities.apply(stage, r.changeId, r.payload, true);
        const last = page.rows.at(-1)?.entityId;
        advance(page.more && last ? { ...marker, after: last } : nextStage(stage));
      })();
      summary.rows += page.rows.length;
      if (page.rows.length > 0) onApplied?.(new Set([stage]));
    }
  }
  return summary;
}
