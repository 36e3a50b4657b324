/**
 * The app's zustand stores, made once per app from one PosApi and shared
 * through context (tests render their own app with their own API).
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PosApi } from '../../shared/ipc/api';
import type { Permission } from '../../shared/permissions';
import { guardSession } from '../lib/session-guard';
import { createCatalogStore, type CatalogState, type CatalogStore } from '../features/catalog/catalog-store';
import { createCustomerStore, type CustomerState, type CustomerStore } from '../features/sell/customer-store';
import { createSellStore, type SellState, type SellStore } from '../features/sell/sell-store';
import { createSettingsStore, type SettingsState, type SettingsStore } from '../features/settings/settings-store';
import { createUpdatesStore, type UpdatesState, type UpdatesStore } from '../features/settings/updates-store';
import { createNavStore, type NavState, type NavStore } from './nav-store';
import { createSessionStore, type SessionState, type SessionStore } from './session-store';
import { createStatusStore, type StatusState, type StatusStore } from './status-store';

export interface Stores {
  /** The API with the session guard: screens with no store of their own (back office) call it through usePos(). */
  api: PosApi;
  session: SessionStore;
  status: StatusStore;
  nav: NavStore;
  sell: SellStore;
  customers: CustomerStore;
  settings: SettingsStore;
  catalog: CatalogStore;
  updates: UpdatesStore;
}

export function createStores(api: PosApi): Stores {
  const session = createSessionStore(api);
  // Any call answered UNAUTHENTICATED means the session ended elsewhere: back to the login screen.
  const guarded = guardSession(api, () => {
    const during = session.getState().current;
    return () => {
      if (during !== null && session.getState().current === during) session.getState().sessionEnded();
    };
  });
  return {
    api: guarded,
    session,
    status: createStatusStore(guarded),
    nav: createNavStore(),
    sell: createSellStore(guarded),
    customers: createCustomerStore(guarded),
    settings: createSettingsStore(guarded),
    catalog: createCatalogStore(guarded),
    updates: createUpdatesStore(guarded),
  };
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ api, children }: { api: PosApi; children: ReactNode }) {
  const [stores] = useState(() => createStores(api));
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing');
  return stores;
}

export const useSession = <T,>(selector: (state: SessionState) => T): T => useStore(useStores().session, selector);
export const useStatus = <T,>(selector: (state: StatusState) => T): T => useStore(useStores().status, selector);
export const useNav = <T,>(selector: (state: NavState) => T): T => useStore(useStores().nav, selector);
export const useSell = <T,>(selector: (state: SellState) => T): T => useStore(useStores().sell, selector);
export const useCustomers = <T,>(selector: (state: CustomerState) => T): T => useStore(useStores().customers, selector);
export const useSettings = <T,>(selector: (state: SettingsState) => T): T => useStore(useStores().settings, selector);
/** The session-guarded API, for back-office screens that keep their state in the component. */
export const usePos = (): PosApi => useStores().api;
/** True when the signed-in user's role holds the permission (main checks it again on every call). */
export const useCan = (permission: Permission): boolean => useStore(useStores().session, (s) => s.current?.grant.permissions.includes(permission) ?? false);
export const useCatalog = <T,>(selector: (state: CatalogState) => T): T => useStore(useStores().catalog, selector);
export const useUpdates = <T,>(selector: (state: UpdatesState) => T): T => useStore(useStores().updates, selector);
/** The sell store itself, for reading fresh state inside event handlers. */
export const useSellStore = (): SellStore => useStores().sell;
