import { isoNow } from '../../db/clock';
import type { DomainHandlers } from '../types';

export const sessionHandlers: DomainHandlers<'session'> = {
  staffList: (_input, { services }) =>
    services.staff.list().map(({ id, displayName, role }) => ({ id, displayName, role })),

  login: async ({ userId, pin }, { services, session }) => {
    const user = await services.staff.authenticate(userId, pin);
    session.current = { user, since: isoNow(services.clock), grant: services.permissions.grantOf(user.role) };
    return session.current;
  },

  logout: (_input, { services, session }) => {
    const user = session.current?.user;
    if (user) services.writes.mutate(user, (w) => w.audit({ action: 'session.logout', entity: 'staff_users', entityId: user.id }));
    session.current = null;
    return null;
  },

  current: (_input, { session }) => session.current,

  bootstrapAdmin: async (input, { services, session }) => {
    const admin = await services.staff.bootstrapAdmin(input);
    session.current = { user: { id: admin.id, displayName: admin.displayName, role: admin.role }, since: isoNow(services.clock), grant: services.permissions.grantOf(admin.role) };
    return session.current;
  },
};
