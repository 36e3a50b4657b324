import { describe, expect, it, vi } from 'vitest';
import { allChannelNames, CHANNELS } from '../shared/ipc/channels';
import { contract } from '../shared/ipc/contract';
import { tempDb } from '../../test/db';
import { createRouter } from '../main/ipc/router';
import { createServices } from '../main/services';

const exposed: Record<string, unknown> = {};
const invoked: string[] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (channel: string) => (invoked.push(channel), Promise.resolve({ ok: true, value: null })) },
}));

describe('one contract: channels, zod contract, router and preload agree', () => {
  it('lists the same channels everywhere', async () => {
    await import('./index');
    const pos = exposed.pos as Record<string, Record<string, () => Promise<unknown>>>;
    const preloadChannels: string[] = [];
    for (const [domain, group] of Object.entries(pos)) {
      for (const [action, fn] of Object.entries(group)) {
        expect(typeof fn).toBe('function');
        await fn();
        preloadChannels.push(`${domain}.${action}`);
      }
    }
    const contractChannels = Object.entries(contract).flatMap(([d, actions]) => Object.keys(actions).map((a) => `${d}.${a}`));
    const listed = Object.entries(CHANNELS).flatMap(([d, actions]) => actions.map((a) => `${d}.${a}`));
    const t = tempDb();
    const router = createRouter(createServices(t.db, { version: 'test', shell: 'web' }));
    t.cleanup();

    expect(contractChannels.sort()).toEqual(listed.sort());
    expect(preloadChannels.sort()).toEqual(listed.sort());
    expect([...router.channels].sort()).toEqual(allChannelNames().sort());
    // The preload really sends each function to its own wire channel.
    expect(invoked.sort()).toEqual(allChannelNames().sort());
  });

  it('exposes a frozen API: nothing can be added from the page', async () => {
    await import('./index');
    const pos = exposed.pos as Record<string, unknown>;
    expect(Object.isFrozen(pos)).toBe(true);
    expect(Object.isFrozen(pos.session)).toBe(true);
  });
});
