import type { DomainHandlers } from '../types';

export const appHandlers: DomainHandlers<'app'> = {
  status: (_input, { services }) => ({
    version: services.appInfo.version,
    shell: services.appInfo.shell,
    // The sync engine arrives with its own issue; until then nothing is queued.
    sync: { state: 'not_configured', pending: 0, lastSyncAt: null },
  }),
};
