/** Plain JSON shapes that cross IPC. No Map, Set, Date or class instances. */
import type { RoleGrant } from '../permissions';
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
  /** What the user's role may do now (main re-reads it on every call; the screens use it to hide what would be refused). */
  grant: RoleGrant;
}

export type SyncState = 'not_configured' | 'online' | 'offline' | 'syncing' | 'error';

export interface AppStatus {
  version: string;
  /** Where the app runs: the desktop app or the browser preview. */
  shell: 'electron' | 'web';
  sync: SyncStatus;
}

export interface SyncStatus {
  state: SyncState;
  /** Outbox entries not yet acknowledged by the cloud. */
  pending: number;
  /** ISO timestamp of the last fully successful sync round (push and pull), if any. */
  lastSyncAt: string | null;
  /** Why the last round failed (code: network, timeout, revoked, unauthorized, server, bad_response, apply_failed, internal); null after a good round. */
  lastError: { code: string; message: string } | null;
  /** Documents the cloud refused: they stay in the queue with the reason. */
  rejected: number;
}

/** Settings > Sync: where this register syncs and how it goes. */
export interface SyncInfo {
  configured: boolean;
  serverUrl: string | null;
  storeId: string | null;
  registerId: string;
  registerCode: string;
  status: SyncStatus;
}

/** An outbox document the cloud refused, with its reason. */
export interface RejectedDocumentDto {
  seq: number;
  type: string;
  lastError: string;
  attempts: number;
  createdAt: string;
}

/** Register and cloud compared after a full sync: stock per variant and the version of every shared row. */
export type ConvergenceDto =
  | { status: 'match'; variants: number; rows: number }
  | { status: 'mismatch'; what: ('stock' | 'catalog')[]; local: { variants: number; rows: number }; cloud: { variants: number; rows: number } }
  | { status: 'not_settled'; pending: number };

/** An edit of this register the cloud refused because another register changed the row first. */
export interface SyncConflictDto {
  id: number;
  type: string;
  entityId: string;
  label: string;
  /** The fields that differ: this register's value and the cloud's. */
  differences: { field: string; mine: string; cloud: string }[];
  detectedAt: string;
}

/** What "Sync now" did. */
export interface SyncNowResult {
  /** The convergence check after the round (null when the round failed or the check could not run). */
  convergence?: ConvergenceDto | null;
  ok: boolean;
  /** Documents the cloud took (applied, or already had). */
  pushed: number;
  rejected: number;
  /** Documents of other registers applied here. */
  pulled: number;
  error: { code: string; message: string } | null;
  status: SyncStatus;
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
