/**
 * Watches every answer from main for UNAUTHENTICATED: the session ended
 * elsewhere (signed out in another window, user disabled, main restarted).
 * The stores then drop the signed-in user and the app goes back to the login
 * screen instead of showing the old user and "sign in with your PIN".
 */
import type { Result } from '../../shared/errors';
import type { PosApi } from '../../shared/ipc/api';

type AnyCall = (input?: unknown) => Promise<Result<unknown>>;

/**
 * The same API; an UNAUTHENTICATED answer calls the handler `begin` gave when
 * that call started (the answer still goes to the caller). `begin` runs as
 * each call starts, so a refusal can be tied to the session it was made under:
 * a call sent while signed out that answers after a new sign-in ends nothing.
 */
export function guardSession(api: PosApi, begin: () => () => void): PosApi {
  const guarded: Record<string, Record<string, AnyCall>> = {};
  for (const [domain, group] of Object.entries(api as unknown as Record<string, Record<string, AnyCall>>)) {
    const calls: Record<string, AnyCall> = {};
    for (const [action, call] of Object.entries(group)) {
      calls[action] = async (input?: unknown) => {
        const onEnded = begin();
        const result = await call(input);
        if (!result.ok && result.error.code === 'UNAUTHENTICATED') onEnded();
        return result;
      };
    }
    guarded[domain] = Object.freeze(calls);
  }
  return Object.freeze(guarded) as unknown as PosApi;
}
