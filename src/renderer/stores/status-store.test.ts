import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PosApi } from '../../shared/ipc/api';
import { createFakePos } from '../test/fake-pos';
import { createStatusStore, STATUS_POLL_MS } from './status-store';

describe('status store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls pos.app.status every 5 s until stopped', async () => {
    const { api, calls, state } = createFakePos();
    const store = createStatusStore(api);
    const polls = () => calls.filter((c) => c.channel === 'app.status').length;

    const stop = store.getState().startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(1);
    expect(store.getState().status?.sync.state).toBe('not_configured');

    state.status = { ...state.status, sync: { state: 'online', pending: 4, lastSyncAt: null } };
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS);
    expect(polls()).toBe(2);
    expect(store.getState().status?.sync).toEqual({ state: 'online', pending: 4, lastSyncAt: null });

    stop();
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS * 3);
    expect(polls()).toBe(2);
  });

  it('keeps the last good status when a poll fails, and records the error', async () => {
    const { api } = createFakePos();
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
