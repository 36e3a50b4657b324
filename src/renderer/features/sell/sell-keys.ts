/**
 * The Sell screen's keyboard. F7-F12 act from anywhere on the screen (the
 * shell keeps F1-F6); line keys (Delete, +, -, arrows, %, $) act when focus is
 * not in a text field, or is in the empty scan box, so they never eat typing.
 */
import { useEffect, useEffectEvent, type RefObject } from 'react';
import { isPrintableKey } from './scanner';

export const SEARCH_DEBOUNCE_MS = 120;

/** What each action's key is, as printed on its button. */
export const SELL_KEYS = {
  search: 'F7',
  park: 'F8',
  parked: 'Shift+F8',
  pay: 'F9',
  customer: 'F10',
  orderDiscount: 'F11',
  history: 'F12',
  remove: 'Delete',
  lineDiscount: '%',
  price: '$',
  voidSale: 'Ctrl+Delete',
  increase: '+',
  decrease: '-',
  newSale: 'Enter',
  print: 'Ctrl+P',
  thermal: 'Ctrl+Shift+P',
} as const;

export type SellAction =
  | 'search'
  | 'park'
  | 'parked'
  | 'pay'
  | 'customer'
  | 'orderDiscount'
  | 'history'
  | 'remove'
  | 'lineDiscount'
  | 'price'
  | 'voidSale'
  | 'increase'
  | 'decrease'
  | 'selectPrevious'
  | 'selectNext';

const FUNCTION_KEYS: Record<string, SellAction> = {
  F7: 'search',
  F8: 'park',
  F9: 'pay',
  F10: 'customer',
  F11: 'orderDiscount',
  F12: 'history',
};

const LINE_KEYS: Record<string, SellAction> = {
  Delete: 'remove',
  '+': 'increase',
  '-': 'decrease',
  ArrowUp: 'selectPrevious',
  ArrowDown: 'selectNext',
  '%': 'lineDiscount',
  $: 'price',
};

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}

/** Which action a key press asks for, given where focus is. Pure, for the hook and tests. */
export function sellActionFor(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  focus: { editable: boolean; emptyScanBox: boolean },
): SellAction | null {
  const fn = FUNCTION_KEYS[event.key];
  if (fn) {
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    if (fn === 'park' && event.shiftKey) return 'parked';
    return event.shiftKey ? null : fn;
  }
  const free = !focus.editable || focus.emptyScanBox;
  if (!free) return null;
  if (event.key === 'Delete' && (event.ctrlKey || event.metaKey) && !event.altKey) return 'voidSale';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return LINE_KEYS[event.key] ?? null;
}

/**
 * Binds the Sell keys on window while mounted. `blocked` (a dialog is open)
 * turns them off; F7-F12 never reach the browser either way (fullscreen,
 * devtools, menu bar are not till actions).
 */
export function useSellKeys(options: {
  blocked: boolean;
  scanInput: RefObject<HTMLInputElement | null>;
  onAction: (action: SellAction) => void;
}): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (FUNCTION_KEYS[event.key]) event.preventDefault();
    if (options.blocked) return;
    const box = options.scanInput.current;
    const editable = isEditable(event.target);
    const action = sellActionFor(event, { editable, emptyScanBox: box !== null && event.target === box && box.value === '' });
    if (action) {
      event.preventDefault();
      options.onAction(action);
      return;
    }
    // Typing with focus on no field (a button, the page): the text goes to the scan box.
    if (!editable && box && isPrintableKey(event) && !(event.target instanceof HTMLSelectElement)) box.focus();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
