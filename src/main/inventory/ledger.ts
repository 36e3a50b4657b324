/**
 * Books stock movements: the only way stock changes (triggers apply each
 * movement to tblprodXcolorXtalla.inventario and refuse anything else). Each
 * movement also goes out as a `stock.moved` document in the same write, so
 * every register and the cloud sum the same ledger.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { StockMovementReason } from '../../../db/schema/inventory';
import type { SettingsService } from '../settings/settings-service';
import type { WriteContext } from '../write';

export interface VariantFacts {
  id: number;
  globalId: string;
  stock: number;
  label: string;
}

export interface Booked {
  movementId: string;
  variantGlobalId: string;
}

export function createStockLedger(sqlite: Database.Database, settings: Pick<SettingsService, 'store'>) {
  const insert = sqlite.prepare(
    `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, note, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const variant = sqlite.prepare<[number], VariantFacts>(
    `SELECT v.idcolorxtalla AS id, v.global_id AS globalId, v.inventario AS stock,
            p.nombre_producto || ' ' || c.color || ' ' || t.talla AS label
       FROM tblprodXcolorXtalla v
       JOIN tblproductos p ON p.id_producto = v.ID_producto
       JOIN tblcolor c ON c.id_color = v.ID_color
       JOIN tbltallas t ON t.id_talla = v.ID_talla
      WHERE v.idcolorxtalla = ?`,
  );
  const staffGlobal = sqlite.prepare<[number], string>(`SELECT global_id FROM staff_users WHERE id = ?`).pluck();

  return {
    /** The variant, or NOT_FOUND naming the field. */
    variant(id: number, field = 'variantId'): VariantFacts {
      const v = variant.get(id);
      if (!v) throw new DomainError('NOT_FOUND', `no variant ${id}`, field);
      return v;
    },

    staffGlobalId(w: WriteContext): string | null {
      return w.actor ? (staffGlobal.get(w.actor.id) ?? null) : null;
    },

    /**
     * Refuses a movement that would take stock below zero when the store's
     * policy is to block (the same policy the till uses); with 'warn' stock
     * may go negative, as it does when a sale outruns the shelf count.
     */
    checkNotNegative(v: VariantFacts, delta: number, field: string): void {
      if (delta < 0 && v.stock + delta < 0 && settings.store().stockPolicy === 'block') {
        throw new DomainError('STOCK_SHORT', `only ${Math.max(v.stock, 0)} of ${v.label} in stock; the store does not allow negative stock`, field, { stock: v.stock, variantId: v.id });
      }
    },

    /** Books one movement and its `stock.moved` document inside the caller's write. */
    move(w: WriteContext, m: { variant: VariantFacts; quantity: number; reason: StockMovementReason; referenceId: string; note?: string | null }): Booked {
      const movementId = newGlobalId();
      insert.run(movementId, m.variant.id, m.quantity, m.reason, m.referenceId, w.actor?.id ?? null, m.note ?? null, w.now);
      w.emit('stock.moved', {
        movementId,
        variantId: m.variant.globalId,
        quantity: m.quantity,
        reason: m.reason === 'initial' ? 'adjustment' : m.reason,
        referenceId: m.referenceId,
        staffId: this.staffGlobalId(w),
        occurredAt: w.now,
      });
      return { movementId, variantGlobalId: m.variant.globalId };
    },
  };
}

export type StockLedger = ReturnType<typeof createStockLedger>;

/** The next readable number of a document on this register: PREFIX-REG-000001. */
export function nextNumber(sqlite: Database.Database, table: 'purchase_orders' | 'stock_transfers', prefix: string, registerCode: string): string {
  const head = `${prefix}-${registerCode}-`;
  const last = sqlite.prepare<[number, string], string>(`SELECT number FROM ${table} WHERE substr(number, 1, ?) = ? ORDER BY number DESC LIMIT 1`).pluck().get(head.length, head);
  const n = last ? Number(last.slice(head.length)) + 1 : 1;
  return `${head}${String(n).padStart(6, '0')}`;
}
