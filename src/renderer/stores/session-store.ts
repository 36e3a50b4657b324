import { createStore } from 'zustand/vanilla';
import type { ErrorInfo } from '../../shared/errors';
import type { PosApi } from '../../shared/ipc/api';
import type { Contract, InputOf } from '../../shared/ipc/contract';
import type { SessionInfo, StaffSummary } from '../../shared/ipc/dto';

export type NewAdmin = InputOf<Contract['session']['bootstrapAdmin']>;

export interface SessionState {
  staff: StaffSummary[];
  staffStatus: 'idle' | 'loading' | 'ready' | 'error';
  staffError: ErrorInfo | null;
  current: SessionInfo | null;
  /** False until pos.session.current has answered once. */
  restored: boolean;
  loggingIn: boolean;
  loginError: ErrorInfo | null;
  logoutError: ErrorInfo | null;
  /** The session was ended elsewhere (main answered UNAUTHENTICATED): the login screen says so. */
  endedElsewhere: boolean;
  /** Picks up a session main already holds (e.g. after a reload). */
  restore(): Promise<void>;
  loadStaff(): Promise<void>;
  /** Resolves true when signed in; otherwise loginError says why. */
  login(userId: number, pin: string): Promise<boolean>;
  logout(): Promise<boolean>;
  clearLoginError(): void;
  /** Main no longer knows this session: forget the user (the app returns to the login screen). */
  sessionEnded(): void;
  /**
   * A new store's first administrator, from the login screen; signs them in.
   * Resolves null when signed in, else the error (the form shows it at its field).
   */
  bootstrapAdmin(input: NewAdmin): Promise<ErrorInfo | null>;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(api: PosApi) {
  return createStore<SessionState>()((set, get) => ({
    staff: [],
    staffStatus: 'idle',
    staffError: null,
    current: null,
    restored: false,
    loggingIn: false,
    loginError: null,
    logoutError: null,
    endedElsewhere: false,

    async restore() {
      const result = await api.session.current();
      // A failed check leaves us at the login screen, which is always safe.
      set({ current: result.ok ? result.value : null, restored: true });
    },

    async loadStaff() {
      set({ staffStatus: 'loading', staffError: null });
      const result = await api.session.staffList();
      if (result.ok) set({ staff: result.value, staffStatus: 'ready' });
      else set({ staffStatus: 'error', staffError: result.error });
    },

    async login(userId, pin) {
      if (get().loggingIn) return false;
      set({ loggingIn: true, loginError: null });
      const result = await api.session.login({ userId, pin });
      if (result.ok) {
        set({ current: result.value, loggingIn: false, loginError: null, logoutError: null, endedElsewhere: false });
        return true;
      }
      set({ loggingIn: false, loginError: result.error });
      return false;
    },

    async logout() {
      const result = await api.session.logout();
      // UNAUTHENTICATED means main already dropped the session.
      if (result.ok || result.error.code === 'UNAUTHENTICATED') {
        set({ current: null, logoutError: null, loginError: null });
        return true;
      }
      set({ logoutError: result.error });
      return false;
    },

    clearLoginError() {
      set({ loginError: null });
    },

    sessionEnded() {
      if (get().current === null) return;
      set({ current: null, endedElsewhere: true, loggingIn: false, loginError: null, logoutError: null });
    },

    async bootstrapAdmin(input) {
      const result = await api.session.bootstrapAdmin(input);
      if (!result.ok) return result.error;
      set({ current: result.value, loginError: null, logoutError: null, endedElsewhere: false });
      return null;
    },
  }));
}
