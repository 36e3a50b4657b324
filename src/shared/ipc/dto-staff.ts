/** Staff permissions and the audit log, as they cross IPC. */
import type { Permission } from '../permissions';
import type { StaffRoleName } from '../roles';

export interface RoleGrantDto {
  role: StaffRoleName;
  permissions: Permission[];
  /** Largest discount share (basis points) the role gives without approval. */
  discountLimitBp: number;
  /** False for admin, who always holds everything. */
  editable: boolean;
}

export interface AuditEntryDto {
  id: number;
  occurredAt: string;
  staffId: number | null;
  staffName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  /** The entry's facts (before/after and details) as stored. */
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: AuditEntryDto[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  nextBefore: number | null;
}

export interface AuditFacets {
  staff: { id: number; displayName: string }[];
  actions: string[];
  entities: string[];
}
