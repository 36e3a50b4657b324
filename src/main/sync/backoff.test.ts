import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffCeiling, backoffDelay } from './backoff';

describe('exponential backoff with full jitter', () => {
  it('doubles the ceiling from the base up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffCeiling(n, { baseMs: 100, capMs: 5_000 }))).toEqual([100, 200, 400, 800, 5_000]);
    expect(backoffCeiling(10_000)).toBe(BACKOFF_CAP_MS);
    expect(backoffCeiling(-3, { baseMs: 100 })).toBe(100);
  });

  it('waits a whole number of ms between 0 and the ceiling, spread by the random source', () => {
    expect(backoffDelay(3, { baseMs: 100, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.5 })).toBe(400);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.999_999_9 })).toBe(800);
    fc.assert(
      fc.property(fc.nat(200), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, { random: () => r });
        return Number.isInteger(d) && d >= 0 && d <= backoffCeiling(attempt);
      }),
    );
  });
});
