import type { ConvergenceDto, SyncConflictDto, SyncNowResult } from '../../../shared/ipc/dto';
import type { ConvergenceResult } from '../../sync/checksum';
import type { ConflictRow } from '../../sync/sync-admin';
import { readSyncServer } from '../../sync/register-device';
import { actorOf } from '../actor';
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
      // A check that cannot run (the cloud went away meanwhile) leaves the round's answer as it is.
      const convergence = await services.sync.checkConvergence().then(toConvergenceDto, () => null);
      return {
        ok: true,
        pushed: result.push.applied + result.push.duplicate,
        rejected: result.push.rejected,
        pulled: result.pull.applied,
        error: null,
        status: services.sync.status(),
        convergence,
      };
    }
    const error = result.notConfigured
      ? { code: 'not_configured', message: 'this register is not registered with a cloud yet' }
      : result.error;
    return { ok: false, pushed: 0, rejected: 0, pulled: 0, error, status };
  },
  conflicts: (_input, { services }) => services.syncAdmin.conflicts().map(toConflictDto),
  resolveConflict: (input, { services, session }) => services.syncAdmin.resolveConflict(input.id, input.resolution, actorOf(session).id),
  retryRejected: (input, { services, session }) => {
    services.syncAdmin.retryRejected(input.seq, actorOf(session).id);
    services.sync.nudge();
  },
  dropRejected: (input, { services, session }) => services.syncAdmin.dropRejected(input.seq, input.reason, actorOf(session).id),
};

function toConvergenceDto(r: ConvergenceResult): ConvergenceDto {
  if (r.status === 'not_settled') return r;
  if (r.status === 'match') return { status: 'match', variants: r.local.variants, rows: r.local.entityCount };
  return { status: 'mismatch', what: r.what, local: { variants: r.local.variants, rows: r.local.entityCount }, cloud: { variants: r.cloud.variants, rows: r.cloud.entityCount } };
}

const shown = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function toConflictDto(c: ConflictRow): SyncConflictDto {
  const fields = [...new Set([...Object.keys(c.local), ...Object.keys(c.server ?? {})])].filter((f) => f !== 'baseChangeId' && f !== 'changedFields');
  const differences = fields
    .map((field) => ({ field, mine: shown(c.local[field]), cloud: shown(c.server?.[field]) }))
    .filter((d) => d.mine !== d.cloud)
    .map((d) => ({ ...d, mine: d.mine.slice(0, 200), cloud: d.cloud.slice(0, 200) }));
  return { id: c.id, type: c.type, entityId: c.entityId, label: c.label, differences, detectedAt: c.detectedAt };
}
