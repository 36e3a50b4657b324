import type { DomainHandlers } from '../types';

export const settingsHandlers: DomainHandlers<'settings'> = {
  store: (_input, { services }) => services.settings.store(),
};
