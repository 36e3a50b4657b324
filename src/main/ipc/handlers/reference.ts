import type { DomainHandlers } from '../types';

export const referenceHandlers: DomainHandlers<'reference'> = {
  lists: (_input, { services }) => services.reference.lists(),
};
