/**
 * Push, exactly once. A register's documents apply in its sequence order,
 * each in its own PostgreSQL transaction that locks the register's cursor
 * row, applies the document and advances `last_applied_seq` to its seq: a
 * document is applied and counted together or not at all, and two cloud
 * processes handed the same batch serialize on the cursor row (the second
 * sees the first's seq and answers `duplicate`).
 *
 * Decided here: a document the cloud refuses for what it contains (schema
 * invalid, unknown type or version, a conflict with rows already stored) is
 * stored with status `rejected` and its reason, and the cursor advances
 * past it. A gap-free cursor that stopped at a bad document would hold
 * every later sale of the register forever; instead the register keeps the
 * rejected document as a visible error (its outbox row stays unacked with
 * the reason) and the rest of its queue keeps moving. Pushing a rejected
 * document again answers the same rejection, never a second row.
 * Refusals about order (`out_of_order`, `wrong_register`, `no_seq`) store
 * nothing and leave the cursor where it was.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { COMMANDS, parseOutboxDocument, type CommandType } from '../../src/shared/sync/commands';
import type { PushItemResult, PushResponse, RejectReason } from '../../src/shared/sync/protocol';

/** The cloud's row as it stands, handed back with a conflict. */
type Current = { changeId: string; type: string; payload: unknown };

/** A versioned edit made on a version the cloud no longer has: the cloud's row stays. */
class EntityConflict extends Error {
  constructor(readonly current: Current) {
    super(`changed on another register first (the cloud has change ${current.changeId}); the cloud's version was kept`);
  }
}
import type { CloudDb } from './db';
import type { Caller } from './registry';
import { documents, entities, registerCursors, sales, stockMovements } from './schema';

type Tx = Parameters<Parameters<CloudDb['transaction']>[0]>[0];

const Head = z.object({ registerId: z.string(), seq: z.number().int().positive().safe() });

export async function pushDocuments(db: CloudDb, caller: Caller, raws: readonly unknown[]): Promise<PushResponse> {
  const results: PushItemResult[] = new Array<PushItemResult>(raws.length);
  const order: { index: number; seq: number; raw: Record<string, unknown> }[] = [];
  raws.forEach((raw, index) => {
    const head = Head.safeParse(raw);
    if (!head.success) {
      results[index] = reject(null, 'no_seq', 'the document has no readable registerId and positive whole seq');
    } else if (head.data.registerId.toLowerCase() !== caller.registerId) {
      results[index] = reject(head.data.seq, 'wrong_register', `this token pushes for register ${caller.registerId}, the document names ${head.data.registerId}`);
    } else {
      order.push({ index, seq: head.data.seq, raw: raw as Record<string, unknown> });
    }
  });
  order.sort((a, b) => a.seq - b.seq);
  for (const item of order) results[item.index] = await pushOne(db, caller, item.seq, item.raw);
  const [cursor] = await db
    .select({ last: registerCursors.lastAppliedSeq })
    .from(registerCursors)
    .where(and(eq(registerCursors.storeId, caller.storeId), eq(registerCursors.registerId, caller.registerId)));
  return { results, lastAppliedSeq: cursor?.last ?? 0 };
}

function reject(seq: number | null, reason: RejectReason, message: string): PushItemResult {
  return { seq, status: 'rejected', reason, message };
}

async function pushOne(db: CloudDb, caller: Caller, seq: number, raw: Record<string, unknown>): Promise<PushItemResult> {
  const { storeId, registerId } = caller;
  return db.transaction(async (tx) => {
    const [cursor] = await tx
      .select({ last: registerCursors.lastAppliedSeq })
      .from(registerCursors)
      .where(and(eq(registerCursors.storeId, storeId), eq(registerCursors.registerId, registerId)))
      .for('update');
    if (!cursor) throw new Error(`register ${registerId} of store ${storeId} has no cursor row`);
    if (seq <= cursor.last) {
      const [stored] = await tx
        .select({ status: documents.status, reason: documents.rejectReason, message: documents.rejectMessage, entityId: documents.entityId })
        .from(documents)
        .where(and(eq(documents.storeId, storeId), eq(documents.registerId, registerId), eq(documents.seq, seq)));
      if (stored?.status === 'rejected') {
        const current = stored.reason === 'conflict' && stored.entityId ? await currentEntity(tx, storeId, stored.entityId) : null;
        return { ...reject(seq, stored.reason as RejectReason, stored.message ?? ''), ...(current ? { current } : {}) };
      }
      return { seq, status: 'duplicate' };
    }
    if (seq !== cursor.last + 1) {
      return reject(seq, 'out_of_order', `expected seq ${cursor.last + 1} next (last applied ${cursor.last}), got ${seq}`);
    }
    const advance = () =>
      tx
        .update(registerCursors)
        .set({ lastAppliedSeq: seq, updatedAt: new Date() })
        .where(and(eq(registerCursors.storeId, storeId), eq(registerCursors.registerId, registerId)));

    const key = typeof raw.idempotencyKey === 'string' ? raw.idempotencyKey : null;
    if (key !== null) {
      const [seen] = await tx
        .select({ seq: documents.seq })
        .from(documents)
        .where(and(eq(documents.storeId, storeId), eq(documents.idempotencyKey, key)));
      if (seen) {
        // The same document sent again under a new number: success, applied once; the number is used up.
        await advance();
        return { seq, status: 'duplicate' };
      }
    }

    const { refusal, entityId } = await check(tx, caller, seq, raw);
    const type = typeof raw.type === 'string' ? raw.type.slice(0, 100) : '';
    const version = typeof raw.schemaVersion === 'number' && Number.isSafeInteger(raw.schemaVersion) ? raw.schemaVersion : 0;
    await tx.insert(documents).values({
      storeId,
      registerId,
      seq,
      idempotencyKey: key ?? `missing:${registerId}:${seq}`,
      type,
      schemaVersion: version,
      entityId,
      // Applied: the payload as validated; rejected: the whole document as sent, to diagnose.
      payload: refusal ? raw : raw.payload,
      status: refusal ? 'rejected' : 'applied',
      rejectReason: refusal?.reason ?? null,
      rejectMessage: refusal?.message ?? null,
    });
    await advance();
    if (!refusal) return { seq, status: 'applied' };
    return { ...reject(seq, refusal.reason, refusal.message), ...(refusal.current ? { current: refusal.current } : {}) };
  });
}

type Refusal = { reason: RejectReason; message: string; current?: Current };

/** Validates and applies one document inside its transaction; says why it was refused (or null), and what it is about. */
async function check(tx: Tx, caller: Caller, seq: number, raw: Record<string, unknown>): Promise<{ refusal: Refusal | null; entityId: string | null }> {
  const refused = (r: Refusal, entityId: string | null = null) => ({ refusal: r, entityId });
  if (typeof raw.type !== 'string' || !Object.hasOwn(COMMANDS, raw.type)) {
    return refused({ reason: 'unknown_type', message: `unknown document type ${JSON.stringify(raw.type ?? null)}` });
  }
  const type = raw.type as CommandType;
  if (raw.schemaVersion !== COMMANDS[type].version) {
    return refused({ reason: 'unknown_version', message: `${type} v${String(raw.schemaVersion)} is not a version this cloud accepts (v${COMMANDS[type].version})` });
  }
  let doc: ReturnType<typeof parseOutboxDocument>;
  try {
    doc = parseOutboxDocument(raw);
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ') : String(err);
    return refused({ reason: 'invalid', message: message.slice(0, 1000) });
  }
  const entityId = (COMMANDS[doc.type].entity as (p: unknown) => string)(doc.payload);
  try {
    // A savepoint: a conflict undoes this document's rows, and the rejection is still recorded.
    await tx.transaction(async (sp) => apply(sp, caller, seq, doc));
    return { refusal: null, entityId };
  } catch (err) {
    if (err instanceof EntityConflict) return refused({ reason: 'conflict', message: err.message, current: err.current }, entityId);
    const violation = uniqueViolation(err);
    if (violation) return refused({ reason: 'conflict', message: `already stored differently (${violation})` }, entityId);
    throw err;
  }
}

async function currentEntity(tx: Tx, storeId: string, entityId: string): Promise<Current | null> {
  const [row] = await tx
    .select({ changeId: entities.changeId, type: entities.type, payload: entities.payload })
    .from(entities)
    .where(and(eq(entities.storeId, storeId), eq(entities.entityId, entityId)));
  return row ?? null;
}

/**
 * A versioned row (product, customer, tax rate, staff, settings) is replaced
 * only by an edit made on its current version: `baseChangeId` must name the
 * change the cloud holds (or the row must be new). Otherwise another
 * register changed it first: the cloud keeps its row and hands it back.
 * The row is locked, so two edits on the same base race to one winner.
 */
async function applyVersioned(tx: Tx, caller: Caller, doc: ReturnType<typeof parseOutboxDocument>): Promise<void> {
  const entityId = (COMMANDS[doc.type].entity as (p: unknown) => string)(doc.payload);
  const base = (doc.payload as { baseChangeId: string | null }).baseChangeId;
  const [current] = await tx
    .select({ changeId: entities.changeId, type: entities.type, payload: entities.payload })
    .from(entities)
    .where(and(eq(entities.storeId, caller.storeId), eq(entities.entityId, entityId)))
    .for('update');
  if (current && current.changeId !== base) throw new EntityConflict(current);
  const row = { type: doc.type, changeId: doc.idempotencyKey, payload: doc.payload, updatedBy: caller.registerId, updatedAt: new Date() };
  await tx
    .insert(entities)
    .values({ storeId: caller.storeId, entityId, ...row })
    .onConflictDoUpdate({ target: [entities.storeId, entities.entityId], set: { ...row, txid: sql`pg_current_xact_id()` } });
}

async function apply(tx: Tx, caller: Caller, seq: number, doc: ReturnType<typeof parseOutboxDocument>): Promise<void> {
  const { storeId, registerId } = caller;
  if (COMMANDS[doc.type].versioned) return applyVersioned(tx, caller, doc);
  switch (doc.type) {
    case 'sale.completed': {
      const p = doc.payload as z.infer<(typeof COMMANDS)['sale.completed']['schema']>;
      await tx.insert(sales).values({
        storeId,
        saleId: p.saleId,
        registerId,
        invoiceNumber: p.invoiceNumber,
        total: p.total,
        completedAt: new Date(p.completedAt),
        seq,
      });
      if (p.stockMovements.length > 0) {
        await tx.insert(stockMovements).values(
          p.stockMovements.map((m) => ({ storeId, movementId: m.movementId, variantId: m.variantId, quantity: m.quantity, reason: 'sale', saleId: p.saleId, registerId })),
        );
      }
      return;
    }
    case 'stock.moved': {
      const p = doc.payload as z.infer<(typeof COMMANDS)['stock.moved']['schema']>;
      await tx.insert(stockMovements).values({ storeId, movementId: p.movementId, variantId: p.variantId, quantity: p.quantity, reason: p.reason, saleId: null, registerId });
      return;
    }
    default:
      // Other facts (addresses, tax assignments...) live in `documents`, the store's change log, and reach the other registers by pull.
      return;
  }
}

/** The constraint a unique violation (SQLSTATE 23505) names, through drizzle's wrapper; null for any other error. */
function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : 'unique';
  }
  return null;
}
