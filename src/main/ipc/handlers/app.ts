import type { DomainHandlers } from '../types';

export const appHandlers: DomainHandlers<'app'> = {
  status: (_input, { services }) => ({
    version: services.appInfo.version,
    shell: services.appInfo.shell,
    // No sync engine yet: documents wait in the outbox until one is configured.
    sync: { state: 'not_configured', pending: services.outboxPending(), lastSyncAt: null },
  }),
};
