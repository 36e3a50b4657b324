/**
 * Pull: the store's change log, read by the transaction that wrote each row.
 *
 * Every row push writes carries `txid`, the writing transaction's id
 * (`pg_current_xact_id()`, xid8). A register asks for the documents of the
 * store's other registers with txid > its cursor, and only those with txid
 * < `pg_snapshot_xmin(pg_current_snapshot())`: every transaction below that
 * horizon has finished (committed or rolled back), so no row can appear
 * later below a cursor already handed out. A serial or sequence cursor
 * would skip: numbers are taken at insert time but become visible at
 * commit, so a slow writer's row 41 can commit after row 42 was pulled and
 * the cursor moved past it. With the horizon, a transaction still open holds
 * the cursor back instead (its own and every later row wait for it).
 *
 * Push applies one document per transaction, so a txid names one document;
 * a page still never splits a transaction's rows (the cursor is a txid).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { COMMAND_TYPES } from '../../src/shared/sync/commands';
import { MAX_PULL_PAGE, type PulledDocument, type PullResponse } from '../../src/shared/sync/protocol';
import type { CloudDb } from './db';
import type { Caller } from './registry';
import { documents } from './schema';

/**
 * The documents pull hands out: every applied command. A register applies
 * the types it knows and counts the rest as ignored.
 */
export const PULLED_TYPES: readonly string[] = COMMAND_TYPES;

export interface PullScope {
  /** Only these types (default PULLED_TYPES). */
  types?: readonly string[];
  /** Only rows written by transactions below this txid (a snapshot's horizon). */
  before?: string;
}

export async function pullDocuments(db: CloudDb, caller: Caller, after: string, limit = MAX_PULL_PAGE, scope: PullScope = {}): Promise<PullResponse> {
  const size = Math.min(Math.max(1, Math.trunc(limit)), MAX_PULL_PAGE);
  const columns = {
    registerId: documents.registerId,
    seq: documents.seq,
    idempotencyKey: documents.idempotencyKey,
    type: documents.type,
    schemaVersion: documents.schemaVersion,
    payload: documents.payload,
    txid: sql<string>`${documents.txid}::text`,
  };
  const visible = and(
    eq(documents.storeId, caller.storeId),
    ne(documents.registerId, caller.registerId),
    eq(documents.status, 'applied'),
    inArray(documents.type, [...(scope.types ?? PULLED_TYPES)]),
    scope.before === undefined ? undefined : sql`${documents.txid} < ${scope.before}::xid8`,
  );
  const rows = await db
    .select(columns)
    .from(documents)
    .where(and(visible, sql`${documents.txid} > ${after}::xid8`, sql`${documents.txid} < pg_snapshot_xmin(pg_current_snapshot())`))
    .orderBy(asc(documents.txid), asc(documents.registerId), asc(documents.seq))
    .limit(size + 1);

  const more = rows.length > size;
  let page = rows.slice(0, size);
  if (more) {
    // The cursor is a txid: a page ends between transactions, never inside one.
    const cut = rows[size]!.txid;
    if (page.at(-1)!.txid === cut) page = page.filter((r) => r.txid !== cut);
    if (page.length === 0) {
      page = await db
        .select(columns)
        .from(documents)
        .where(and(visible, sql`${documents.txid} = ${cut}::xid8`))
        .orderBy(asc(documents.registerId), asc(documents.seq));
    }
  }
  const out: PulledDocument[] = page.map((r) => ({ ...r, payload: r.payload as unknown }));
  return { documents: out, cursor: out.at(-1)?.txid ?? after, more };
}
