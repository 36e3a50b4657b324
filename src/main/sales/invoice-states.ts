/**
 * The life of an invoice (tblfacturas.ID_estado), in one table of allowed
 * transitions, enforced in one place: every state change goes through
 * `transition`, which refuses any other with a clear error.
 *
 *   DRAFT -> COMPLETED -> VOIDED | PARTIALLY_RETURNED | RETURNED
 *   DRAFT -> PARKED -> DRAFT          DRAFT -> CANCELLED
 *   PARTIALLY_RETURNED -> PARTIALLY_RETURNED | RETURNED
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

export const INVOICE_STATE_CODES = ['DRAFT', 'PARKED', 'COMPLETED', 'VOIDED', 'PARTIALLY_RETURNED', 'RETURNED', 'CANCELLED'] as const;
export type InvoiceStateCode = (typeof INVOICE_STATE_CODES)[number];

export const INVOICE_TRANSITIONS: Readonly<Record<InvoiceStateCode, readonly InvoiceStateCode[]>> = {
  DRAFT: ['COMPLETED', 'PARKED', 'CANCELLED'],
  PARKED: ['DRAFT'],
  COMPLETED: ['VOIDED', 'PARTIALLY_RETURNED', 'RETURNED'],
  PARTIALLY_RETURNED: ['PARTIALLY_RETURNED', 'RETURNED'],
  VOIDED: [],
  RETURNED: [],
  CANCELLED: [],
};

export const canTransition = (from: InvoiceStateCode, to: InvoiceStateCode): boolean => INVOICE_TRANSITIONS[from].includes(to);

interface InvoiceStateRow {
  code: InvoiceStateCode;
  id: number;
}

/** tblestados_factura ids by code, read once (reference data never changes ids). */
export function loadInvoiceStates(sqlite: Database.Database): Record<InvoiceStateCode, number> {
  const rows = sqlite.prepare<[], InvoiceStateRow>(`SELECT code, id_estado AS id FROM tblestados_factura`).all();
  const map = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<InvoiceStateCode, number>;
  for (const code of INVOICE_STATE_CODES) {
    if (map[code] === undefined) throw new Error(`invoice state ${code} missing from tblestados_factura`);
  }
  return map;
}

export function createInvoiceStateMachine(sqlite: Database.Database, states: Record<InvoiceStateCode, number>) {
  const codeOf = new Map(Object.entries(states).map(([code, id]) => [id, code as InvoiceStateCode]));
  const read = sqlite.prepare<[invoiceId: number], number>(`SELECT ID_estado FROM tblfacturas WHERE id_facturas = ?`).pluck();
  const write = sqlite.prepare(`UPDATE tblfacturas SET ID_estado = ?, updated_at = ? WHERE id_facturas = ? AND ID_estado = ?`);
  return {
    stateOf(invoiceId: number): InvoiceStateCode {
      const id = read.get(invoiceId);
      if (id === undefined) throw new DomainError('NOT_FOUND', `no invoice ${invoiceId}`, 'invoiceId');
      return codeOf.get(id)!;
    },
    /**
     * Moves an invoice to `to`, from `expected` when given (the caller's view
     * of it); call inside the change's transaction. Returns the state it left.
     */
    transition(invoiceId: number, to: InvoiceStateCode, now: string, expected?: InvoiceStateCode): InvoiceStateCode {
      // The caller's view, when allowed, is tried straight away (the sale-commit path): one UPDATE, no read.
      if (expected !== undefined && canTransition(expected, to) && write.run(states[to], now, invoiceId, states[expected]).changes === 1) {
        return expected;
      }
      const from = this.stateOf(invoiceId);
      if (expected !== undefined && from !== expected) {
        throw new DomainError('CONFLICT', `the sale is ${from.toLowerCase()}, not ${expected.toLowerCase()}; it changed elsewhere`, 'draftId', { state: from });
      }
      if (!canTransition(from, to)) {
        throw new DomainError('CONFLICT', `a ${from.toLowerCase()} sale cannot become ${to.toLowerCase()}`, 'state', { from, to });
      }
      const changed = write.run(states[to], now, invoiceId, states[from]);
      if (changed.changes !== 1) throw new DomainError('CONFLICT', 'the sale changed while it was being saved; try again', 'draftId');
      return from;
    },
  };
}

export type InvoiceStateMachine = ReturnType<typeof createInvoiceStateMachine>;
