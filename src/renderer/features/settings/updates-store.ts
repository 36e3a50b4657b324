/**
 * Settings > Updates: what main's update policy says (version, channel, last
 * check, download, when it installs) and the admin's actions. Main decides
 * and enforces everything; this keeps its last answer.
 */
import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { InstallNowResult, UpdateChannel, UpdateInfoDto } from '../../../shared/ipc/dto-updates';

export interface UpdatesState {
  info: UpdateInfoDto | null;
  error: ErrorInfo | null;
  load(): Promise<void>;
  /** An admin's check now (ignores the staged rollout). */
  check(): Promise<Result<UpdateInfoDto>>;
  setChannel(channel: UpdateChannel): Promise<Result<UpdateInfoDto>>;
  /** 0 lifts a postponement. */
  postpone(hours: number): Promise<Result<UpdateInfoDto>>;
  installNow(): Promise<Result<InstallNowResult>>;
}

export type UpdatesStore = ReturnType<typeof createUpdatesStore>;

export function createUpdatesStore(api: PosApi) {
  return createStore<UpdatesState>()((set) => {
    const keep = <T extends UpdateInfoDto>(result: Result<T>): Result<T> => {
      if (result.ok) set({ info: result.value, error: null });
      return result;
    };
    return {
      info: null,
      error: null,
      async load() {
        const result = await api.updates.info();
        if (result.ok) set({ info: result.value, error: null });
        else set({ error: result.error });
      },
      check: async () => keep(await api.updates.check()),
      setChannel: async (channel) => keep(await api.updates.setChannel({ channel })),
      postpone: async (hours) => keep(await api.updates.postpone({ hours })),
      async installNow() {
        const result = await api.updates.installNow();
        if (result.ok) set({ info: result.value.status, error: null });
        return result;
      },
    };
  });
}
