/**
 * Completing a sale: one write (one SQLite transaction) stores the invoice
 * (state COMPLETED, gapless per-register number), its priced lines, the
 * payments, the stock movements, the store-credit spend, the audit entry and
 * ONE outbox document, `sale.completed`, that carries all of it by global id.
 * All of it or none of it. The completion key makes a retry (double click,
 * repeated key, retry after a crash) return the same sale.
 *
 * Why one document and not one per line or movement: the sale is one
 * business fact the cloud must apply whole; its stock movements are part of
 * it (derived, immutable), so they travel inside it and can never arrive
 * without their sale, or twice.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { StaffSummary } from '../../shared/ipc/dto';
import type { CommandPayload } from '../../shared/sync/commands';
import { must } from '../db/rows';
import type { DeviceService } from '../device/device-identity';
import type { SettingsService } from '../settings/settings-service';
import type { WritePath } from '../write';
import type { InvoiceStateCode } from './invoice-states';
import type { SaleService } from './sale-service';
import { settle, type TenderInput } from '../../shared/tender';

export interface CompletedSale {
  invoiceId: number;
  invoiceNumber: string;
  /** True when this call found the sale already completed under the same key. */
  replayed: boolean;
}

export const formatInvoiceNumber = (register: string, n: number) => `${register}-${String(n).padStart(6, '0')}`;

interface SoldLine {
  id: number;
  variantId: number;
  quantity: number;
  unitPrice: number;
  originalUnitPrice: number | null;
  total: number;
  discount: number;
  orderShare: number;
  taxCode: string;
  taxRateBp: number;
  tax: number;
  lineGlobalId: string;
  productGlobalId: string;
  variantGlobalId: string;
  approverGlobalId: string | null;
  priceApproverGlobalId: string | null;
}

interface CompletionRow {
  invoiceId: number;
  invoiceNumber: string;
}

interface SoldInvoice {
  total: number;
  gross: number;
  discount: number;
  tax: number;
  globalId: string;
  customerId: number | null;
  customerGlobalId: string | null;
  pricesIncludeTax: number;
  orderApproverGlobalId: string | null;
}

export function createSaleCompleter(deps: {
  sqlite: Database.Database;
  writes: WritePath;
  device: DeviceService;
  settings: SettingsService;
  sales: SaleService;
  states: Record<InvoiceStateCode, number>;
}) {
  const { sqlite, writes, device, settings, sales } = deps;
  const s = {
    byKey: sqlite.prepare<[completionKey: string], CompletionRow>(`SELECT id_facturas AS invoiceId, invoice_number AS invoiceNumber FROM tblfacturas WHERE completion_key = ?`),
    nextNumber: sqlite.prepare<[registerCode: string], number>(
      `INSERT INTO register_sequences (register_code, last_number) VALUES (?, 1)
       ON CONFLICT(register_code) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    ).pluck(),
    lines: sqlite.prepare<[draftId: number], SoldLine>(
      `SELECT d.id_det_fac AS id, d.ID_prodXcolorXtalla AS variantId, d.cantidad AS quantity, d.unit_price AS unitPrice,
              d.original_unit_price AS originalUnitPrice, d.total_producto AS total, d.discount_amount AS discount,
              d.order_discount_share AS orderShare, d.tax_code AS taxCode, d.tax_rate_bp AS taxRateBp, d.tax_amount AS tax,
              d.global_id AS lineGlobalId, p.global_id AS productGlobalId, v.global_id AS variantGlobalId,
              a.global_id AS approverGlobalId, pa.global_id AS priceApproverGlobalId
       FROM tbldetalle_factura d
       JOIN tblproductos p ON p.id_producto = d.ID_producto
       JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = d.ID_prodXcolorXtalla
       LEFT JOIN staff_users a ON a.id = d.discount_approved_by
       LEFT JOIN staff_users pa ON pa.id = d.price_override_approved_by
       WHERE d.ID_factura = ? ORDER BY d.line_no`,
    ),
    stockOf: sqlite.prepare<[variantId: number], number>(`SELECT inventario FROM tblprodXcolorXtalla WHERE idcolorxtalla = ?`).pluck(),
    complete: sqlite.prepare(
      `UPDATE tblfacturas SET invoice_number = ?, fecha_factura = ?, completed_at = ?, staff_id = ?, cash_rounding = ?,
         change_due = ?, completion_key = ?, pending_tenders = NULL
       WHERE id_facturas = ?`,
    ),
    invoice: sqlite.prepare<[draftId: number], SoldInvoice>(
      `SELECT f.total_factura AS total, f.gross_total AS gross, f.discount_total AS discount, f.tax_total AS tax,
              f.global_id AS globalId, f.ID_cliente AS customerId, c.global_id AS customerGlobalId,
              f.prices_include_tax AS pricesIncludeTax, a.global_id AS orderApproverGlobalId
       FROM tblfacturas f
       LEFT JOIN tblclientes c ON c.id_cliente = f.ID_cliente
       LEFT JOIN staff_users a ON a.id = f.order_discount_approved_by
       WHERE f.id_facturas = ?`,
    ),
    staffGlobalId: sqlite.prepare<[staffId: number], string>(`SELECT global_id FROM staff_users WHERE id = ?`).pluck(),
    payment: sqlite.prepare(
      `INSERT INTO payments (global_id, invoice_id, method, amount, tendered, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    movement: sqlite.prepare(
      `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at)
       VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
    creditBalance: sqlite.prepare<[customerId: number], number>(`SELECT COALESCE(SUM(amount), 0) FROM customer_credit WHERE customer_id = ?`).pluck(),
    creditSpend: sqlite.prepare(
      `INSERT INTO customer_credit (global_id, customer_id, amount, reason, invoice_id, staff_id, occurred_at) VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
  };

  return function completeSale(actor: StaffSummary, tenders: TenderInput[], completionKey: string, draftId?: number | null): CompletedSale {
    if (!/^[A-Za-z0-9-]{8,64}$/.test(completionKey)) {
      throw new DomainError('VALIDATION', 'completion key must be 8-64 letters, digits or dashes', 'completionKey');
    }
    return writes.mutate(actor, (w): CompletedSale => {
      // A retry (double click, lost answer) finds the sale its key already made.
      const again = s.byKey.get(completionKey);
      if (again) return { ...again, replayed: true };

      const draft = sales.requireDraft(draftId);
      sales.reprice(draft);
      const lines = s.lines.all(draft.id);
      if (lines.length === 0) throw new DomainError('VALIDATION', 'the sale has no lines', 'lines');
      const store = settings.store();

      if (store.stockPolicy === 'block') {
        const wanted = new Map<number, number>();
        for (const l of lines) wanted.set(l.variantId, (wanted.get(l.variantId) ?? 0) + l.quantity);
        for (const [variantId, qty] of wanted) {
          if (qty > must(s.stockOf.get(variantId), `stock of variant ${variantId}`)) throw new DomainError('STOCK_SHORT', 'a line is no longer in stock', 'lines', { variantId });
        }
      }

      const invoice = must(s.invoice.get(draft.id), `invoice ${draft.id}, the open draft`);
      const settlement = settle(invoice.total, tenders, store.cashRoundingIncrement);
      const now = w.now;
      const staffGlobalId = must(s.staffGlobalId.get(actor.id), `staff user ${actor.id}`);

      let creditSpent: CommandPayload<'sale.completed'>['creditSpent'] = null;
      const credit = settlement.payments.filter((p) => p.method === 'store_credit').reduce((a, p) => a + p.amount, 0);
      if (credit > 0) {
        if (invoice.customerId === null) throw new DomainError('VALIDATION', 'store credit needs a customer on the sale', 'payments');
        const balance = must(s.creditBalance.get(invoice.customerId), 'a store-credit balance');
        if (credit > balance) throw new DomainError('PAYMENT_SHORT', 'the customer has less store credit than that', 'payments', { balance });
        const entryId = newGlobalId();
        s.creditSpend.run(entryId, invoice.customerId, -credit, draft.id, actor.id, now);
        creditSpent = { entryId, amount: -credit };
      }

      const { registerId, registerCode } = device.identity();
      const number = formatInvoiceNumber(registerCode, must(s.nextNumber.get(registerCode), `the next invoice number of register ${registerCode}`));
      sales.machine.transition(draft.id, 'COMPLETED', now, 'DRAFT');
      s.complete.run(number, now, now, actor.id, settlement.rounding, settlement.change, completionKey, draft.id);

      const payments = settlement.payments.map((p) => {
        const paymentId = newGlobalId();
        s.payment.run(paymentId, draft.id, p.method, p.amount, p.tendered, p.reference, now);
        return { paymentId, method: p.method, amount: p.amount, tendered: p.tendered, reference: p.reference };
      });
      const stockMovements = lines.map((l) => {
        const movementId = newGlobalId();
        s.movement.run(movementId, l.variantId, -l.quantity, invoice.globalId, actor.id, now);
        return { movementId, variantId: l.variantGlobalId, quantity: -l.quantity };
      });

      w.emit('sale.completed', {
        saleId: invoice.globalId,
        invoiceNumber: number,
        registerId,
        completedAt: now,
        staffId: staffGlobalId,
        customerId: invoice.customerGlobalId,
        pricesIncludeTax: invoice.pricesIncludeTax === 1,
        gross: invoice.gross,
        discount: invoice.discount,
        tax: invoice.tax,
        total: invoice.total,
        cashRounding: settlement.rounding,
        change: settlement.change,
        orderDiscountApprovedBy: invoice.orderApproverGlobalId,
        lines: lines.map((l) => ({
          lineId: l.lineGlobalId,
          productId: l.productGlobalId,
          variantId: l.variantGlobalId,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          originalUnitPrice: l.originalUnitPrice,
          discount: l.discount,
          orderDiscountShare: l.orderShare,
          taxCode: l.taxCode,
          taxRateBp: l.taxRateBp,
          tax: l.tax,
          total: l.total,
          discountApprovedBy: l.approverGlobalId,
          priceApprovedBy: l.priceApproverGlobalId,
        })),
        payments,
        stockMovements,
        creditSpent,
      });
      w.audit({
        action: 'sale.completed',
        entity: 'tblfacturas',
        entityId: invoice.globalId,
        details: { invoiceNumber: number, total: invoice.total, change: settlement.change, payments: settlement.payments.map((p) => p.method) },
      });
      return { invoiceId: draft.id, invoiceNumber: number, replayed: false };
    });
  };
}

export type CompleteSale = ReturnType<typeof createSaleCompleter>;
