/** The typed `window.pos` the renderer sees, derived from the contract. */
import type { Result } from '../errors';
import { CHANNELS, channelName, type Domain } from './channels';
import type { Contract, InputOf, OutputOf } from './contract';

type Call<C> = undefined extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

export type PosApi = {
  [D in Domain]: { [A in keyof Contract[D]]: Call<Contract[D][A]> };
};

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the API object from the channel list and one transport (Electron's
 * ipcRenderer.invoke, or the web bridge's fetch). Named functions only: no
 * Proxy, nothing outside the list is reachable.
 */
export function buildPosApi(invoke: Invoke): PosApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const [domain, actions] of Object.entries(CHANNELS)) {
    const group: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
    for (const action of actions) {
      const name = channelName(domain, action);
      group[action] = (input?: unknown) => invoke(name, input ?? {});
    }
    api[domain] = Object.freeze(group);
  }
  return Object.freeze(api) as unknown as PosApi;
}
