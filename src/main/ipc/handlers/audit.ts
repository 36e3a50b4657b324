import type { DomainHandlers } from '../types';

export const auditHandlers: DomainHandlers<'audit'> = {
  list: (query, { services }) => services.audit.list(query),
  facets: (_input, { services }) => services.audit.facets(),
};
