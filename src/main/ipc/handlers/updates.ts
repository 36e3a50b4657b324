import type { DomainHandlers } from '../types';
import { actorOf } from '../actor';

export const updatesHandlers: DomainHandlers<'updates'> = {
  info: (_input, { services }) => services.updates.status(),
  check: async (_input, { services }) => (await services.updates.check({ ignoreStaging: true })).status,
  setChannel: ({ channel }, { services, session }) => services.updates.setChannel(channel, actorOf(session).displayName),
  postpone: ({ hours }, { services, session }) => services.updates.postpone(hours, actorOf(session).displayName),
  installNow: (_input, { services }) => {
    const { decision, status } = services.updates.installNow();
    return { installing: decision.install, reason: decision.reason, status };
  },
};
