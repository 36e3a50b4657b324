/**
 * "Nothing lost, nothing doubled", counted by global id on both sides: the
 * sales and stock movements a register's outbox holds (acked, or still
 * waiting) against the rows the cloud stored for the store.
 */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CloudDb } from '../../cloud/src/db';
import { documents, registerCursors, sales, stockMovements } from '../../cloud/src/schema';

export interface LocalLedger {
  registerId: string;
  /** Sale ids of acked sale.completed documents. */
  ackedSales: string[];
  /** Movement ids of acked documents (a sale's movements and stock.moved). */
  ackedMovements: string[];
  /** Outbox rows not acked yet, by seq. */
  unacked: number[];
  /** Unacked rows the cloud refused (last_error set). */
  rejected: number[];
  lastSeq: number;
}

interface Row {
  seq: number;
  type: string;
  payload: string;
  ackedAt: string | null;
  lastError: string | null;
}

export function localLedger(sqlite: Database.Database): LocalLedger {
  const registerId = sqlite.prepare(`SELECT register_id FROM device_identity WHERE id = 1`).pluck().get() as string;
  const rows = sqlite
    .prepare(`SELECT seq, type, payload, acked_at AS ackedAt, last_error AS lastError FROM sync_outbox WHERE register_id = ? ORDER BY seq`)
    .all(registerId) as Row[];
  const ledger: LocalLedger = { registerId, ackedSales: [], ackedMovements: [], unacked: [], rejected: [], lastSeq: rows.at(-1)?.seq ?? 0 };
  for (const row of rows) {
    if (row.ackedAt === null) {
      ledger.unacked.push(row.seq);
      if (row.lastError !== null) ledger.rejected.push(row.seq);
      continue;
    }
    const payload = JSON.parse(row.payload) as { saleId?: string; movementId?: string; stockMovements?: { movementId: string }[] };
    if (row.type === 'sale.completed') {
      ledger.ackedSales.push(payload.saleId!);
      for (const m of payload.stockMovements ?? []) ledger.ackedMovements.push(m.movementId);
    } else if (row.type === 'stock.moved') {
      ledger.ackedMovements.push(payload.movementId!);
    }
  }
  return ledger;
}

export interface CloudLedger {
  sales: string[];
  movements: string[];
  /** Seqs of the register's documents the cloud stored (applied or rejected). */
  documentSeqs: number[];
  appliedSeqs: number[];
  lastAppliedSeq: number;
}

export async function cloudLedger(db: CloudDb, storeId: string, registerId: string): Promise<CloudLedger> {
  const [saleRows, movementRows, docRows, cursorRows] = await Promise.all([
    db.select({ id: sales.saleId }).from(sales).where(and(eq(sales.storeId, storeId), eq(sales.registerId, registerId))),
    db.select({ id: stockMovements.movementId }).from(stockMovements).where(and(eq(stockMovements.storeId, storeId), eq(stockMovements.registerId, registerId))),
    db.select({ seq: documents.seq, status: documents.status }).from(documents).where(and(eq(documents.storeId, storeId), eq(documents.registerId, registerId))),
    db.select({ last: registerCursors.lastAppliedSeq }).from(registerCursors).where(and(eq(registerCursors.storeId, storeId), eq(registerCursors.registerId, registerId))),
  ]);
  const seqs = docRows.map((d) => d.seq).sort((a, b) => a - b);
  return {
    sales: saleRows.map((r) => r.id),
    movements: movementRows.map((r) => r.id),
    documentSeqs: seqs,
    appliedSeqs: docRows.filter((d) => d.status === 'applied').map((d) => d.seq).sort((a, b) => a - b),
    lastAppliedSeq: cursorRows[0]?.last ?? 0,
  };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/**
 * Every acked sale and movement is in the cloud once, the cloud has nothing
 * the register did not send, every outbox row but the refused ones is
 * acked, and the cloud's cursor stands at the register's last document.
 */
export function expectExactlyOnce(local: LocalLedger, cloud: CloudLedger, options: { rejected?: number } = {}): void {
  expect(local.ackedSales.length, 'the register pushed some sales').toBeGreaterThan(0);
  expect(new Set(local.ackedSales).size, 'a sale id twice in the outbox').toBe(local.ackedSales.length);
  expect(sorted(cloud.sales), 'cloud sales vs the register\'s acked sales').toEqual(sorted(local.ackedSales));
  expect(sorted(cloud.movements), 'cloud movements vs the register\'s acked movements').toEqual(sorted(local.ackedMovements));
  expect(local.unacked, 'outbox rows never acked').toEqual(local.rejected);
  expect(local.rejected.length, 'refused documents').toBe(options.rejected ?? 0);
  // One stored document per seq, none missing: 1..lastSeq.
  expect(cloud.documentSeqs).toEqual(Array.from({ length: local.lastSeq }, (_, i) => i + 1));
  expect(cloud.lastAppliedSeq).toBe(local.lastSeq);
}
