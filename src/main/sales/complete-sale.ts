/**
 * Completing a sale: one SQLite transaction writes the invoice (state
 * COMPLETED, gapless per-register number), its priced lines, the payments,
 * the stock movements, the store-credit spend, the sync outbox entry and the
 * audit entry. All of it or none of it. The completion key makes a retry
 * (double click, repeated key, retry after a crash) return the same sale.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { StaffSummary } from '../../shared/ipc/dto';
import type { AuditLog } from '../audit/audit-log';
import { isoNow, type Clock } from '../db/clock';
import type { SettingsService } from '../settings/settings-service';
import type { LineRow } from './draft-store';
import type { InvoiceStateCode } from './invoice-states';
import type { SaleService } from './sale-service';
import { settle, type TenderInput } from './tender';

export interface CompletedSale {
  invoiceId: number;
  invoiceNumber: string;
  /** True when this call found the sale already completed under the same key. */
  replayed: boolean;
}

export const formatInvoiceNumber = (register: string, n: number) => `${register}-${String(n).padStart(6, '0')}`;

export function createSaleCompleter(deps: {
  sqlite: Database.Database;
  clock: Clock;
  audit: AuditLog;
  settings: SettingsService;
  sales: SaleService;
  states: Record<InvoiceStateCode, number>;
}) {
  const { sqlite, clock, audit, settings, sales, states } = deps;
  const s = {
    byKey: sqlite.prepare(`SELECT id_facturas AS invoiceId, invoice_number AS invoiceNumber FROM tblfacturas WHERE completion_key = ?`),
    nextNumber: sqlite.prepare(
      `INSERT INTO register_sequences (register_code, last_number) VALUES (?, 1)
       ON CONFLICT(register_code) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    ).pluck(),
    lines: sqlite.prepare(
      `SELECT id_det_fac AS id, ID_prodXcolorXtalla AS variantId, ID_producto AS productId, cantidad AS quantity,
              unit_price AS unitPrice, total_producto AS total, tax_code AS taxCode, tax_amount AS tax, global_id AS globalId
       FROM tbldetalle_factura WHERE ID_factura = ? ORDER BY line_no`,
    ),
    stockOf: sqlite.prepare(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck(),
    complete: sqlite.prepare(
      `UPDATE tblfacturas SET ID_estado = ?, invoice_number = ?, fecha_factura = ?, completed_at = ?, updated_at = ?,
         staff_id = ?, cash_rounding = ?, change_due = ?, completion_key = ?, pending_tenders = NULL
       WHERE id_facturas = ? AND ID_estado = ?`,
    ),
    totals: sqlite.prepare(`SELECT total_factura AS total, global_id AS globalId, ID_cliente AS customerId FROM tblfacturas WHERE id_facturas = ?`),
    payment: sqlite.prepare(
      `INSERT INTO payments (global_id, invoice_id, method, amount, tendered, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    movement: sqlite.prepare(
      `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at)
       VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
    creditBalance: sqlite.prepare(`SELECT COALESCE(SUM(amount), 0) FROM customer_credit WHERE customer_id = ?`).pluck(),
    creditSpend: sqlite.prepare(
      `INSERT INTO customer_credit (global_id, customer_id, amount, reason, invoice_id, staff_id, occurred_at) VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
    outbox: sqlite.prepare(
      `INSERT INTO sync_outbox (idempotency_key, entity, entity_global_id, operation, payload, created_at) VALUES (?, 'sale', ?, 'upsert', ?, ?)`,
    ),
  };

  return function completeSale(actor: StaffSummary, tenders: TenderInput[], completionKey: string): CompletedSale {
    if (!/^[A-Za-z0-9-]{8,64}$/.test(completionKey)) {
      throw new DomainError('VALIDATION', 'completion key must be 8-64 letters, digits or dashes', 'completionKey');
    }
    return sqlite.transaction((): CompletedSale => {
      const done = s.byKey.get(completionKey) as { invoiceId: number; invoiceNumber: string } | undefined;
      if (done) return { ...done, replayed: true };

      const draft = sales.currentDraftRow();
      if (!draft) throw new DomainError('VALIDATION', 'there is no sale in progress', 'draftId');
      sales.reprice(draft);
      const lines = s.lines.all(draft.id) as (Pick<LineRow, 'id' | 'variantId' | 'productId' | 'quantity' | 'unitPrice' | 'taxCode' | 'globalId'> & { total: number; tax: number })[];
      if (lines.length === 0) throw new DomainError('VALIDATION', 'the sale has no lines', 'lines');
      const store = settings.store();

      if (store.stockPolicy === 'block') {
        const wanted = new Map<number, number>();
        for (const l of lines) wanted.set(l.variantId, (wanted.get(l.variantId) ?? 0) + l.quantity);
        for (const [variantId, qty] of wanted) {
          if (qty > (s.stockOf.get(variantId) as number)) throw new DomainError('STOCK_SHORT', 'a line is no longer in stock', 'lines', { variantId });
        }
      }

      const { total, globalId, customerId } = s.totals.get(draft.id) as { total: number; globalId: string; customerId: number | null };
      const settlement = settle(total, tenders, store.cashRoundingIncrement);
      const now = isoNow(clock);

      const credit = settlement.payments.filter((p) => p.method === 'store_credit').reduce((a, p) => a + p.amount, 0);
      if (credit > 0) {
        if (customerId === null) throw new DomainError('VALIDATION', 'store credit needs a customer on the sale', 'payments');
        const balance = s.creditBalance.get(customerId) as number;
        if (credit > balance) throw new DomainError('PAYMENT_SHORT', 'the customer has less store credit than that', 'payments', { balance });
        s.creditSpend.run(newGlobalId(), customerId, -credit, draft.id, actor.id, now);
      }

      const number = formatInvoiceNumber(store.registerCode, s.nextNumber.get(store.registerCode) as number);
      const changed = s.complete.run(states.COMPLETED, number, now, now, now, actor.id, settlement.rounding, settlement.change, completionKey, draft.id, states.DRAFT);
      if (changed.changes !== 1) throw new DomainError('CONFLICT', 'the sale changed while it was being completed; try again', 'draftId');

      const paymentDocs = settlement.payments.map((p) => {
        const id = newGlobalId();
        s.payment.run(id, draft.id, p.method, p.amount, p.tendered, p.reference, now);
        return { globalId: id, ...p };
      });
      const movementDocs = lines.map((l) => {
        const id = newGlobalId();
        s.movement.run(id, l.variantId, -l.quantity, globalId, actor.id, now);
        return { globalId: id, variantId: l.variantId, quantity: -l.quantity };
      });

      s.outbox.run(
        newGlobalId(),
        globalId,
        JSON.stringify({
          globalId,
          invoiceNumber: number,
          registerCode: store.registerCode,
          completedAt: now,
          staffId: actor.id,
          customerId,
          total,
          cashRounding: settlement.rounding,
          lines: lines.map((l) => ({ globalId: l.globalId, variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice, total: l.total, taxCode: l.taxCode, tax: l.tax })),
          payments: paymentDocs,
          stockMovements: movementDocs,
        }),
        now,
      );
      audit.record({
        staffId: actor.id,
        action: 'sale.completed',
        entity: 'tblfacturas',
        entityId: globalId,
        details: { invoiceNumber: number, total, change: settlement.change, payments: settlement.payments.map((p) => p.method) },
      });
      return { invoiceId: draft.id, invoiceNumber: number, replayed: false };
    })();
  };
}

export type CompleteSale = ReturnType<typeof createSaleCompleter>;
