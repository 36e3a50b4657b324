/**
 * A new register's first download, and the convergence check.
 *
 * Download: `start` fixes a horizon H (pg_snapshot_xmin: every transaction
 * below it has finished). Stock is summed from the movements below H; the
 * versioned rows (catalog, customers, tax rates, staff, settings) are read
 * as they stand, by type and entity id, in pages; other catalog facts
 * (addresses, tax assignments) come as the documents below H. The register
 * then pulls incrementally from H - 1, so whatever was written during the
 * download arrives after it, never lost (a row read at a newer version is
 * simply applied again).
 *
 * Checksum: what the register at pull cursor C should hold: the movements
 * and the latest versioned document per row written below or at C, plus
 * all of the register's own (it has them whatever its cursor).
 */
import { and, asc, count, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import { COMMAND_TYPES, COMMANDS } from '../../src/shared/sync/commands';
import type { Checksums } from '../../src/shared/sync/checksum';
import type { SnapshotEntities, SnapshotStart, SnapshotStock, StoreSummary } from '../../src/shared/sync/protocol';
import type { CloudDb } from './db';
import type { Caller } from './registry';
import { documents, entities } from './schema';

const VERSIONED_TYPES = COMMAND_TYPES.filter((t) => COMMANDS[t].versioned);

/** The horizon minus one, as a cursor: pull hands out txid > cursor. */
const horizonCursor = sql<string>`(pg_snapshot_xmin(pg_current_snapshot())::text::numeric - 1)::text`;

export async function snapshotStart(db: CloudDb, caller: Caller): Promise<SnapshotStart> {
  const [h] = await query<{ horizon: string }>(db, sql`SELECT ${horizonCursor} AS horizon`);
  const [e] = await db.select({ n: count() }).from(entities).where(eq(entities.storeId, caller.storeId));
  const [v] = await query<{ n: string }>(db, sql`SELECT COUNT(DISTINCT variant_id)::text AS n FROM stock_movements WHERE store_id = ${caller.storeId}`)
    ;
  return { horizon: h!.horizon, entities: e?.n ?? 0, variants: Number(v?.n ?? 0) };
}

export async function snapshotEntities(db: CloudDb, caller: Caller, type: string, after: string, limit: number): Promise<SnapshotEntities> {
  const rows = await db
    .select({ entityId: entities.entityId, changeId: entities.changeId, payload: entities.payload })
    .from(entities)
    .where(and(eq(entities.storeId, caller.storeId), eq(entities.type, type), gt(entities.entityId, after)))
    .orderBy(asc(entities.entityId))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit).map((r) => ({ ...r, payload: r.payload as unknown })), more: rows.length > limit };
}

/** Stock per variant from the movements below the horizon cursor (txid <= horizon), by variant id, from `after`. */
export async function snapshotStock(db: CloudDb, caller: Caller, horizon: string, after: string, limit: number): Promise<SnapshotStock> {
  const rows = await query<{ variantId: string; quantity: string }>(db, 
      sql`SELECT variant_id::text AS "variantId", SUM(quantity)::text AS quantity
            FROM stock_movements
           WHERE store_id = ${caller.storeId} AND variant_id > ${after}::uuid AND txid <= ${horizon}::xid8
           GROUP BY variant_id
           ORDER BY variant_id
           LIMIT ${limit + 1}`,
    )
    ;
  return { rows: rows.slice(0, limit).map((r) => ({ variantId: r.variantId, quantity: Number(r.quantity) })), more: rows.length > limit };
}

export async function storeSummary(db: CloudDb, caller: Caller): Promise<StoreSummary> {
  const [e] = await db.select({ n: count() }).from(entities).where(eq(entities.storeId, caller.storeId));
  const [d] = await db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.storeId, caller.storeId), ne(documents.registerId, caller.registerId), eq(documents.status, 'applied')));
  const [h] = await query<{ horizon: string }>(db, sql`SELECT ${horizonCursor} AS horizon`);
  return { storeId: caller.storeId, entities: e?.n ?? 0, otherDocuments: d?.n ?? 0, horizon: h!.horizon };
}

export async function checksums(db: CloudDb, caller: Caller, cursor: string): Promise<Checksums> {
  const mine = sql`(register_id = ${caller.registerId}::uuid OR txid <= ${cursor}::xid8)`;
  const [stock] = await query<{ sum: string; n: string }>(db, 
      sql`SELECT md5(COALESCE(string_agg(variant_id::text || ':' || q::text, E'\n' ORDER BY variant_id), '')) AS sum, COUNT(*)::text AS n
            FROM (SELECT variant_id, SUM(quantity) AS q FROM stock_movements
                   WHERE store_id = ${caller.storeId} AND ${mine}
                   GROUP BY variant_id HAVING SUM(quantity) <> 0) s`,
    )
    ;
  const types = sql.join(
    VERSIONED_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const [rows] = await query<{ sum: string; n: string }>(db, 
      sql`SELECT md5(COALESCE(string_agg(entity_id || ':' || idempotency_key, E'\n' ORDER BY entity_id COLLATE "C"), '')) AS sum, COUNT(*)::text AS n
            FROM (SELECT DISTINCT ON (entity_id) entity_id, idempotency_key FROM documents
                   WHERE store_id = ${caller.storeId} AND status = 'applied' AND type IN (${types}) AND ${mine}
                   ORDER BY entity_id, txid DESC) x`,
    )
    ;
  return { stock: stock!.sum, variants: Number(stock!.n), entities: rows!.sum, entityCount: Number(rows!.n) };
}

/** Raw SQL's rows: node-postgres and PGlite both answer { rows }. */
async function query<T>(db: CloudDb, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}
