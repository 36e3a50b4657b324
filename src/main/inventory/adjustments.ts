/** Stock adjustments with a reason code: damage, theft, correction, found... */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { AdjustmentReason } from '../../../db/schema/inventory';
import type { Actor, WritePath } from '../write';
import type { StockLedger } from './ledger';

export interface AdjustmentInput {
  reasonCode: AdjustmentReason;
  note?: string | null;
  /** Signed change per variant (a grid's cells), never zero. */
  lines: { variantId: number; quantity: number }[];
}

export function createAdjustments(sqlite: Database.Database, writes: WritePath, ledger: StockLedger) {
  const insert = sqlite.prepare(`INSERT INTO stock_adjustments (global_id, reason_code, note, staff_id, occurred_at) VALUES (?, ?, ?, ?, ?)`);

  return {
    adjust(actor: Actor, input: AdjustmentInput): { adjustmentId: string; movements: number } {
      const lines = mergeLines(input.lines);
      if (lines.length === 0) throw new DomainError('VALIDATION', 'enter at least one quantity to adjust', 'lines');
      return writes.mutate(actor, (w) => {
        const adjustmentId = newGlobalId();
        const note = input.note?.trim() || null;
        insert.run(adjustmentId, input.reasonCode, note, actor.id, w.now);
        const moved = lines.map((l, i) => {
          const v = ledger.variant(l.variantId, `lines.${i}.variantId`);
          ledger.checkNotNegative(v, l.quantity, `lines.${i}.quantity`);
          const booked = ledger.move(w, { variant: v, quantity: l.quantity, reason: 'adjustment', referenceId: adjustmentId, note });
          return { movementId: booked.movementId, variantId: v.globalId, quantity: l.quantity };
        });
        w.audit({ action: 'stock.adjusted', entity: 'stock_adjustments', entityId: adjustmentId, details: { reasonCode: input.reasonCode, note, lines } });
        w.emit('stock.adjusted', { adjustmentId, reasonCode: input.reasonCode, note, staffId: ledger.staffGlobalId(w), occurredAt: w.now, lines: moved });
        return { adjustmentId, movements: moved.length };
      });
    },
  };
}

/** One line per variant (two cells naming the same variant add up); zero lines dropped. */
export function mergeLines<T extends { variantId: number; quantity: number }>(lines: T[]): T[] {
  const byVariant = new Map<number, T>();
  for (const l of lines) {
    const seen = byVariant.get(l.variantId);
    byVariant.set(l.variantId, seen ? { ...seen, quantity: seen.quantity + l.quantity } : { ...l });
  }
  return [...byVariant.values()].filter((l) => l.quantity !== 0);
}
