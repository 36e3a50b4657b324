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
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { COMMANDS, parseOutboxDocument, type CommandType } from '../../src/shared/sync/commands';
import type { PushItemResult, PushResponse, RejectReason } from '../../src/shared/sync/protocol';
import type { CloudDb } from './db';
import type { Caller } from './registry';
import { documents, registerCursors, sales, stockMovements } from './schema';

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
        .select({ status: documents.status, reason: documents.rejectReason, message: documents.rejectMessage })
        .from(documents)
        .where(and(eq(documents.storeId, storeId), eq(documents.registerId, registerId), eq(documents.seq, seq)));
      if (stored?.status === 'rejected') return reject(seq, stored.reason as RejectReason, stored.message ?? '');
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

    const refusal = await check(tx, caller, seq, raw);
    const type = typeof raw.type === 'string' ? raw.type.slice(0, 100) : '';
    const version = typeof raw.schemaVersion === 'number' && Number.isSafeInteger(raw.schemaVersion) ? raw.schemaVersion : 0;
    await tx.insert(documents).values({
      storeId,
      registerId,
      seq,
      idempotencyKey: key ?? `missing:${registerId}:${seq}`,
      type,
      schemaVersion: version,
      // Applied: the payload as validated; rejected: the whole document as sent, to diagnose.
      payload: refusal ? raw : raw.payload,
      status: refusal ? 'rejected' : 'applied',
      rejectReason: refusal?.reason ?? null,
      rejectMessage: refusal?.message ?? null,
    });
    await advance();
    return refusal ? reject(seq, refusal.reason, refusal.message) : { seq, status: 'applied' };
  });
}

/** Validates and applies one document inside its transaction; returns why it was refused, or null. */
async function check(tx: Tx, caller: Caller, seq: number, raw: Record<string, unknown>): Promise<{ reason: RejectReason; message: string } | null> {
  if (typeof raw.type !== 'string' || !Object.hasOwn(COMMANDS, raw.type)) {
    return { reason: 'unknown_type', message: `unknown document type ${JSON.stringify(raw.type ?? null)}` };
  }
  const type = raw.type as CommandType;
  if (raw.schemaVersion !== COMMANDS[type].version) {
    return { reason: 'unknown_version', message: `${type} v${String(raw.schemaVersion)} is not a version this cloud accepts (v${COMMANDS[type].version})` };
  }
  let doc: ReturnType<typeof parseOutboxDocument>;
  try {
    doc = parseOutboxDocument(raw);
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ') : String(err);
    return { reason: 'invalid', message: message.slice(0, 1000) };
  }
  try {
    // A savepoint: a conflict undoes this document's rows, and the rejection is still recorded.
    await tx.transaction(async (sp) => apply(sp, caller, seq, doc));
    return null;
  } catch (err) {
    const violation = uniqueViolation(err);
    if (violation) return { reason: 'conflict', message: `already stored differently (${violation})` };
    throw err;
  }
}

async function apply(tx: Tx, caller: Caller, seq: number, doc: ReturnType<typeof parseOutboxDocument>): Promise<void> {
  const { storeId, registerId } = caller;
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
      // Catalog, customer, staff and settings documents are kept in `documents`; their tables come with pull.
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
