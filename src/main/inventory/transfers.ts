/**
 * Transfers between stores of the chain.
 *
 * Sending (built here, works offline): stock leaves this store when the
 * transfer is sent ('transfer_out' movements) and the transfer shows as in
 * transit. Receiving: the sending store's `transfer.sent` document reaches
 * the receiving store through the cloud; `recordIncoming` turns it into an
 * incoming transfer in transit, and accepting it line by line books what
 * actually arrived ('transfer_in') with any discrepancy recorded. The cloud
 * today delivers documents only within one store, so routing `transfer.sent`
 * to the other store (and its `transfer.received` back) waits for the sync
 * side; everything after arrival is local and built.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { TransferDto, TransferSummaryDto } from '../../shared/ipc/dto-inventory';
import type { CommandPayload } from '../../shared/sync/commands';
import { must } from '../db/rows';
import type { DeviceService } from '../device/device-identity';
import type { Actor, WritePath } from '../write';
import { mergeLines } from './adjustments';
import { nextNumber, type StockLedger } from './ledger';

export interface SendInput {
  toStore: string;
  note?: string | null;
  lines: { variantId: number; quantity: number }[];
}

export interface AcceptInput {
  lines: { lineId: number; quantityReceived: number; discrepancyNote?: string | null }[];
}

export function createTransfers(sqlite: Database.Database, writes: WritePath, ledger: StockLedger, device: DeviceService) {
  const q = {
    insert: sqlite.prepare(
      `INSERT INTO stock_transfers (global_id, direction, number, other_store, status, note, sent_by, sent_at) VALUES (?, ?, ?, ?, 'in_transit', ?, ?, ?)`,
    ),
    insertLine: sqlite.prepare(`INSERT INTO stock_transfer_lines (global_id, transfer_id, variant_id, quantity_sent) VALUES (?, ?, ?, ?)`),
    summaries: sqlite.prepare<{ direction: string | null; status: string | null; id: number | null }, TransferSummaryDto>(
      `SELECT t.id, t.number, t.direction, t.other_store AS otherStore, t.status, t.sent_at AS sentAt, t.received_at AS receivedAt,
              (SELECT COALESCE(SUM(quantity_sent), 0) FROM stock_transfer_lines WHERE transfer_id = t.id) AS units
         FROM stock_transfers t
        WHERE (:direction IS NULL OR t.direction = :direction) AND (:status IS NULL OR t.status = :status) AND (:id IS NULL OR t.id = :id)
        ORDER BY t.id DESC LIMIT 200`,
    ),
    transfer: sqlite.prepare<[number], { id: number; globalId: string; direction: 'in' | 'out'; number: string; otherStore: string; status: TransferSummaryDto['status']; note: string | null }>(
      `SELECT id, global_id AS globalId, direction, number, other_store AS otherStore, status, note FROM stock_transfers WHERE id = ?`,
    ),
    byGlobal: sqlite.prepare<[string], number>(`SELECT id FROM stock_transfers WHERE global_id = ?`).pluck(),
    lines: sqlite.prepare<[number], TransferDto['lines'][number] & { globalId: string }>(
      `SELECT l.id AS lineId, l.global_id AS globalId, l.variant_id AS variantId, p.plu, p.nombre_producto AS name, c.color AS colorName, t.talla AS sizeCode,
              l.quantity_sent AS quantitySent, l.quantity_received AS quantityReceived, l.discrepancy_note AS discrepancyNote
         FROM stock_transfer_lines l
         JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = l.variant_id
         JOIN tblproductos p ON p.id_producto = v.ID_producto
         JOIN tblcolor c ON c.id_color = v.ID_color JOIN tbltallas t ON t.id_talla = v.ID_talla
        WHERE l.transfer_id = ? ORDER BY l.id`,
    ),
    variantByGlobal: sqlite.prepare<[string], number>(`SELECT idcolorxtalla FROM tblprodXcolorXtalla WHERE global_id = ?`).pluck(),
    receiveLine: sqlite.prepare(`UPDATE stock_transfer_lines SET quantity_received = ?, discrepancy_note = ? WHERE id = ?`),
    finish: sqlite.prepare(`UPDATE stock_transfers SET status = 'received', received_by = ?, received_at = ? WHERE id = ?`),
  };

  const api = {
    list(filter: { direction?: 'in' | 'out' | null; status?: TransferSummaryDto['status'] | null } = {}): TransferSummaryDto[] {
      return q.summaries.all({ direction: filter.direction ?? null, status: filter.status ?? null, id: null });
    },

    get(id: number): TransferDto {
      const t = q.transfer.get(id);
      if (!t) throw new DomainError('NOT_FOUND', `no transfer ${id}`, 'transferId');
      return { ...must(q.summaries.get({ direction: null, status: null, id }), `transfer ${id}`), note: t.note, lines: q.lines.all(id).map(({ globalId: _g, ...l }) => l) };
    },

    /** Sends stock to another store: it leaves here now and is in transit until the other store accepts it. */
    send(actor: Actor, input: SendInput): TransferDto {
      const toStore = input.toStore.trim();
      if (!toStore) throw new DomainError('VALIDATION', 'name the store the goods go to', 'toStore');
      const lines = mergeLines(input.lines);
      if (lines.length === 0) throw new DomainError('VALIDATION', 'send at least one unit', 'lines');
      lines.forEach((l, i) => {
        if (l.quantity <= 0) throw new DomainError('VALIDATION', 'quantities sent must be positive', `lines.${i}.quantity`);
      });
      const id = writes.mutate(actor, (w) => {
        const globalId = newGlobalId();
        const number = nextNumber(sqlite, 'stock_transfers', 'TR', device.identity().registerCode);
        const note = input.note?.trim() || null;
        const id = Number(q.insert.run(globalId, 'out', number, toStore, note, actor.id, w.now).lastInsertRowid);
        const docLines = lines.map((l, i) => {
          const v = ledger.variant(l.variantId, `lines.${i}.variantId`);
          ledger.checkNotNegative(v, -l.quantity, `lines.${i}.quantity`);
          const lineId = newGlobalId();
          q.insertLine.run(lineId, id, v.id, l.quantity);
          const booked = ledger.move(w, { variant: v, quantity: -l.quantity, reason: 'transfer_out', referenceId: globalId, note: `${number} → ${toStore}` });
          return { lineId, variantId: v.globalId, movementId: booked.movementId, quantity: l.quantity };
        });
        w.audit({ action: 'transfer.send', entity: 'stock_transfers', entityId: globalId, details: { number, toStore, lines: lines.length, units: lines.reduce((a, l) => a + l.quantity, 0) } });
        w.emit('transfer.sent', { transferId: globalId, number, toStore, staffId: ledger.staffGlobalId(w), sentAt: w.now, note, lines: docLines });
        return id;
      });
      return api.get(id);
    },

    /**
     * A transfer another store sent here, as its `transfer.sent` document
     * arrives (the sync side calls this); no stock moves until it is accepted.
     * Idempotent: the same document twice records one transfer.
     */
    recordIncoming(doc: CommandPayload<'transfer.sent'>, fromStore: string): TransferDto {
      const existing = q.byGlobal.get(doc.transferId);
      if (existing !== undefined) return api.get(existing);
      const id = writes.mutate(null, (w) => {
        const id = Number(q.insert.run(doc.transferId, 'in', doc.number, fromStore, doc.note, null, doc.sentAt).lastInsertRowid);
        doc.lines.forEach((l, i) => {
          const variantId = q.variantByGlobal.get(l.variantId);
          if (variantId === undefined) throw new DomainError('NOT_FOUND', `transfer ${doc.number} names a variant this store does not have (${l.variantId})`, `lines.${i}.variantId`);
          q.insertLine.run(l.lineId, id, variantId, l.quantity);
        });
        w.audit({ action: 'transfer.incoming', entity: 'stock_transfers', entityId: doc.transferId, details: { number: doc.number, fromStore, lines: doc.lines.length } });
        return id;
      });
      return api.get(id);
    },

    /**
     * Accepts an incoming transfer: every line states what arrived; a line
     * that differs from what was sent needs a note (the discrepancy is kept
     * with the line and reported back to the sender).
     */
    accept(actor: Actor, transferId: number, input: AcceptInput): TransferDto {
      writes.mutate(actor, (w) => {
        const t = q.transfer.get(transferId);
        if (!t) throw new DomainError('NOT_FOUND', `no transfer ${transferId}`, 'transferId');
        if (t.direction !== 'in') throw new DomainError('VALIDATION', `transfer ${t.number} was sent from here; the other store accepts it`, 'transferId');
        if (t.status !== 'in_transit') throw new DomainError('CONFLICT', `transfer ${t.number} is already ${t.status}`, 'transferId');
        const lines = q.lines.all(transferId);
        const given = new Map(input.lines.map((l) => [l.lineId, l]));
        input.lines.forEach((l, i) => {
          if (!lines.some((x) => x.lineId === l.lineId)) throw new DomainError('VALIDATION', `line ${l.lineId} is not on transfer ${t.number}`, `lines.${i}.lineId`);
        });
        const docLines = lines.map((line, i) => {
          const answer = given.get(line.lineId);
          if (!answer) throw new DomainError('VALIDATION', `say how many of ${line.name} ${line.colorName} ${line.sizeCode} arrived`, `lines.${i}.quantityReceived`);
          const received = answer.quantityReceived;
          if (!Number.isInteger(received) || received < 0) throw new DomainError('VALIDATION', 'a received quantity is a whole number of 0 or more', `lines.${i}.quantityReceived`);
          const note = answer.discrepancyNote?.trim() || null;
          if (received !== line.quantitySent && !note) {
            throw new DomainError('VALIDATION', `${line.name} ${line.colorName} ${line.sizeCode}: ${line.quantitySent} sent, ${received} arrived; note what happened`, `lines.${i}.discrepancyNote`);
          }
          q.receiveLine.run(received, note, line.lineId);
          const v = ledger.variant(line.variantId);
          const movementId = received > 0 ? ledger.move(w, { variant: v, quantity: received, reason: 'transfer_in', referenceId: t.globalId, note: `${t.number} ← ${t.otherStore}` }).movementId : null;
          return { lineId: line.globalId, variantId: v.globalId, quantitySent: line.quantitySent, quantityReceived: received, discrepancyNote: note, movementId };
        });
        q.finish.run(actor.id, w.now, transferId);
        const discrepancies = docLines.filter((l) => l.quantityReceived !== l.quantitySent).length;
        w.audit({ action: 'transfer.accept', entity: 'stock_transfers', entityId: t.globalId, details: { number: t.number, fromStore: t.otherStore, discrepancies } });
        w.emit('transfer.received', { transferId: t.globalId, fromStore: t.otherStore, staffId: ledger.staffGlobalId(w), receivedAt: w.now, lines: docLines });
      });
      return api.get(transferId);
    },
  };
  return api;
}

export type Transfers = ReturnType<typeof createTransfers>;
