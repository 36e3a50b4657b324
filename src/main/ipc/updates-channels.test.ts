/**
 * Settings > Updates through the router, on a real store and electron-updater
 * (Node adapter) against a feed on 127.0.0.1: who may do what is decided in
 * main, and an open sale holds the install whoever asks.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import { nodeUpdater, type TestDebUpdater } from '../../../test/updater/node-updater';
import { buildFeed } from '../../release/feed';
import { serveFeed, type FeedServer } from '../../release/feed-server';
import type { InstallNowResult, UpdateInfoDto } from '../../shared/ipc/dto-updates';
import { createServices, type Services } from '../services';
import { createTillPresence } from '../updater/till-probe';
import { createRouter } from './router';
import { newSessionState } from './session-state';

let t: TestStore;
let server: FeedServer;
let engine: TestDebUpdater;
let services: Services;

beforeEach(async () => {
  t = await testStore(5, 6);
  const artifacts = path.join(t.dir, 'release');
  fs.mkdirSync(artifacts);
  fs.writeFileSync(path.join(artifacts, 'pos-ropa-1.1.0-latest-linux-amd64.deb'), randomBytes(64 * 1024));
  buildFeed({ from: artifacts, out: path.join(t.dir, 'feed'), version: '1.1.0', channels: ['latest', 'beta'] });
  server = await serveFeed(path.join(t.dir, 'feed'));
  engine = nodeUpdater({ version: '1.0.0', feedUrl: server.url, dir: path.join(t.dir, 'app') });
  const presence = createTillPresence();
  // A cashier is at the till and busy, so a download waits until the test decides.
  presence.setSignedIn(() => true);
  presence.touch(t.clock.now().getTime());
  services = createServices(t.db, { version: '1.0.0', shell: 'electron' }, t.clock, {}, { engine, presence });
});

afterEach(async () => {
  services.updates.stop();
  await server.close();
  t.cleanup();
});

const signedIn = async (username: 'admin' | 'manager' | 'cashier') => {
  const router = createRouter(services);
  const session = newSessionState();
  const user = services.staff.list().find((s) => s.role === username)!;
  const pin = { admin: '2580', manager: '1357', cashier: '2468' }[username];
  expect((await router.call('pos:session.login', { userId: user.id, pin }, session)).ok).toBe(true);
  return async <T>(channel: string, input: unknown = {}) => router.call(channel, input, session) as Promise<{ ok: true; value: T } | { ok: false; error: { code: string; field?: string } }>;
};

describe('updates channels', () => {
  it('everyone reads the status; only an admin checks, switches channel, postpones or installs', async () => {
    for (const role of ['cashier', 'manager'] as const) {
      const call = await signedIn(role);
      expect(await call<UpdateInfoDto>('pos:updates.info')).toMatchObject({ ok: true, value: { version: '1.0.0', channel: 'stable', phase: 'idle' } });
      for (const [channel, input] of [['pos:updates.check', {}], ['pos:updates.setChannel', { channel: 'beta' }], ['pos:updates.postpone', { hours: 4 }], ['pos:updates.installNow', {}]] as const) {
        expect(await call(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(services.updates.status().channel).toBe('stable');
    expect(engine.installs).toEqual([]);
  });

  it("an admin's check downloads and verifies; install now waits for the open sale, then goes", async () => {
    const admin = await signedIn('admin');
    const checked = await admin<UpdateInfoDto>('pos:updates.check');
    expect(checked.ok).toBe(true);
    await services.updates.settled();
    expect(services.updates.status()).toMatchObject({ phase: 'downloaded', downloaded: { version: '1.1.0' }, install: { when: 'till-busy' } });

    // A customer is being rung up: nothing installs, and the admin is told why.
    services.sales.addVariant(t.cashier, t.variant(0).variantId, 1);
    const refused = await admin<InstallNowResult>('pos:updates.installNow');
    expect(refused).toMatchObject({ ok: true, value: { installing: false, reason: 'sale-open' } });
    expect(engine.installs).toEqual([]);

    services.sales.voidCurrent(t.cashier, 'customer left');
    expect(await admin<InstallNowResult>('pos:updates.installNow')).toMatchObject({ ok: true, value: { installing: true, reason: 'admin' } });
    expect(engine.installs).toEqual([[true, true]]);
  });

  it('checks the input in main: a channel name or postponement out of range is refused', async () => {
    const admin = await signedIn('admin');
    expect(await admin('pos:updates.setChannel', { channel: 'nightly' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'channel' } });
    expect(await admin('pos:updates.postpone', { hours: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'hours' } });
    expect(await admin('pos:updates.postpone', { hours: 2.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'hours' } });
    expect(await admin('pos:updates.installNow')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps the channel and the postponement in a file beside the database, by admin name', async () => {
    const admin = await signedIn('admin');
    expect(await admin<UpdateInfoDto>('pos:updates.setChannel', { channel: 'beta' })).toMatchObject({ ok: true, value: { channel: 'beta', channelSetBy: 'Ana Martínez' } });
    expect(await admin<UpdateInfoDto>('pos:updates.postpone', { hours: 4 })).toMatchObject({ ok: true, value: { install: { postponedBy: 'Ana Martínez' } } });
    const saved = JSON.parse(fs.readFileSync(`${t.file}.updates.json`, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ channel: 'beta', channelSetBy: 'Ana Martínez', postponedBy: 'Ana Martínez' });
    // The next start reads them back.
    const again = createServices(t.db, { version: '1.0.0', shell: 'web' }, t.clock);
    expect(again.updates.status()).toMatchObject({ channel: 'beta', phase: 'unsupported', install: { postponedBy: 'Ana Martínez' } });
    expect(again.updates.status().unsupportedReason).toBe('browser-preview');
  });
});
