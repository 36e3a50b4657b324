/**
 * Applies a `sale.completed` document from another register of the store to
 * this database: the invoice, its lines, payments, stock movements and
 * credit entry, each under its own global id, mapped to this database's
 * integer keys. Applying the same document twice changes nothing.
 *
 * This is what lets a register see the others' sales (returns across
 * registers, stock that adds up): sales and movements are immutable facts,
 * so applying them needs no merge, only the right local keys. A document
 * naming a row this database does not have is refused, naming it: the
 * command that creates that row must be applied first (documents apply in
 * each register's sequence order).
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import type { CommandPayload } from '../../shared/sync/commands';
import { SaleCompletedV1, StockMovedV1 } from '../../shared/sync/commands';
import type { InvoiceStateCode } from '../sales/invoice-states';

export type ApplyOutcome = 'applied' | 'duplicate';

/** A local integer key looked up by global id. */
type LocalId = Database.Statement<[globalId: string], number>;

export function createRemoteSaleApplier(sqlite: Database.Database, states: Record<InvoiceStateCode, number>) {
  const idOf = (table: string, key: string) => sqlite.prepare<[globalId: string], number>(`SELECT ${key} FROM ${table} WHERE global_id = ?`).pluck();
  const local = {
    invoice: idOf('tblfacturas', 'id_facturas'),
    staff: idOf('staff_users', 'id'),
    customer: idOf('tblclientes', 'id_cliente'),
    product: idOf('tblproductos', 'id_producto'),
    variant: idOf('tblprodXcolorXtalla', 'idcolorxtalla'),
  };
  const s = {
    invoice: sqlite.prepare(
      `INSERT INTO tblfacturas (fecha_factura, ID_cliente, total_factura, ID_estado, global_id, updated_at, invoice_number,
         register_code, register_id, staff_id, gross_total, discount_total, tax_total, cash_rounding, change_due,
         prices_include_tax, order_discount_approved_by, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare(
      `INSERT INTO tbldetalle_factura (ID_factura, ID_producto, cantidad, total_producto, ID_prodXcolorXtalla, global_id, line_no,
         unit_price, original_unit_price, discount_amount, order_discount_share, tax_code, tax_rate_bp, tax_amount, base_amount,
         discount_approved_by, price_override_approved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    payment: sqlite.prepare(
      `INSERT INTO payments (global_id, invoice_id, method, amount, tendered, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    movement: sqlite.prepare(
      `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at)
       VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
    credit: sqlite.prepare(
      `INSERT INTO customer_credit (global_id, customer_id, amount, reason, invoice_id, staff_id, occurred_at) VALUES (?, ?, ?, 'sale', ?, ?, ?)`,
    ),
  };

  function need(stmt: LocalId, what: string, globalId: string): number {
    const id = stmt.get(globalId);
    if (id === undefined) throw new DomainError('NOT_FOUND', `${what} ${globalId} is not in this database; apply the document that creates it first`, what);
    return id;
  }
  const maybe = (stmt: LocalId, what: string, globalId: string | null) => (globalId === null ? null : need(stmt, what, globalId));

  return function applyRemoteSale(raw: CommandPayload<'sale.completed'>): ApplyOutcome {
    const sale = SaleCompletedV1.parse(raw);
    return sqlite.transaction((): ApplyOutcome => {
      if (local.invoice.get(sale.saleId) !== undefined) return 'duplicate';
      const staffId = need(local.staff, 'staff', sale.staffId);
      const customerId = maybe(local.customer, 'customer', sale.customerId);
      const registerCode = sale.invoiceNumber.slice(0, sale.invoiceNumber.lastIndexOf('-'));
      const { lastInsertRowid } = s.invoice.run(
        sale.completedAt,
        customerId,
        sale.total,
        states.COMPLETED,
        sale.saleId,
        sale.completedAt,
        sale.invoiceNumber,
        registerCode,
        sale.registerId,
        staffId,
        sale.gross,
        sale.discount,
        sale.tax,
        sale.cashRounding,
        sale.change,
        sale.pricesIncludeTax ? 1 : 0,
        maybe(local.staff, 'staff', sale.orderDiscountApprovedBy),
        sale.completedAt,
      );
      const invoiceId = Number(lastInsertRowid);
      sale.lines.forEach((l, i) => {
        s.line.run(
          invoiceId,
          need(local.product, 'product', l.productId),
          l.quantity,
          l.total,
          need(local.variant, 'variant', l.variantId),
          l.lineId,
          i + 1,
          l.unitPrice,
          l.originalUnitPrice,
          l.discount,
          l.orderDiscountShare,
          l.taxCode,
          l.taxRateBp,
          l.tax,
          l.total - l.tax,
          maybe(local.staff, 'staff', l.discountApprovedBy),
          maybe(local.staff, 'staff', l.priceApprovedBy),
        );
      });
      for (const p of sale.payments) s.payment.run(p.paymentId, invoiceId, p.method, p.amount, p.tendered, p.reference, sale.completedAt);
      for (const m of sale.stockMovements) s.movement.run(m.movementId, need(local.variant, 'variant', m.variantId), m.quantity, sale.saleId, staffId, sale.completedAt);
      if (sale.creditSpent) {
        if (customerId === null) throw new DomainError('VALIDATION', 'store credit was spent on a sale with no customer', 'creditSpent');
        s.credit.run(sale.creditSpent.entryId, customerId, sale.creditSpent.amount, invoiceId, staffId, sale.completedAt);
      }
      return 'applied';
    })();
  };
}

/**
 * Applies a `stock.moved` document from another register: one movement of
 * the ledger under its global id (the trigger moves inventario). Applying
 * it again changes nothing.
 */
export function createRemoteMovementApplier(sqlite: Database.Database) {
  const movement = sqlite.prepare<[string], number>(`SELECT id FROM stock_movements WHERE global_id = ?`).pluck();
  const variant = sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE global_id = ?`).pluck();
  const staff = sqlite.prepare<[string], number>(`SELECT id FROM staff_users WHERE global_id = ?`).pluck();
  const insert = sqlite.prepare(
    `INSERT INTO stock_movements (global_id, variant_id, quantity, reason, reference_id, staff_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const need = (stmt: LocalId, what: string, globalId: string): number => {
    const id = stmt.get(globalId);
    if (id === undefined) throw new DomainError('NOT_FOUND', `${what} ${globalId} is not in this database; apply the document that creates it first`, what);
    return id;
  };
  return function applyRemoteMovement(raw: CommandPayload<'stock.moved'>): ApplyOutcome {
    const m = StockMovedV1.parse(raw);
    return sqlite.transaction((): ApplyOutcome => {
      if (movement.get(m.movementId) !== undefined) return 'duplicate';
      insert.run(m.movementId, need(variant, 'variant', m.variantId), m.quantity, m.reason, m.referenceId, m.staffId === null ? null : need(staff, 'staff', m.staffId), m.occurredAt);
      return 'applied';
    })();
  };
}
