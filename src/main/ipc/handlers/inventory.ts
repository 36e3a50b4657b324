import { actorOf } from '../actor';
import type { DomainHandlers } from '../types';

export const inventoryHandlers: DomainHandlers<'inventory'> = {
  // Costs only for a role that may see them: main decides, not the screen.
  stock: (query, { services, session }) => services.inventory.queries.stock(query, session.current?.grant.permissions.includes('costs.view') ?? false),
  movements: ({ variantId, limit }, { services }) => services.inventory.queries.movements(variantId, limit),
  grid: ({ productId }, { services }) => services.inventory.queries.grid(productId),
  filters: (_input, { services }) => services.inventory.queries.filters(),
  adjust: (input, { services, session }) => services.inventory.adjustments.adjust(actorOf(session), input),
  orders: ({ status }, { services }) => services.inventory.orders.list(status ?? null),
  order: ({ id }, { services }) => services.inventory.orders.get(id),
  createOrder: (input, { services, session }) => services.inventory.orders.create(actorOf(session), input),
  closeOrder: ({ id }, { services, session }) => services.inventory.orders.close(actorOf(session), id),
  receive: (input, { services, session }) => services.inventory.orders.receive(actorOf(session), input),
  counts: (_input, { services }) => services.inventory.counts.list(),
  count: ({ id }, { services }) => services.inventory.counts.get(id),
  startCount: (input, { services, session }) => services.inventory.counts.start(actorOf(session), input),
  recordCount: ({ countId, ...input }, { services, session }) => services.inventory.counts.record(actorOf(session), countId, input),
  applyCount: ({ id }, { services, session }) => services.inventory.counts.apply(actorOf(session), id),
  cancelCount: ({ id }, { services, session }) => services.inventory.counts.cancel(actorOf(session), id),
  transfers: (filter, { services }) => services.inventory.transfers.list(filter),
  transfer: ({ id }, { services }) => services.inventory.transfers.get(id),
  sendTransfer: (input, { services, session }) => services.inventory.transfers.send(actorOf(session), input),
  acceptTransfer: ({ id, lines }, { services, session }) => services.inventory.transfers.accept(actorOf(session), id, { lines }),
};
