/**
 * Split tender, pure: how much each payment covers, the change due and the
 * cash rounding. Only cash gives change; card, transfer and store credit can
 * never exceed what is left to pay. Main settles a sale with `settle`; the
 * payment dialog shows the same arithmetic with `summarizeTenders`.
 */
import { DomainError } from './errors';
import { divRoundHalfEven } from './rounding';

import type { PaymentMethod } from './payment-methods';

export interface TenderInput {
  method: PaymentMethod;
  /** For cash: the amount handed over. For the others: the amount charged. */
  amount: number;
  /** Card authorisation or transfer reference. */
  reference?: string | null;
}

export interface AppliedPayment {
  method: PaymentMethod;
  /** What this payment pays of the sale (cash: tendered minus change). */
  amount: number;
  tendered: number | null;
  reference: string | null;
}

export interface Settlement {
  payments: AppliedPayment[];
  change: number;
  /** Cash rounding added to (positive) or taken off (negative) the amount due. */
  rounding: number;
}

/** Rounds to the nearest multiple of `increment`, halves to even. */
export const roundToIncrement = (amount: number, increment: number): number =>
  increment > 1 ? divRoundHalfEven(amount, increment) * increment : amount;

/** What cash must cover after the other tenders; rounded to the store's increment when cash pays. */
export function cashDueOf(total: number, nonCash: number, cashPays: boolean, cashIncrement: number): number {
  const due = Math.max(total - nonCash, 0);
  return cashPays ? roundToIncrement(due, cashIncrement) : due;
}

export interface TenderSummary {
  /** What cash must cover after the other tenders (rounded when cash is used or about to be). */
  cashDue: number;
  /** Still to pay (0 when paid in full). */
  remaining: number;
  change: number;
  /** Card, transfer and store credit together exceed the total: main refuses that. */
  overpaidNonCash: boolean;
  paidInFull: boolean;
}

/** The payment panel's live figures for tenders entered so far; `payingCash`: the cashier is about to add cash. */
export function summarizeTenders(
  total: number,
  tenders: readonly { method: PaymentMethod; amount: number; reference?: string | null }[],
  cashIncrement = 0,
  payingCash = false,
): TenderSummary {
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cash = tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amount, 0);
  const cashDue = cashDueOf(total, nonCash, cash > 0 || payingCash, cashIncrement);
  const remaining = Math.max(cashDue - cash, 0);
  const change = Math.max(cash - cashDue, 0);
  const overpaidNonCash = nonCash > total;
  return { cashDue, remaining, change, overpaidNonCash, paidInFull: tenders.length > 0 && remaining === 0 && !overpaidNonCash };
}

export function settle(total: number, tenders: readonly TenderInput[], cashIncrement = 0): Settlement {
  if (tenders.length === 0) throw new DomainError('PAYMENT_SHORT', 'add a payment first', 'payments');
  tenders.forEach((t, i) => {
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) {
      throw new DomainError('VALIDATION', 'each payment must be a positive amount', `payments.${i}.amount`);
    }
    if ((t.method === 'card' || t.method === 'transfer') && !t.reference?.trim()) {
      throw new DomainError('VALIDATION', `a ${t.method} payment needs its reference`, `payments.${i}.reference`);
    }
  });
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cash = tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amount, 0);
  if (nonCash > total) {
    throw new DomainError('VALIDATION', 'card, transfer and store credit cannot exceed the amount due', 'payments');
  }
  const cashDue = total - nonCash;
  const roundedCashDue = cashDueOf(total, nonCash, cash > 0, cashIncrement);
  const rounding = roundedCashDue - cashDue;
  if (cash < roundedCashDue) {
    throw new DomainError('PAYMENT_SHORT', 'the payments do not cover the total', 'payments', {
      remaining: roundedCashDue - cash,
    });
  }
  const change = cash - roundedCashDue;
  let changeLeft = change;
  const payments = tenders.map((t): AppliedPayment => {
    if (t.method !== 'cash') return { method: t.method, amount: t.amount, tendered: null, reference: t.reference?.trim() || null };
    const giveBack = Math.min(changeLeft, t.amount);
    changeLeft -= giveBack;
    return { method: 'cash', amount: t.amount - giveBack, tendered: t.amount, reference: null };
  });
  return { payments, change, rounding };
}
