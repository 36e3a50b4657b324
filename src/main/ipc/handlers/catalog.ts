import type { DomainHandlers } from '../types';

export const catalogHandlers: DomainHandlers<'catalog'> = {
  search: ({ query, limit }, { services }) => services.catalog.search(query, limit ?? 20),
  grid: ({ productId }, { services }) => services.catalog.grid(productId),
};
