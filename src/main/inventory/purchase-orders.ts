/**
 * Purchase orders to a manufacturer and the goods receipts against them.
 * A receipt may be partial (the order stays 'partial') or over what was
 * ordered (shown as over, never refused: the goods are on the shelf); each
 * received line is a 'receipt' movement with an optional unit cost, which
 * stock value and margins then use.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { PurchaseOrderDto, PurchaseOrderSummaryDto } from '../../shared/ipc/dto-inventory';
import { must } from '../db/rows';
import type { DeviceService } from '../device/device-identity';
import type { Actor, WriteContext, WritePath } from '../write';
import { mergeLines } from './adjustments';
import { nextNumber, type StockLedger } from './ledger';

export interface NewOrder {
  manufacturerId: number;
  note?: string | null;
  expectedAt?: string | null;
  lines: { variantId: number; quantity: number; unitCost?: number | null }[];
}

export interface ReceiptInput {
  /** The order received against; null for goods that came without one. */
  orderId: number | null;
  manufacturerId?: number | null;
  note?: string | null;
  lines: { variantId: number; quantity: number; unitCost?: number | null }[];
}

type Status = PurchaseOrderSummaryDto['status'];

export function createPurchaseOrders(sqlite: Database.Database, writes: WritePath, ledger: StockLedger, device: DeviceService) {
  const q = {
    insertOrder: sqlite.prepare(
      `INSERT INTO purchase_orders (global_id, number, manufacturer_id, status, note, expected_at, created_by, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    ),
    insertLine: sqlite.prepare(`INSERT INTO purchase_order_lines (global_id, order_id, variant_id, quantity_ordered, unit_cost) VALUES (?, ?, ?, ?, ?)`),
    manufacturer: sqlite.prepare<[number], { id: number; globalId: string; name: string }>(
      `SELECT id_fabricante AS id, global_id AS globalId, nombre_fabricante AS name FROM tblfabricantes WHERE id_fabricante = ?`,
    ),
    summaries: sqlite.prepare<{ status: string | null; id: number | null }, PurchaseOrderSummaryDto>(
      `SELECT o.id, o.number, o.manufacturer_id AS manufacturerId, f.nombre_fabricante AS manufacturer, o.status, o.created_at AS createdAt, o.expected_at AS expectedAt,
              COALESCE((SELECT SUM(quantity_ordered) FROM purchase_order_lines WHERE order_id = o.id), 0) AS ordered,
              COALESCE((SELECT SUM(quantity_received) FROM purchase_order_lines WHERE order_id = o.id), 0) AS received
         FROM purchase_orders o JOIN tblfabricantes f ON f.id_fabricante = o.manufacturer_id
        WHERE (:status IS NULL OR o.status = :status) AND (:id IS NULL OR o.id = :id) ORDER BY o.id DESC LIMIT 200`,
    ),
    order: sqlite.prepare<[number], { id: number; globalId: string; number: string; manufacturerId: number; status: Status; note: string | null; expectedAt: string | null }>(
      `SELECT id, global_id AS globalId, number, manufacturer_id AS manufacturerId, status, note, expected_at AS expectedAt FROM purchase_orders WHERE id = ?`,
    ),
    lines: sqlite.prepare<[number], PurchaseOrderDto['lines'][number] & { globalId: string; variantGlobalId: string }>(
      `SELECT l.id AS lineId, l.global_id AS globalId, l.variant_id AS variantId, v.global_id AS variantGlobalId, p.id_producto AS productId, p.plu, p.nombre_producto AS name,
              c.color AS colorName, t.talla AS sizeCode, l.quantity_ordered AS quantityOrdered, l.quantity_received AS quantityReceived,
              l.quantity_received - l.quantity_ordered AS difference, l.unit_cost AS unitCost
         FROM purchase_order_lines l
         JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = l.variant_id
         JOIN tblproductos p ON p.id_producto = v.ID_producto
         JOIN tblcolor c ON c.id_color = v.ID_color JOIN tbltallas t ON t.id_talla = v.ID_talla
        WHERE l.order_id = ? ORDER BY p.nombre_producto, c.color, t.sort_order`,
    ),
    addReceived: sqlite.prepare(`UPDATE purchase_order_lines SET quantity_received = quantity_received + ? WHERE id = ?`),
    setStatus: sqlite.prepare(`UPDATE purchase_orders SET status = ?, updated_at = ? WHERE id = ?`),
    insertReceipt: sqlite.prepare(`INSERT INTO goods_receipts (global_id, order_id, manufacturer_id, note, staff_id, received_at) VALUES (?, ?, ?, ?, ?, ?)`),
    insertReceiptLine: sqlite.prepare(`INSERT INTO goods_receipt_lines (global_id, receipt_id, variant_id, quantity, unit_cost) VALUES (?, ?, ?, ?, ?)`),
  };

  function manufacturer(id: number) {
    const m = q.manufacturer.get(id);
    if (!m) throw new DomainError('NOT_FOUND', `no manufacturer ${id}`, 'manufacturerId');
    return m;
  }

  function load(id: number) {
    const o = q.order.get(id);
    if (!o) throw new DomainError('NOT_FOUND', `no purchase order ${id}`, 'orderId');
    return o;
  }

  /** The purchase_order.saved document of an order as stored now. */
  function emitOrder(w: WriteContext, id: number): void {
    const o = load(id);
    w.emit('purchase_order.saved', {
      orderId: o.globalId,
      number: o.number,
      manufacturerId: manufacturer(o.manufacturerId).globalId,
      status: o.status,
      note: o.note,
      expectedAt: o.expectedAt,
      lines: q.lines.all(id).map((l) => ({ lineId: l.globalId, variantId: l.variantGlobalId, quantityOrdered: l.quantityOrdered, quantityReceived: l.quantityReceived, unitCost: l.unitCost })),
    });
  }

  const api = {
    list(status: Status | null = null): PurchaseOrderSummaryDto[] {
      return q.summaries.all({ status, id: null });
    },

    get(id: number): PurchaseOrderDto {
      const o = load(id);
      const summary = must(q.summaries.get({ status: null, id }), `order ${id}`);
      return { ...summary, note: o.note, lines: q.lines.all(id).map(({ globalId: _g, variantGlobalId: _v, ...l }) => l) };
    },

    create(actor: Actor, input: NewOrder): PurchaseOrderDto {
      const m = manufacturer(input.manufacturerId);
      const lines = mergeLines(input.lines.map((l) => ({ ...l, quantity: l.quantity })));
      if (lines.length === 0) throw new DomainError('VALIDATION', 'order at least one unit', 'lines');
      lines.forEach((l, i) => {
        if (l.quantity <= 0) throw new DomainError('VALIDATION', 'ordered quantities must be positive', `lines.${i}.quantity`);
      });
      const id = writes.mutate(actor, (w) => {
        const number = nextNumber(sqlite, 'purchase_orders', 'PO', device.identity().registerCode);
        const globalId = newGlobalId();
        const orderId = Number(q.insertOrder.run(globalId, number, m.id, input.note?.trim() || null, input.expectedAt ?? null, actor.id, w.now, w.now).lastInsertRowid);
        lines.forEach((l, i) => {
          ledger.variant(l.variantId, `lines.${i}.variantId`);
          q.insertLine.run(newGlobalId(), orderId, l.variantId, l.quantity, l.unitCost ?? null);
        });
        w.audit({ action: 'purchase_order.create', entity: 'purchase_orders', entityId: globalId, details: { number, manufacturer: m.name, lines: lines.length, units: lines.reduce((a, l) => a + l.quantity, 0) } });
        emitOrder(w, orderId);
        return orderId;
      });
      return api.get(id);
    },

    /** Cancels an order nothing was received against, or closes one that was partly received (what is still due will not come). */
    close(actor: Actor, id: number): PurchaseOrderDto {
      writes.mutate(actor, (w) => {
        const o = load(id);
        if (o.status === 'closed' || o.status === 'cancelled' || o.status === 'received') {
          throw new DomainError('CONFLICT', `purchase order ${o.number} is already ${o.status}`, 'orderId');
        }
        const next: Status = o.status === 'open' ? 'cancelled' : 'closed';
        q.setStatus.run(next, w.now, id);
        w.audit({ action: `purchase_order.${next}`, entity: 'purchase_orders', entityId: o.globalId, before: { status: o.status }, after: { status: next } });
        emitOrder(w, id);
      });
      return api.get(id);
    },

    /** Takes goods in: one 'receipt' movement per line, and the order's received quantities and status. */
    receive(actor: Actor, input: ReceiptInput): { receiptId: string; order: PurchaseOrderDto | null } {
      const lines = mergeLines(input.lines);
      if (lines.length === 0) throw new DomainError('VALIDATION', 'enter at least one received quantity', 'lines');
      lines.forEach((l, i) => {
        if (l.quantity <= 0) throw new DomainError('VALIDATION', 'received quantities must be positive', `lines.${i}.quantity`);
      });
      const receiptId = writes.mutate(actor, (w) => {
        const order = input.orderId === null ? null : load(input.orderId);
        if (order && (order.status === 'closed' || order.status === 'cancelled' || order.status === 'received')) {
          throw new DomainError('CONFLICT', `purchase order ${order.number} is ${order.status}; nothing more is received against it`, 'orderId');
        }
        const m = order ? manufacturer(order.manufacturerId) : input.manufacturerId ? manufacturer(input.manufacturerId) : null;
        const orderLines = order ? q.lines.all(order.id) : [];
        const receiptGlobal = newGlobalId();
        const note = input.note?.trim() || null;
        const receiptRow = Number(q.insertReceipt.run(receiptGlobal, order?.id ?? null, m?.id ?? null, note, actor.id, w.now).lastInsertRowid);
        const docLines = lines.map((l, i) => {
          const v = ledger.variant(l.variantId, `lines.${i}.variantId`);
          const onOrder = orderLines.find((ol) => ol.variantId === l.variantId);
          if (order && !onOrder) throw new DomainError('VALIDATION', `${v.label} is not on purchase order ${order.number}`, `lines.${i}.variantId`);
          const unitCost = l.unitCost ?? onOrder?.unitCost ?? null;
          const lineId = newGlobalId();
          q.insertReceiptLine.run(lineId, receiptRow, v.id, l.quantity, unitCost);
          if (onOrder) q.addReceived.run(l.quantity, onOrder.lineId);
          const booked = ledger.move(w, { variant: v, quantity: l.quantity, reason: 'receipt', referenceId: receiptGlobal, note });
          return { lineId, variantId: v.globalId, movementId: booked.movementId, quantity: l.quantity, unitCost };
        });
        if (order) {
          const after = q.lines.all(order.id);
          const status: Status = after.every((l) => l.quantityReceived >= l.quantityOrdered) ? 'received' : 'partial';
          if (status !== order.status) q.setStatus.run(status, w.now, order.id);
          emitOrder(w, order.id);
        }
        const units = lines.reduce((a, l) => a + l.quantity, 0);
        w.audit({ action: 'goods.received', entity: 'goods_receipts', entityId: receiptGlobal, details: { order: order?.number ?? null, lines: lines.length, units } });
        w.emit('goods.received', { receiptId: receiptGlobal, orderId: order?.globalId ?? null, manufacturerId: m?.globalId ?? null, staffId: ledger.staffGlobalId(w), receivedAt: w.now, note, lines: docLines });
        return receiptGlobal;
      });
      return { receiptId, order: input.orderId === null ? null : api.get(input.orderId) };
    },
  };
  return api;
}

export type PurchaseOrders = ReturnType<typeof createPurchaseOrders>;
