/**
 * The Settings screen's lists: tax rates, category tax assignments and staff.
 * Store settings themselves live in the status store (every screen reads
 * them). Also Settings > Sync: where this register syncs and what the cloud
 * refused. Each list is what main last returned; saves return main's answer
 * so the form can show an error at its field.
 */
import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { Contract, InputOf } from '../../../shared/ipc/contract';
import type { CategoryTaxDto, RejectedDocumentDto, StaffUserDto, SyncConflictDto, SyncInfo, SyncNowResult, TaxRateDto } from '../../../shared/ipc/dto';

export type NewStaffUser = InputOf<Contract['staff']['add']>;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ListState<T> {
  items: T[];
  status: LoadStatus;
  error: ErrorInfo | null;
}

export interface SettingsState {
  rates: ListState<TaxRateDto>;
  categories: ListState<CategoryTaxDto>;
  staff: ListState<StaffUserDto>;
  syncInfo: SyncInfo | null;
  syncInfoError: ErrorInfo | null;
  rejected: ListState<RejectedDocumentDto>;
  /** Edits the cloud refused because another register changed the row first (managers). */
  conflicts: ListState<SyncConflictDto>;

  loadRates(): Promise<void>;
  saveRate(rate: TaxRateDto): Promise<Result<TaxRateDto[]>>;
  loadCategories(): Promise<void>;
  /** taxCode null: the category falls back to the store's default rate. */
  assignCategory(id: number, taxCode: string | null): Promise<Result<CategoryTaxDto[]>>;
  loadStaff(): Promise<void>;
  addStaff(input: NewStaffUser): Promise<Result<StaffUserDto>>;
  disableStaff(id: number): Promise<Result<StaffUserDto>>;
  setStaffRole(id: number, role: StaffUserDto['role']): Promise<Result<StaffUserDto>>;
  /** The sync info and the rejected documents. */
  loadSync(): Promise<void>;
  /** One sync round now (manager+), then the sync info again. */
  syncNow(): Promise<Result<SyncNowResult>>;
  /** The unresolved conflicts (manager+). */
  loadConflicts(): Promise<void>;
  resolveConflict(id: number, resolution: 'keep_cloud' | 'reapply_mine'): Promise<Result<void>>;
  retryRejected(seq: number): Promise<Result<void>>;
  dropRejected(seq: number, reason: string): Promise<Result<void>>;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

const empty = <T>(): ListState<T> => ({ items: [], status: 'idle', error: null });

export function createSettingsStore(api: PosApi) {
  return createStore<SettingsState>()((set, get) => {
    /** Loads a list, keeping what was shown if the reload fails. */
    async function load<K extends 'rates' | 'categories' | 'staff' | 'rejected' | 'conflicts'>(key: K, call: () => Promise<Result<SettingsState[K]['items']>>) {
      set((s) => ({ [key]: { ...s[key], status: 'loading', error: null } }) as Partial<SettingsState>);
      const result = await call();
      if (result.ok) set({ [key]: { items: result.value, status: 'ready', error: null } } as Partial<SettingsState>);
      else set((s) => ({ [key]: { ...s[key], status: 'error', error: result.error } }) as Partial<SettingsState>);
    }

    return {
      rates: empty(),
      categories: empty(),
      staff: empty(),
      syncInfo: null,
      syncInfoError: null,
      rejected: empty(),
      conflicts: empty(),

      async loadSync() {
        const [info] = await Promise.all([api.sync.info(), load('rejected', () => api.sync.rejected())]);
        if (info.ok) set({ syncInfo: info.value, syncInfoError: null });
        else set({ syncInfoError: info.error });
      },

      async loadConflicts() {
        await load('conflicts', () => api.sync.conflicts());
      },
      async resolveConflict(id, resolution) {
        const result = await api.sync.resolveConflict({ id, resolution });
        await get().loadConflicts();
        return result;
      },
      async retryRejected(seq) {
        const result = await api.sync.retryRejected({ seq });
        await get().loadSync();
        return result;
      },
      async dropRejected(seq, reason) {
        const result = await api.sync.dropRejected({ seq, reason });
        await get().loadSync();
        return result;
      },
      async syncNow() {
        const result = await api.sync.now();
        await get().loadSync();
        return result;
      },

      loadRates: () => load('rates', () => api.settings.taxRates()),

      async saveRate(rate) {
        const result = await api.settings.saveTaxRate(rate);
        if (result.ok) set({ rates: { items: result.value, status: 'ready', error: null } });
        return result;
      },

      loadCategories: () => load('categories', () => api.settings.categories()),

      async assignCategory(id, taxCode) {
        const result = await api.settings.assignTaxRate({ target: 'category', id, taxCode });
        if (result.ok) set({ categories: { items: result.value, status: 'ready', error: null } });
        return result;
      },

      loadStaff: () => load('staff', () => api.staff.list({ includeInactive: true })),

      async addStaff(input) {
        const result = await api.staff.add(input);
        if (result.ok) {
          set((s) => ({ staff: { ...s.staff, items: [...s.staff.items.filter((u) => u.id !== result.value.id), result.value] } }));
          void get().loadStaff();
        }
        return result;
      },

      async disableStaff(id) {
        const result = await api.staff.disable({ id });
        if (result.ok) set((s) => ({ staff: { ...s.staff, items: s.staff.items.map((u) => (u.id === id ? result.value : u)) } }));
        return result;
      },
      async setStaffRole(id, role) {
        const result = await api.staff.setRole({ id, role });
        if (result.ok) set((s) => ({ staff: { ...s.staff, items: s.staff.items.map((u) => (u.id === id ? result.value : u)) } }));
        return result;
      },
    };
  });
}
