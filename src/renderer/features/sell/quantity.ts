/**
 * What a cashier may type as a line's quantity: a whole number from 1 to
 * QUANTITY_MAX, nothing else. Bad input is refused with the reason (never
 * silently turned into another number); very large ones are confirmed first.
 */
export const QUANTITY_MAX = 9999;
/** Above this the cashier is asked to confirm before the quantity is sent. */
export const QUANTITY_CONFIRM_ABOVE = 100;

import type { TFunction } from 'i18next';

export type QuantityCheck = { ok: true; quantity: number } | { ok: false; problem: 'empty' | 'notWhole' | 'tooSmall' | 'tooLarge' };

export function checkQuantity(text: string): QuantityCheck {
  const typed = text.trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  // Optional sign, digits only: "2.5", "2,5", "1e3", "3 4" and letters are not whole numbers.
  if (!/^[+-]?\d+$/.test(typed)) return { ok: false, problem: 'notWhole' };
  const quantity = Number(typed);
  if (quantity < 1) return { ok: false, problem: 'tooSmall' };
  if (quantity > QUANTITY_MAX) return { ok: false, problem: 'tooLarge' };
  return { ok: true, quantity };
}

/** What is wrong with a typed quantity, in the UI language; `max` is QUANTITY_MAX formatted for the store. */
export function quantityProblemText(t: TFunction, problem: Exclude<QuantityCheck, { ok: true }>['problem'], typed: string, max: string): string {
  switch (problem) {
    case 'empty':
      return t('sell.cart.qtyEmpty');
    case 'notWhole':
      return t('sell.cart.qtyNotWhole', { typed });
    case 'tooSmall':
      return t('sell.cart.qtyTooSmall', { typed });
    case 'tooLarge':
      return t('sell.cart.qtyTooLarge', { typed, max });
  }
}
