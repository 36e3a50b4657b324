/** Plain JSON shapes that cross IPC. No Map, Set, Date or class instances. */
import type { StaffRoleName } from '../roles';

export interface StaffSummary {
  id: number;
  displayName: string;
  role: StaffRoleName;
}

export interface SessionInfo {
  user: StaffSummary;
  /** ISO timestamp. */
  since: string;
}

export type SyncState = 'not_configured' | 'online' | 'offline' | 'syncing' | 'error';

export interface AppStatus {
  version: string;
  /** Where the app runs: the desktop app or the browser preview. */
  shell: 'electron' | 'web';
  sync: {
    state: SyncState;
    /** Outbox entries not yet acknowledged by the cloud. */
    pending: number;
    /** ISO timestamp of the last successful sync, if any. */
    lastSyncAt: string | null;
  };
}

export interface StoreSettings {
  storeName: string;
  registerCode: string;
  /** ISO 4217, e.g. COP. */
  currency: string;
  /** BCP 47, e.g. es-CO; also the default UI language. */
  locale: string;
  /** Shelf prices include tax (true) or tax is added at the till (false). */
  pricesIncludeTax: boolean;
  /** Tax rate code for products and categories that name none. */
  defaultTaxCode: string;
  /** Selling beyond stock: warn and allow, or block. */
  stockPolicy: 'warn' | 'block';
  /** Discounts above this (basis points of a percent: 1000 = 10 %) need a manager's PIN. */
  discountApprovalBp: number;
  /** Cash due is rounded to this many minor units (0 = no rounding). */
  cashRoundingIncrement: number;
  /** Lines printed under the store name on receipts (address, tax id...). */
  receiptHeader: string[];
  receiptFooter: string[];
  /** Network ESC/POS printer (raw TCP, usually port 9100); null prints through the system printer only. */
  thermalPrinterHost: string | null;
  thermalPrinterPort: number;
  /** Characters per line of the thermal printer: 32 (58 mm), 42 or 48 (80 mm). */
  receiptColumns: 32 | 42 | 48;
}

/** The store settings anyone at the login screen may see. */
export type PublicStoreSettings = Pick<StoreSettings, 'storeName' | 'currency' | 'locale'>;

export interface TaxRateDto {
  code: string;
  name: string;
  /** Basis points: 1900 = 19 %. */
  rateBp: number;
  active: boolean;
}

export interface CategoryTaxDto {
  id: number;
  name: string;
  /** The category's own rate; null: the store default applies. */
  taxCode: string | null;
  productCount: number;
}

export interface StaffUserDto extends StaffSummary {
  username: string;
  active: boolean;
  lockedUntil: string | null;
}
