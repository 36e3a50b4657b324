/**
 * Staged rollouts with a cohort per register. electron-updater keeps its own
 * random staging id in userData (`.updaterId`), so a reinstall or a new
 * Windows profile moves a till to another cohort; ours is derived from the
 * register id (device_identity.register_id), which lives in the store
 * database and survives both.
 */
import { createHash } from 'node:crypto';

/** This register's place in every rollout, in [0, 100): a release at N % reaches it when cohort < N. */
export function rolloutCohort(registerId: string): number {
  const digest = createHash('sha256').update(`pos-rollout:${registerId}`).digest();
  // 32 bits are plenty for a percentage and keep the arithmetic exact.
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/**
 * The feed's `stagingPercentage` as electron-builder writes it: an integer
 * percentage (10, not 0.1). Missing means everyone; 0 means nobody (IT
 * halted the rollout). Anything else malformed is read as "everyone", as
 * electron-updater does, but reported.
 */
export function parseStagingPercentage(raw: unknown): { percentage: number; malformed: boolean } {
  if (raw === undefined || raw === null) return { percentage: 100, malformed: false };
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) return { percentage: 100, malformed: true };
  return { percentage: Math.min(100, Math.max(0, n)), malformed: false };
}

export interface RolloutDecision {
  within: boolean;
  percentage: number;
  cohort: number;
  /** Admin's "check now" took a release this register's cohort has not reached yet. */
  staged: boolean;
}

/**
 * Whether this register takes a release now. An admin's "check now" may
 * jump the queue, but never a halted rollout (0 %): IT stops a bad release
 * for everyone by setting it to 0.
 */
export function decideRollout(registerId: string, stagingPercentage: unknown, ignoreStaging = false): RolloutDecision {
  const { percentage } = parseStagingPercentage(stagingPercentage);
  const cohort = rolloutCohort(registerId);
  const reached = cohort < percentage;
  if (reached) return { within: true, percentage, cohort, staged: false };
  if (ignoreStaging && percentage > 0) return { within: true, percentage, cohort, staged: true };
  return { within: false, percentage, cohort, staged: false };
}
