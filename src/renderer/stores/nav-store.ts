import { createStore } from 'zustand/vanilla';

export const SCREENS = ['sell', 'catalog', 'inventory', 'customers', 'reports', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];

export interface NavState {
  screen: ScreenName;
  go(screen: ScreenName): void;
  reset(): void;
}

export type NavStore = ReturnType<typeof createNavStore>;

export function createNavStore() {
  return createStore<NavState>()((set) => ({
    screen: 'sell',
    go: (screen) => set({ screen }),
    reset: () => set({ screen: 'sell' }),
  }));
}
