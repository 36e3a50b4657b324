import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../shared/errors';
import type { PosApi } from '../../shared/ipc/api';
import type { AppStatus, PublicStoreSettings, StoreSettings } from '../../shared/ipc/dto';

export const STATUS_POLL_MS = 5_000;

export interface StatusState {
  status: AppStatus | null;
  statusError: ErrorInfo | null;
  /** What the login screen shows (name, language, currency): anyone may read it. */
  publicSettings: PublicStoreSettings | null;
  /** Every store setting: only while someone is signed in. */
  settings: StoreSettings | null;
  settingsError: ErrorInfo | null;
  refreshStatus(): Promise<void>;
  /** The public settings, and the full ones when signed in (signed out, those are cleared). */
  loadSettings(): Promise<void>;
  /** Saves changed store settings (manager+), then reloads them so every screen shows the new values. */
  saveSettings(patch: Partial<StoreSettings>): Promise<Result<StoreSettings>>;
  /** Refreshes now and every `intervalMs`; returns the function that stops it. */
  startPolling(intervalMs?: number): () => void;
}

export type StatusStore = ReturnType<typeof createStatusStore>;

export function createStatusStore(api: PosApi) {
  return createStore<StatusState>()((set, get) => ({
    status: null,
    statusError: null,
    publicSettings: null,
    settings: null,
    settingsError: null,

    async refreshStatus() {
      const result = await api.app.status();
      // Keep the last good status on a failed poll; the error says it is stale.
      if (result.ok) set({ status: result.value, statusError: null });
      else set({ statusError: result.error });
    },

    async loadSettings() {
      const [face, full] = await Promise.all([api.settings.storePublic(), api.settings.store()]);
      if (face.ok) set({ publicSettings: face.value });
      if (full.ok) set({ settings: full.value, settingsError: null });
      else if (full.error.code === 'UNAUTHENTICATED') set({ settings: null, settingsError: face.ok ? null : face.error });
      else set({ settingsError: full.error });
    },

    async saveSettings(patch) {
      const result = await api.settings.updateStore(patch);
      if (!result.ok) return result;
      set({ settings: result.value, settingsError: null });
      await get().loadSettings();
      return result;
    },

    startPolling(intervalMs = STATUS_POLL_MS) {
      void get().refreshStatus();
      const timer = setInterval(() => void get().refreshStatus(), intervalMs);
      return () => clearInterval(timer);
    },
  }));
}
