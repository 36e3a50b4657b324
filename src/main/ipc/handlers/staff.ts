import type { StaffUserDto } from '../../../shared/ipc/dto';
import type { StaffUserRow } from '../../staff/staff-service';
import { actorOf } from '../actor';
import type { DomainHandlers } from '../types';

const dto = ({ id, displayName, role, username, active, lockedUntil }: StaffUserRow): StaffUserDto => ({ id, displayName, role, username, active, lockedUntil });

export const staffHandlers: DomainHandlers<'staff'> = {
  list: ({ includeInactive }, { services }) => services.staff.list({ includeInactive: includeInactive ?? false }).map(dto),
  add: async (input, { services, session }) => dto(await services.staff.create(input, actorOf(session).id)),
  disable: ({ id }, { services, session }) => dto(services.staff.disable(id, actorOf(session).id)),
  setRole: ({ id, role }, { services, session }) => dto(services.staff.setRole(id, role, actorOf(session).id)),
  roles: (_input, { services }) => services.permissions.list(),
  setRoleGrant: ({ role, permissions, discountLimitBp }, { services, session }) => services.permissions.set(role, { permissions, discountLimitBp }, actorOf(session)),
};
