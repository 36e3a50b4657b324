/**
 * Named permissions. A role holds a set of them (editable by an admin, see
 * src/main/staff/permission-service.ts) and a discount limit; every IPC
 * channel names the permission it needs (src/shared/ipc/contract.ts) and main
 * checks it on every call, whatever the screen shows.
 *
 * Plain data, no imports beyond roles: the preload-free renderer and the
 * cloud may read it too.
 */
import type { StaffRoleName } from './roles';

export const PERMISSIONS = [
  /** Give line and order discounts (up to the role's discount limit without approval). */
  'sales.discount',
  /** Change a line's price at the till, and approve a cashier's price change. */
  'sales.overridePrice',
  /** Take returns and give refunds. */
  'sales.refund',
  /** Cancel a sale in progress. */
  'sales.void',
  /** Adjust stock with a reason code. */
  'stock.adjust',
  /** Purchase orders and goods receipts. */
  'stock.receive',
  /** Stock counts: count sheets, counting, applying. */
  'stock.count',
  /** Send transfers to another store and accept incoming ones. */
  'stock.transfer',
  /** See cost prices, stock value and margins. */
  'costs.view',
  /** Reports and the audit log. */
  'reports.view',
  /** Create, edit and erase customers' records, import and export them. */
  'customers.manage',
  /** Products, variants and the catalog's lists. */
  'catalog.manage',
  /** Store settings, taxes, sync. */
  'settings.manage',
  /** Add and disable staff, change roles and role permissions. */
  'users.manage',
  /** Settings > Updates: check now, change the channel, postpone or install an update. */
  'updates.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);

export interface RoleGrant {
  permissions: Permission[];
  /**
   * The largest share (basis points) of a line or sale this role may take off
   * without someone's approval; the store's approval threshold
   * (settings.discountApprovalBp) applies when it is higher. An approver's
   * limit must cover the discount they approve.
   */
  discountLimitBp: number;
}

/** Roles an admin may edit; an admin always holds every permission (so a store can never lock itself out). */
export const EDITABLE_ROLES = ['cashier', 'manager'] as const satisfies readonly StaffRoleName[];
export type EditableRole = (typeof EDITABLE_ROLES)[number];

/** What each role holds until an admin changes it: what the till did before permissions were editable. */
export const DEFAULT_GRANTS: Record<StaffRoleName, RoleGrant> = {
  cashier: { permissions: ['sales.discount', 'sales.void'], discountLimitBp: 0 },
  // Updates are IT's and the owner's call: admins only until an admin grants it.
  manager: { permissions: PERMISSIONS.filter((p) => p !== 'users.manage' && p !== 'updates.manage'), discountLimitBp: 10_000 },
  admin: { permissions: [...PERMISSIONS], discountLimitBp: 10_000 },
};
