import { describe, expect, it } from 'vitest';
import { newGlobalId } from '../../shared/ids';
import { decideRollout, parseStagingPercentage, rolloutCohort } from './rollout';

describe('staged rollout cohort', () => {
  it('is the same for a register every time (a reinstall keeps it: it comes from the register id)', () => {
    const id = newGlobalId();
    expect(rolloutCohort(id)).toBe(rolloutCohort(id));
    expect(rolloutCohort(id)).toBeGreaterThanOrEqual(0);
    expect(rolloutCohort(id)).toBeLessThan(100);
    expect(rolloutCohort(newGlobalId())).not.toBe(rolloutCohort(id));
  });

  it('honours the percentage over many registers (UUIDv7 ids, which share their time prefix)', () => {
    const ids = Array.from({ length: 20_000 }, () => newGlobalId());
    for (const percentage of [1, 10, 25, 50, 90]) {
      const within = ids.filter((id) => decideRollout(id, percentage).within).length / ids.length;
      // 20,000 draws: the binomial standard deviation at 50 % is 0.35 points; 1.5 points is over 4 sigma.
      expect(Math.abs(within * 100 - percentage)).toBeLessThan(1.5);
    }
    expect(ids.every((id) => decideRollout(id, 100).within)).toBe(true);
    expect(ids.some((id) => decideRollout(id, 0).within)).toBe(false);
  });

  it('grows monotonically: a register in at 10 % stays in at 20 %', () => {
    const ids = Array.from({ length: 2000 }, () => newGlobalId());
    const at10 = ids.filter((id) => decideRollout(id, 10).within);
    expect(at10.every((id) => decideRollout(id, 20).within)).toBe(true);
  });

  it("lets an admin's check jump the queue, but never a halted (0 %) rollout", () => {
    const ids = Array.from({ length: 500 }, () => newGlobalId());
    const outside = ids.find((id) => !decideRollout(id, 5).within)!;
    expect(decideRollout(outside, 5, true)).toMatchObject({ within: true, staged: true });
    expect(decideRollout(outside, 0, true)).toMatchObject({ within: false });
  });

  it('reads the feed value as electron-builder writes it (an integer percentage)', () => {
    expect(parseStagingPercentage(undefined)).toEqual({ percentage: 100, malformed: false });
    expect(parseStagingPercentage(10)).toEqual({ percentage: 10, malformed: false });
    expect(parseStagingPercentage('25')).toEqual({ percentage: 25, malformed: false });
    expect(parseStagingPercentage('ten')).toEqual({ percentage: 100, malformed: true });
    expect(parseStagingPercentage(250)).toEqual({ percentage: 100, malformed: false });
  });
});
