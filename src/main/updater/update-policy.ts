/**
 * When a downloaded update may be installed. An install restarts the app, so
 * it never happens in the middle of a sale or with a shift open (a restart
 * would leave a cashier with a half-rung customer or a drawer mid-count).
 * Plain data in, a decision out: the controller asks again whenever the
 * till's state may have changed.
 */

/** What the till is doing, as main sees it. */
export interface TillState {
  /** The register's open sale has lines or tenders. */
  saleOpen: boolean;
  /** A cashier's shift is open (always false until shifts exist: see till-probe.ts). */
  shiftOpen: boolean;
  /** Someone is signed in at the till. */
  signedIn: boolean;
  /** Milliseconds since the last call from the screen (a scan, a click), or null if none yet. */
  idleMs: number | null;
}

/** Why the controller is asking. */
export type InstallTrigger =
  /** The periodic look (every minute) or a download that just finished. */
  | 'tick'
  /** The shift was closed: the natural moment between shifts. */
  | 'shift-closed'
  /** An admin pressed "Install now" in Settings > Updates. */
  | 'admin';

export type WaitReason = 'not-downloaded' | 'postponed' | 'sale-open' | 'shift-open' | 'till-busy';
export type InstallReason = 'idle' | 'shift-closed' | 'admin';

export type InstallDecision = { install: true; reason: InstallReason } | { install: false; reason: WaitReason };

/** A signed-in till with no call from the screen for this long counts as idle. */
export const IDLE_BEFORE_INSTALL_MS = 10 * 60 * 1000;

export interface InstallContext {
  downloaded: boolean;
  till: TillState;
  trigger: InstallTrigger;
  now: Date;
  /** An admin's postponement, if any. */
  postponedUntil: Date | null;
}

export function decideInstall({ downloaded, till, trigger, now, postponedUntil }: InstallContext): InstallDecision {
  if (!downloaded) return { install: false, reason: 'not-downloaded' };
  // Nothing overrides these two, not even an admin: finish the sale, close the shift.
  if (till.saleOpen) return { install: false, reason: 'sale-open' };
  if (till.shiftOpen) return { install: false, reason: 'shift-open' };
  if (trigger === 'admin') return { install: true, reason: 'admin' };
  if (postponedUntil && now.getTime() < postponedUntil.getTime()) return { install: false, reason: 'postponed' };
  if (trigger === 'shift-closed') return { install: true, reason: 'shift-closed' };
  const idle = !till.signedIn || (till.idleMs !== null && till.idleMs >= IDLE_BEFORE_INSTALL_MS);
  return idle ? { install: true, reason: 'idle' } : { install: false, reason: 'till-busy' };
}

/** Hours between update checks; the first check runs shortly after start. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** After a failed check or download, the next try comes sooner than the regular interval. */
export const UPDATE_RETRY_MS = 30 * 60 * 1000;
/** How often the controller looks whether a downloaded update can go in now. */
export const INSTALL_LOOK_MS = 60 * 1000;
export { MAX_POSTPONE_HOURS } from '../../shared/ipc/dto-updates';
