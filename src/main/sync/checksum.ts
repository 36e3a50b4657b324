/**
 * The convergence check, register side: the same canonical text as the
 * cloud's (src/shared/sync/checksum.ts) over this database, compared with
 * the cloud's checksums at this register's pull cursor. Meaningful after a
 * full sync (nothing waiting to be pushed); `check` says so when the queue
 * is not empty instead of reporting a false mismatch.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CHECKSUM_JOIN, checksumLine, type Checksums } from '../../shared/sync/checksum';
import type { PosDb } from '../db/open';
import { must } from '../db/rows';
import { cloudRequest, SyncError } from './push';
import { z } from 'zod';
import { fileVaultFor, readDeviceToken, type TokenVault } from './token-vault';

const ChecksumsSchema = z.object({ stock: z.string(), variants: z.number().int(), entities: z.string(), entityCount: z.number().int() }).strict();

export function localChecksums(sqlite: Database.Database): Checksums {
  const md5 = createHash('md5');
  let variants = 0;
  for (const r of sqlite
    .prepare<[], { id: string; q: number }>(`SELECT global_id AS id, inventario AS q FROM tblprodXcolorXtalla WHERE inventario <> 0 ORDER BY global_id`)
    .iterate()) {
    md5.update((variants++ === 0 ? '' : CHECKSUM_JOIN) + checksumLine(r.id, r.q));
  }
  const entities = createHash('md5');
  let entityCount = 0;
  for (const r of sqlite.prepare<[], { id: string; c: string }>(`SELECT entity_global_id AS id, change_id AS c FROM sync_entity_versions ORDER BY entity_global_id`).iterate()) {
    entities.update((entityCount++ === 0 ? '' : CHECKSUM_JOIN) + checksumLine(r.id, r.c));
  }
  return { stock: md5.digest('hex'), variants, entities: entities.digest('hex'), entityCount };
}

export type ConvergenceResult =
  | { status: 'match'; local: Checksums; cloud: Checksums }
  | { status: 'mismatch'; local: Checksums; cloud: Checksums; what: ('stock' | 'catalog')[] }
  | { status: 'not_settled'; pending: number };

export interface ConvergenceOptions {
  serverUrl: string;
  token?: string;
  vault?: TokenVault;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export async function checkConvergence(db: PosDb | Database.Database, options: ConvergenceOptions): Promise<ConvergenceResult> {
  const sqlite = 'sqlite' in db ? db.sqlite : db;
  const pending = must(sqlite.prepare<[], number>(`SELECT COUNT(*) FROM sync_outbox WHERE acked_at IS NULL AND last_error IS NULL`).pluck().get(), 'pending documents');
  if (pending > 0) return { status: 'not_settled', pending };
  const token = options.token ?? readDeviceToken(db, options.vault ?? fileVaultFor(db));
  if (!token) throw new SyncError('not_registered', 'this register has no device token yet; register it first');
  const cursor = must(sqlite.prepare<[], string>(`SELECT pull_cursor FROM device_identity WHERE id = 1`).pluck().get(), 'the pull cursor');
  const url = new URL('/v1/checksum', options.serverUrl);
  url.searchParams.set('cursor', cursor);
  // Read the local side first: a document pulled meanwhile moves the cursor, never what the cloud counts below it.
  const local = localChecksums(sqlite);
  const cloud = await cloudRequest(options.fetch ?? globalThis.fetch, url.toString(), token, undefined, options.timeoutMs ?? 60_000, ChecksumsSchema, 'checksums');
  const what: ('stock' | 'catalog')[] = [];
  if (local.stock !== cloud.stock) what.push('stock');
  if (local.entities !== cloud.entities) what.push('catalog');
  return what.length === 0 ? { status: 'match', local, cloud } : { status: 'mismatch', local, cloud, what };
}
