/**
 * Role permissions: what each role may do, as an admin set it. Read on every
 * IPC call (one primary-key lookup, never cached, so a change made by the
 * admin CLI or another window applies at the next call) and written only
 * through the write path, audited with before/after and synced.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { DEFAULT_GRANTS, EDITABLE_ROLES, PERMISSIONS, isPermission, type EditableRole, type Permission, type RoleGrant } from '../../shared/permissions';
import type { StaffRoleName } from '../../shared/roles';
import type { RoleGrantDto } from '../../shared/ipc/dto-staff';
import type { Actor, WritePath } from '../write';

interface Row {
  permissions: string;
  discount_limit_bp: number;
}


export function createPermissionService(sqlite: Database.Database, writes: WritePath) {
  const read = sqlite.prepare<[role: string], Row>(`SELECT permissions, discount_limit_bp FROM role_permissions WHERE role = ?`);
  const upsert = sqlite.prepare(
    `INSERT INTO role_permissions (role, permissions, discount_limit_bp, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(role) DO UPDATE SET permissions = excluded.permissions, discount_limit_bp = excluded.discount_limit_bp, updated_at = excluded.updated_at`,
  );

  function grantOf(role: StaffRoleName): RoleGrant {
    if (role === 'admin') return DEFAULT_GRANTS.admin;
    const row = read.get(role);
    if (!row) return DEFAULT_GRANTS[role];
    // Unknown names (from a newer version's sync) are ignored rather than trusted.
    const stored = (JSON.parse(row.permissions) as string[]).filter(isPermission);
    return { permissions: PERMISSIONS.filter((p) => stored.includes(p)), discountLimitBp: row.discount_limit_bp };
  }

  return {
    grantOf,

    has(role: StaffRoleName, permission: Permission): boolean {
      return grantOf(role).permissions.includes(permission);
    },

    /** Throws FORBIDDEN naming the permission when the role lacks it. */
    require(role: StaffRoleName, permission: Permission, what?: string): void {
      if (!this.has(role, permission)) {
        throw new DomainError('FORBIDDEN', `${what ?? 'this'} needs the "${permission}" permission, which the ${role} role does not have`, undefined, { permission });
      }
    },

    list(): RoleGrantDto[] {
      return (['cashier', 'manager', 'admin'] as const).map((role) => ({ role, editable: role !== 'admin', ...grantOf(role) }));
    },

    set(role: EditableRole, grant: RoleGrant, actor: Actor | null): RoleGrantDto {
      if (!(EDITABLE_ROLES as readonly string[]).includes(role)) throw new DomainError('VALIDATION', 'an admin always holds every permission', 'role');
      if (!Number.isInteger(grant.discountLimitBp) || grant.discountLimitBp < 0 || grant.discountLimitBp > 10_000) {
        throw new DomainError('VALIDATION', 'discount limit must be 0-100 %', 'discountLimitBp');
      }
      const unknown = grant.permissions.find((p) => !isPermission(p));
      if (unknown) throw new DomainError('VALIDATION', `unknown permission ${unknown}`, 'permissions');
      const next: RoleGrant = { permissions: PERMISSIONS.filter((p) => grant.permissions.includes(p)), discountLimitBp: grant.discountLimitBp };
      const current = grantOf(role);
      const added = next.permissions.filter((p) => !current.permissions.includes(p));
      const removed = current.permissions.filter((p) => !next.permissions.includes(p));
      if (added.length === 0 && removed.length === 0 && next.discountLimitBp === current.discountLimitBp) {
        return { role, editable: true, ...current };
      }
      writes.mutate(actor, (w) => {
        upsert.run(role, JSON.stringify(next.permissions), next.discountLimitBp, w.now);
        w.audit({
          action: 'staff.permissions',
          entity: 'role_permissions',
          entityId: role,
          before: { permissions: current.permissions, discountLimitBp: current.discountLimitBp },
          after: { permissions: next.permissions, discountLimitBp: next.discountLimitBp },
          details: { added, removed },
        });
        w.emit('role_permissions.changed', { role, permissions: next.permissions, discountLimitBp: next.discountLimitBp });
      });
      return { role, editable: true, ...grantOf(role) };
    },
  };
}

export type PermissionService = ReturnType<typeof createPermissionService>;
