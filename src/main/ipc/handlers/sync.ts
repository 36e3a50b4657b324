import type { SyncNowResult } from '../../../shared/ipc/dto';
import { readSyncServer } from '../../sync/register-device';
import type { DomainHandlers } from '../types';

export const syncHandlers: DomainHandlers<'sync'> = {
  info: (_input, { services }) => {
    const server = readSyncServer(services.db);
    const identity = services.device.identity();
    return {
      configured: services.sync.configured(),
      serverUrl: server?.serverUrl ?? null,
      storeId: server?.storeId ?? null,
      registerId: identity.registerId,
      registerCode: identity.registerCode,
      status: services.sync.status(),
    };
  },
  rejected: (input, { services }) => services.sync.rejectedDocuments(input?.limit ?? 100),
  now: async (_input, { services }): Promise<SyncNowResult> => {
    const result = await services.sync.runNow();
    const status = services.sync.status();
    if (result.ok) {
      return {
        ok: true,
        pushed: result.push.applied + result.push.duplicate,
        rejected: result.push.rejected,
        pulled: result.pull.applied,
        error: null,
        status,
      };
    }
    const error = result.notConfigured
      ? { code: 'not_configured', message: 'this register is not registered with a cloud yet' }
      : result.error;
    return { ok: false, pushed: 0, rejected: 0, pulled: 0, error, status };
  },
};
