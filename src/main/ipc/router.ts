import { DomainError, type ErrorInfo, type Result } from '../../shared/errors';
import { CHANNELS, channelName } from '../../shared/ipc/channels';
import { contract, type Access, type ChannelDef } from '../../shared/ipc/contract';
import type { Services } from '../services';
import { handlers as defaultHandlers } from './handlers';
import { redact } from './redact';
import type { SessionState } from './session-state';
import type { Handlers } from './types';

export interface CallLog {
  /** `error`: the thrown value of an INTERNAL failure (a bug), with its stack, for the log file. */
  (entry: { channel: string; ms: number; ok: boolean; code?: string; input: unknown; error?: unknown }): void;
}

export interface Router {
  /** Wire names of every channel this router answers. */
  readonly channels: readonly string[];
  /** Validates, authorizes and runs one call; never throws. */
  call(channel: string, rawInput: unknown, session: SessionState): Promise<Result<unknown>>;
}

type AnyHandler = (input: unknown, ctx: { services: Services; session: SessionState }) => unknown;

/**
 * The signed-in user as the database has them now: a disabled user's session
 * ends at their next call, and a changed role applies at once.
 */
function refreshSession(services: Services, session: SessionState): boolean {
  const signedIn = session.current;
  if (!signedIn) return false;
  const user = services.staff.activeSummary(signedIn.user.id);
  if (!user) {
    session.current = null;
    return true;
  }
  const grant = services.permissions.grantOf(user.role);
  if (user.role !== signedIn.user.role || user.displayName !== signedIn.user.displayName || JSON.stringify(grant) !== JSON.stringify(signedIn.grant)) {
    session.current = { ...signedIn, user, grant };
  }
  return false;
}

function checkAccess(access: Access, session: SessionState, ended: boolean): void {
  if (access === 'public') return;
  const user = session.current?.user;
  if (!user) {
    throw new DomainError('UNAUTHENTICATED', ended ? 'your session has ended: the user was disabled' : 'sign in with your PIN first');
  }
  if (access === 'staff') return;
  // The grant was re-read from the database by refreshSession for this very call.
  if (!session.current?.grant.permissions.includes(access)) {
    throw new DomainError('FORBIDDEN', `this needs the "${access}" permission, which the ${user.role} role does not have`, undefined, { permission: access });
  }
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
      let bug: unknown;
      try {
        const entry = table.get(channel);
        if (!entry) throw new DomainError('NOT_FOUND', `unknown channel ${channel}`);
        const parsed = entry.def.input.safeParse(rawInput);
        if (!parsed.success) throw validationError(parsed.error.issues);
        checkAccess(entry.def.access, session, refreshSession(services, session));
        result = { ok: true, value: await entry.handler(parsed.data, { services, session }) };
      } catch (err) {
        result = { ok: false, error: toErrorInfo(err) };
        if (!(err instanceof DomainError)) bug = err;
      }
      // Without a log (tests, tools) a bug still reaches the console.
      if (bug !== undefined && !options.log) console.error('[ipc] internal error', channel, bug);
      options.log?.({
        channel,
        ms: performance.now() - started,
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
        input: safeRedact(rawInput),
        ...(bug !== undefined ? { error: bug } : {}),
      });
      return result;
    },
  };
}

/** The first problem as the message, and every field's problem for forms. */
function validationError(issues: readonly { path: PropertyKey[]; message: string }[]): DomainError {
  const all = issues.slice(0, 50).map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = all[0] ?? { field: '', message: 'invalid input' };
  const err = new DomainError('VALIDATION', first.field ? `${first.field}: ${first.message}` : first.message, first.field || undefined);
  err.issues = all.filter((i, n) => i.field && all.findIndex((j) => j.field === i.field) === n);
  return err;
}

/** Logging never turns a call into a failure: an input too deep to copy is logged as such. */
function safeRedact(input: unknown): unknown {
  try {
    return redact(input);
  } catch {
    return '[unloggable input]';
  }
}

function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof DomainError) return err.toInfo();
  // A bug, not a business rule: the call log keeps it whole; the user sees a stable code.
  return { code: 'INTERNAL', message: 'Something went wrong; the error was logged.' };
}
