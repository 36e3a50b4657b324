import type { DomainHandlers } from '../types';

export const appHandlers: DomainHandlers<'app'> = {
  status: (_input, { services }) => ({
    version: services.appInfo.version,
    shell: services.appInfo.shell,
    sync: services.sync.status(),
  }),
};
