import type { ComponentType } from 'react';
import type { ScreenName } from '../../stores/nav-store';
import { CatalogScreen } from '../catalog/CatalogScreen';
import { CustomersScreen } from '../customers/CustomersScreen';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SellScreen } from '../sell/SellScreen';
import { SettingsScreen } from '../settings/SettingsScreen';

export interface ScreenEntry {
  name: ScreenName;
  /** tinykeys binding, also printed on the nav button. */
  shortcut: string;
  Component: ComponentType;
}

/** Navigation order = shortcut order (F1..F6). */
export const SCREEN_ENTRIES: readonly ScreenEntry[] = [
  { name: 'sell', shortcut: 'F1', Component: SellScreen },
  { name: 'catalog', shortcut: 'F2', Component: CatalogScreen },
  { name: 'inventory', shortcut: 'F3', Component: InventoryScreen },
  { name: 'customers', shortcut: 'F4', Component: CustomersScreen },
  { name: 'reports', shortcut: 'F5', Component: ReportsScreen },
  { name: 'settings', shortcut: 'F6', Component: SettingsScreen },
];
