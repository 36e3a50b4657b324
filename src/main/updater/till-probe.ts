/**
 * What the update policy reads about the till. Built from main's services
 * (the open sale) and the shell (who is signed in, when the screen last did
 * something), so the policy itself stays plain data.
 */
import type { Clock } from '../db/clock';
import type { TillState } from './update-policy';

/**
 * Shifts are being built in parallel (cash-up issue). Until they exist no
 * shift is ever open; the shift service implements this interface, is
 * passed to createServices as `shifts`, and calls
 * `services.updates.consider('shift-closed')` when a shift closes.
 */
export interface ShiftProbe {
  isShiftOpen(): boolean;
}

export const NO_SHIFTS: ShiftProbe = Object.freeze({ isShiftOpen: () => false });

/** Who is at the till, as the shell (Electron's IPC, the web bridge) knows it. */
export interface TillPresence {
  signedIn(): boolean;
  /** Epoch ms of the last call from a signed-in screen, or null. */
  lastActivityAt(): number | null;
}

/** Presence the shell fills in: `touch()` on every call from a signed-in screen, `signedIn` once its sessions exist. */
export function createTillPresence(): TillPresence & { touch(at: number): void; setSignedIn(fn: () => boolean): void } {
  let last: number | null = null;
  let signedIn = () => false;
  return {
    signedIn: () => signedIn(),
    lastActivityAt: () => last,
    touch: (at) => {
      last = at;
    },
    setSignedIn: (fn) => {
      signedIn = fn;
    },
  };
}

export function tillStateOf(probe: { saleOpen(): boolean; shifts: ShiftProbe; presence: TillPresence; clock: Clock }): TillState {
  const last = probe.presence.lastActivityAt();
  return {
    saleOpen: probe.saleOpen(),
    shiftOpen: probe.shifts.isShiftOpen(),
    signedIn: probe.presence.signedIn(),
    idleMs: last === null ? null : Math.max(0, probe.clock.now().getTime() - last),
  };
}

/** Calls the screen makes on its own (status bar, panels refreshing): not a person using the till. */
const PASSIVE_CHANNELS = new Set(['pos:app.status', 'pos:updates.info', 'pos:sync.info', 'pos:session.current', 'pos:settings.storePublic']);

/** Whether an IPC call means someone is using the till (a scan, a click, a key). */
export const isTillActivity = (channel: string): boolean => !PASSIVE_CHANNELS.has(channel);
