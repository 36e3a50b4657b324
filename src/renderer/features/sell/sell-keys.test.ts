import { describe, expect, it } from 'vitest';
import { sellActionFor } from './sell-keys';

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const free = { editable: false, emptyScanBox: false };
const typing = { editable: true, emptyScanBox: false };
const emptyBox = { editable: true, emptyScanBox: true };

describe('sell keys', () => {
  it('maps F7-F12 from anywhere, even while typing', () => {
    expect(['F7', 'F8', 'F9', 'F10', 'F11', 'F12'].map((k) => sellActionFor(key(k), typing))).toEqual([
      'search',
      'park',
      'pay',
      'customer',
      'orderDiscount',
      'history',
    ]);
    expect(sellActionFor(key('F8', { shiftKey: true }), typing)).toBe('parked');
    expect(sellActionFor(key('F9', { ctrlKey: true }), free)).toBeNull();
  });

  it('acts on the selected line only when that cannot eat typing', () => {
    for (const [k, action] of [
      ['Delete', 'remove'],
      ['+', 'increase'],
      ['-', 'decrease'],
      ['ArrowUp', 'selectPrevious'],
      ['ArrowDown', 'selectNext'],
      ['%', 'lineDiscount'],
      ['$', 'price'],
    ] as const) {
      expect(sellActionFor(key(k), free), k).toBe(action);
      expect(sellActionFor(key(k), emptyBox), k).toBe(action);
      expect(sellActionFor(key(k), typing), k).toBeNull();
    }
    expect(sellActionFor(key('Delete', { ctrlKey: true }), free)).toBe('voidSale');
    expect(sellActionFor(key('a'), free)).toBeNull();
  });
});
