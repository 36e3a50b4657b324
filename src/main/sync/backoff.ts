/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): the n-th retry waits a random time in
 * [0, min(cap, base * 2^n)], so registers that lost the cloud together do not
 * come back in lock-step. Pure: the random source is a parameter.
 */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Returns [0, 1); Math.random by default. */
  random?: () => number;
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The ceiling of the wait before retry number `attempt` (0 = the first retry). */
export function backoffCeiling(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const n = Math.max(0, Math.floor(attempt));
  // 2^n overflows to Infinity long after it passed any cap; min() keeps it finite.
  return Math.min(cap, base * 2 ** Math.min(n, 1_000));
}

/** The wait in ms before retry number `attempt`: a whole number in [0, ceiling]. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const random = options.random ?? Math.random;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * (backoffCeiling(attempt, options) + 1)) - (r === 1 ? 1 : 0);
}
