/**
 * A test double for the transport at the renderer boundary: a PosApi object
 * that behaves like main for the few channels the shell uses. It keeps its
 * own tiny state (who is signed in, wrong-PIN counts) so tests drive real
 * flows, and records every call.
 */
import type { ErrorInfo, Result } from '../../shared/errors';
import type { PosApi } from '../../shared/ipc/api';
import type { AppStatus, SessionInfo, StaffSummary, StoreSettings } from '../../shared/ipc/dto';

export interface FakeUser extends StaffSummary {
  pin: string;
  /** ISO time; while in the future the PIN is not even checked. */
  lockedUntil?: string;
}

export interface FakePosOptions {
  users?: FakeUser[];
  settings?: Partial<StoreSettings>;
  status?: Partial<AppStatus>;
  session?: SessionInfo | null;
  maxAttempts?: number;
  now?: () => Date;
}

export const DEFAULT_USERS: FakeUser[] = [
  { id: 1, displayName: 'Ana Gómez', role: 'cashier', pin: '2580' },
  { id: 2, displayName: 'Luis Pérez', role: 'manager', pin: '1397' },
  { id: 3, displayName: 'Marta Ruiz', role: 'admin', pin: '8642' },
];

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: ErrorInfo['code'], message: string, details?: ErrorInfo['details']): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export function createFakePos(options: FakePosOptions = {}) {
  const users = (options.users ?? DEFAULT_USERS).map((user) => ({ ...user }));
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? (() => new Date());
  const failures = new Map<number, number>();
  const calls: Array<{ channel: string; input: unknown }> = [];
  const state = {
    session: options.session ?? null,
    settings: {
      storeName: 'Tienda Centro',
      registerCode: 'C01',
      currency: 'COP',
      locale: 'es-CO',
      pricesIncludeTax: true,
      defaultTaxCode: 'IVA19',
      stockPolicy: 'warn',
      discountApprovalBp: 1000,
      cashRoundingIncrement: 0,
      receiptHeader: [],
      receiptFooter: [],
      ...options.settings,
    } satisfies StoreSettings,
    status: {
      version: '0.1.0',
      shell: 'electron',
      sync: { state: 'not_configured', pending: 0, lastSyncAt: null },
      ...options.status,
    } satisfies AppStatus,
  };
  const record = (channel: string, input: unknown) => calls.push({ channel, input });
  const summary = ({ id, displayName, role }: FakeUser): StaffSummary => ({ id, displayName, role });

  const api: PosApi = {
    app: {
      status: async (input) => {
        record('app.status', input);
        return ok(state.status);
      },
    },
    session: {
      staffList: async (input) => {
        record('session.staffList', input);
        return ok(users.map(summary));
      },
      login: async (input) => {
        record('session.login', input);
        const user = users.find((u) => u.id === input.userId);
        if (!user) return fail('NOT_FOUND', `no staff user ${input.userId}`);
        if (user.lockedUntil && new Date(user.lockedUntil) > now()) {
          return fail('USER_LOCKED', 'locked', { lockedUntil: user.lockedUntil });
        }
        if (input.pin !== user.pin) {
          const attempts = (failures.get(user.id) ?? 0) + 1;
          failures.set(user.id, attempts);
          return fail('PIN_INVALID', 'wrong PIN', { attemptsLeft: maxAttempts - attempts });
        }
        failures.delete(user.id);
        state.session = { user: summary(user), since: now().toISOString() };
        return ok(state.session);
      },
      logout: async (input) => {
        record('session.logout', input);
        if (!state.session) return fail('UNAUTHENTICATED', 'sign in with your PIN first');
        state.session = null;
        return ok(null);
      },
      current: async (input) => {
        record('session.current', input);
        return ok(state.session);
      },
    },
    settings: {
      store: async (input) => {
        record('settings.store', input);
        return ok(state.settings);
      },
    },
  };

  return { api, calls, state };
}
