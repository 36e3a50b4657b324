/**
 * When a downloaded update may be installed. Never in the middle of a sale:
 * a restart would leave the cashier with a half-rung customer at the till.
 */
export interface TillState {
  /** A sale with lines or payments is open on this register. */
  saleInProgress: boolean;
  /** Someone is signed in at the till. */
  staffSignedIn: boolean;
}

export type InstallDecision = 'install-now' | 'install-on-quit' | 'wait';

export function decideInstall(state: TillState, updateReady: boolean): InstallDecision {
  if (!updateReady) return 'wait';
  if (state.saleInProgress) return 'wait';
  // Between customers with nobody signed in is the one quiet moment to restart.
  if (!state.staffSignedIn) return 'install-now';
  return 'install-on-quit';
}

/** Hours between update checks; the first check runs shortly after start. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
