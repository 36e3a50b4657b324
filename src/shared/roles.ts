export const STAFF_ROLE_NAMES = ['cashier', 'manager', 'admin'] as const;
export type StaffRoleName = (typeof STAFF_ROLE_NAMES)[number];

const RANK: Record<StaffRoleName, number> = { cashier: 1, manager: 2, admin: 3 };

/** Admins can do what managers can, managers what cashiers can. */
export const roleAtLeast = (role: StaffRoleName, needed: StaffRoleName): boolean => RANK[role] >= RANK[needed];
