import { DomainError, type ErrorInfo, type Result } from '../../shared/errors';
import { CHANNELS, channelName } from '../../shared/ipc/channels';
import { contract, type Access, type ChannelDef } from '../../shared/ipc/contract';
import { roleAtLeast } from '../../shared/roles';
import type { Services } from '../services';
import { handlers as defaultHandlers } from './handlers';
import { redact } from './redact';
import type { SessionState } from './session-state';
import type { Handlers } from './types';

export interface CallLog {
  (entry: { channel: string; ms: number; ok: boolean; code?: string; input: unknown }): void;
}

export interface Router {
  /** Wire names of every channel this router answers. */
  readonly channels: readonly string[];
  /** Validates, authorizes and runs one call; never throws. */
  call(channel: string, rawInput: unknown, session: SessionState): Promise<Result<unknown>>;
}

type AnyHandler = (input: unknown, ctx: { services: Services; session: SessionState }) => unknown;

function checkAccess(access: Access, session: SessionState): void {
  if (access === 'public') return;
  const user = session.current?.user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'sign in with your PIN first');
  if (!roleAtLeast(user.role, access)) throw new DomainError('FORBIDDEN', `this needs a ${access}`);
}

/**
 * The one place a renderer call enters main: channel -> zod parse -> role
 * check -> service. Plain object, no Electron: ipcMain and the web bridge both
 * call it, and tests call it directly.
 */
export function createRouter(services: Services, options: { log?: CallLog; handlers?: Handlers } = {}): Router {
  const table = new Map<string, { def: ChannelDef; handler: AnyHandler }>();
  const impl = options.handlers ?? defaultHandlers;
  for (const [domain, actions] of Object.entries(CHANNELS)) {
    for (const action of actions) {
      const def = (contract as unknown as Record<string, Record<string, ChannelDef>>)[domain]?.[action];
      const handler = (impl as unknown as Record<string, Record<string, AnyHandler>>)[domain]?.[action];
      if (!def || !handler) throw new Error(`channel ${domain}.${action} lacks a contract entry or a handler`);
      table.set(channelName(domain, action), { def, handler });
    }
  }

  return {
    channels: [...table.keys()],
    async call(channel, rawInput, session) {
      const started = performance.now();
      let result: Result<unknown>;
      try {
        const entry = table.get(channel);
        if (!entry) throw new DomainError('NOT_FOUND', `unknown channel ${channel}`);
        const parsed = entry.def.input.safeParse(rawInput);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.join('.');
          throw new DomainError('VALIDATION', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
        }
        checkAccess(entry.def.access, session);
        result = { ok: true, value: await entry.handler(parsed.data, { services, session }) };
      } catch (err) {
        result = { ok: false, error: toErrorInfo(err) };
      }
      options.log?.({
        channel,
        ms: performance.now() - started,
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
        input: redact(rawInput),
      });
      return result;
    },
  };
}

function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof DomainError) return err.toInfo();
  // A bug, not a business rule: log it whole in main, show the user a stable code.
  console.error('[ipc] internal error', err);
  return { code: 'INTERNAL', message: 'Something went wrong; the error was logged.' };
}
