import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PosApi } from '../../shared/ipc/api';
import { createRealPos } from '../test/real-pos';
import { createStatusStore, STATUS_POLL_MS } from './status-store';

describe('status store', () => {
  let pos: Awaited<ReturnType<typeof createRealPos>>;
  beforeEach(async () => {
    pos = await createRealPos({ as: 'cashier', app: { version: '0.1.0' } });
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    pos.cleanup();
  });

  it('polls pos.app.status every 5 s until stopped', async () => {
    const { api, calls, services } = pos;
    const store = createStatusStore(api);
    const polls = () => calls.filter((c) => c.channel === 'app.status').length;

    // No sync engine yet: what the demo seed wrote waits in main's outbox.
    const waiting = services.outboxPending();
    expect(waiting).toBeGreaterThan(0);
    const stop = store.getState().startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(1);
    expect(store.getState().status?.sync).toEqual({ state: 'not_configured', pending: waiting, lastSyncAt: null, lastError: null, rejected: 0 });

    // A customer saved meanwhile waits too: the next poll says so.
    services.customers.create({ documentTypeCode: 'NATIONAL_ID', document: '1020304050', firstName: 'Laura', lastName: 'Gil', countryCode: 'CO' }, pos.staff.cashier.id);
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS);
    expect(polls()).toBe(2);
    expect(store.getState().status?.sync).toEqual({ state: 'not_configured', pending: waiting + 1, lastSyncAt: null, lastError: null, rejected: 0 });

    stop();
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS * 3);
    expect(polls()).toBe(2);
  });

  it('keeps the last good status when a poll fails, and records the error', async () => {
    const { api } = pos;
    let failing = false;
    const flaky: PosApi = {
      ...api,
      app: {
        status: async () =>
          failing ? { ok: false, error: { code: 'INTERNAL', message: 'down', details: { network: true } } } : api.app.status(),
      },
    };
    const store = createStatusStore(flaky);
    await store.getState().refreshStatus();
    failing = true;
    await store.getState().refreshStatus();
    expect(store.getState().status?.version).toBe('0.1.0');
    expect(store.getState().statusError?.code).toBe('INTERNAL');
  });
});
