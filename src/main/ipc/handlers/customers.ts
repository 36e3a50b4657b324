import { actorOf } from '../actor';
import type { DomainHandlers } from '../types';

export const customersHandlers: DomainHandlers<'customers'> = {
  search: ({ query }, { services }) => services.customers.search(query),
  create: (input, { services, session }) => services.customers.create(input, actorOf(session).id),
  get: ({ id }, { services }) => services.customers.get(id),
  addAddress: (input, { services, session }) => services.customers.addAddress(input, actorOf(session).id),
};
