import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { testStore, type TestStore } from '../../../test/store';
import { canTransition, createInvoiceStateMachine, INVOICE_STATE_CODES, INVOICE_TRANSITIONS, loadInvoiceStates, type InvoiceStateCode } from './invoice-states';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(5, 3);
});
afterEach(() => t.cleanup());

/** An invoice row put straight into `state`, to try every move from it. */
function invoiceIn(state: InvoiceStateCode): number {
  const states = loadInvoiceStates(t.db.sqlite);
  const { lastInsertRowid } = t.db.sqlite
    .prepare(
      `INSERT INTO tblfacturas (fecha_factura, total_factura, ID_estado, global_id, updated_at, register_code)
       VALUES ('2026-12-01T10:00:00.000Z', 0, ?, lower(hex(randomblob(16))), '2026-12-01T10:00:00.000Z', 'R01')`,
    )
    .run(states[state]);
  return Number(lastInsertRowid);
}

describe('invoice state machine', () => {
  it('allows exactly the transitions of the table and refuses every other with a clear error', () => {
    const machine = createInvoiceStateMachine(t.db.sqlite, loadInvoiceStates(t.db.sqlite));
    let allowed = 0;
    let refused = 0;
    for (const from of INVOICE_STATE_CODES) {
      for (const to of INVOICE_STATE_CODES) {
        const id = invoiceIn(from);
        if (canTransition(from, to)) {
          expect(machine.transition(id, to, '2026-12-01T11:00:00.000Z')).toBe(from);
          expect(machine.stateOf(id)).toBe(to);
          allowed++;
        } else {
          const err = (() => {
            try {
              machine.transition(id, to, '2026-12-01T11:00:00.000Z');
            } catch (e) {
              return e;
            }
            return null;
          })();
          expect(err, `${from} -> ${to}`).toBeInstanceOf(DomainError);
          expect((err as DomainError).code).toBe('CONFLICT');
          expect((err as DomainError).message).toBe(`a ${from.toLowerCase()} sale cannot become ${to.toLowerCase()}`);
          expect(machine.stateOf(id)).toBe(from);
          refused++;
        }
      }
    }
    expect(allowed).toBe(Object.values(INVOICE_TRANSITIONS).flat().length);
    expect(allowed + refused).toBe(INVOICE_STATE_CODES.length ** 2);
  });

  it('refuses a move from a state the caller did not expect (the sale changed elsewhere)', () => {
    const machine = createInvoiceStateMachine(t.db.sqlite, loadInvoiceStates(t.db.sqlite));
    const id = invoiceIn('PARKED');
    expect(() => machine.transition(id, 'COMPLETED', 'now', 'DRAFT')).toThrow(/the sale is parked, not draft/);
  });

  it('is what the till goes through: park, resume, cancel, complete', () => {
    const { sales, completeSale } = t.services;
    const first = sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    sales.park(t.cashier, null);
    const machine = sales.machine;
    expect(machine.stateOf(first.draftId!)).toBe('PARKED');
    sales.addVariant(t.cashier, t.variant(1).variantId, 1);
    const resumed = sales.resume(t.cashier, first.draftId!);
    expect(machine.stateOf(resumed.draftId!)).toBe('DRAFT');
    completeSale(t.cashier, [{ method: 'cash', amount: 100_000_000 }], 'machine-test-1');
    expect(machine.stateOf(first.draftId!)).toBe('COMPLETED');
    // A completed sale cannot be parked, resumed or cancelled as a draft.
    expect(() => sales.resume(t.cashier, first.draftId!)).toThrow(/no parked sale/);
    expect(() => machine.transition(first.draftId!, 'DRAFT', 'now')).toThrow(/a completed sale cannot become draft/);
  });
});
