/**
 * The update policy on electron-updater's own code (DebUpdater under Node,
 * test/updater/node-updater.ts) against a real feed built by release:feed
 * and served on 127.0.0.1: check, staging, background download, sha512
 * verification, and when the install is allowed to happen.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/db';
import { nodeUpdater, type TestDebUpdater } from '../../../test/updater/node-updater';
import { buildFeed } from '../../release/feed';
import { serveFeed, type FeedServer, type FeedServerOptions } from '../../release/feed-server';
import { rolloutCohort } from './rollout';
import { createUpdateController, type UpdateController } from './update-controller';
import type { TillState } from './update-policy';
import { openUpdateSettings } from './update-settings';

let dir: string;
let artifacts: string;
let feedDir: string;
let servers: FeedServer[];
let controllers: UpdateController[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-updater-'));
  artifacts = path.join(dir, 'release');
  feedDir = path.join(dir, 'feed');
  fs.mkdirSync(artifacts);
  servers = [];
  controllers = [];
});

afterEach(async () => {
  for (const c of controllers) c.stop();
  await Promise.all(servers.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A release's artifacts as electron-builder names them (the bytes are random: nothing installs them here). */
function release(version: string, channel = 'latest', bytes = 256 * 1024): string {
  const deb = path.join(artifacts, `pos-ropa-${version}-${channel}-linux-amd64.deb`);
  fs.writeFileSync(deb, randomBytes(bytes));
  fs.writeFileSync(path.join(artifacts, `pos-ropa-${version}-${channel}-linux-x86_64.AppImage`), randomBytes(1024));
  return deb;
}

async function serve(options: FeedServerOptions = {}): Promise<FeedServer> {
  const server = await serveFeed(feedDir, options);
  servers.push(server);
  return server;
}

/** A register id whose rollout cohort is above (or below) `percent`. */
function registerIdWithCohort(test: (cohort: number) => boolean): string {
  for (let i = 0; ; i++) {
    const id = `0193a6e2-0000-7000-8000-${String(i).padStart(12, '0')}`;
    if (test(rolloutCohort(id))) return id;
  }
}

interface Setup {
  version: string;
  server: FeedServer;
  registerId?: string;
  till?: Partial<TillState>;
}

function controllerFor({ version, server, registerId = registerIdWithCohort(() => true), till = {} }: Setup) {
  const engine = nodeUpdater({ version, feedUrl: server.url, dir: fs.mkdtempSync(path.join(dir, 'app-')) });
  // By default a cashier is at the till and busy: a download waits for its moment.
  const state: TillState = { saleOpen: false, shiftOpen: false, signedIn: true, idleMs: 0, ...till };
  const clock = manualClock('2026-12-02T10:00:00.000Z');
  const lines: string[] = [];
  const settings = openUpdateSettings(path.join(dir, `pos-${controllers.length}.sqlite.updates.json`));
  const controller = createUpdateController({
    engine,
    version,
    registerId: () => registerId,
    settings,
    till: () => state,
    clock,
    log: (level, message) => lines.push(`${level}: ${message}`),
  });
  controllers.push(controller);
  return { controller, engine, state, clock, lines, settings };
}

const cachedFiles = (engine: TestDebUpdater) => {
  const cache = path.join((engine as unknown as { app: { baseCachePath: string } }).app.baseCachePath, 'pos-ropa-updater', 'pending');
  return fs.existsSync(cache) ? fs.readdirSync(cache).filter((n) => n.endsWith('.deb')) : [];
};

describe('check, download and verify against a feed on 127.0.0.1', () => {
  it('downloads a newer release in the background, verifies it and installs when the till is idle', async () => {
    const deb = release('1.1.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    const server = await serve();
    const { controller, engine, state } = controllerFor({ version: '1.0.0', server, till: { saleOpen: true } });

    const checked = await controller.check();
    expect(checked.ok).toBe(true);
    await controller.settled();

    const status = controller.status();
    expect(status).toMatchObject({ phase: 'downloaded', downloaded: { version: '1.1.0' }, available: { version: '1.1.0', staged: false }, lastError: null });
    expect(status.lastCheckAt).toBe('2026-12-02T10:00:00.000Z');
    expect(server.requests).toContain('/latest-linux.yml');
    expect(server.requests).toContain(`/${path.basename(deb)}`);
    // The file in the cache is the artifact, byte for byte.
    expect(cachedFiles(engine)).toEqual([path.basename(deb)]);
    // A sale is open: it waits, and says why.
    expect(status.install.when).toBe('sale-open');
    expect(controller.consider('tick')).toEqual({ install: false, reason: 'sale-open' });
    expect(engine.installs).toEqual([]);
    // The sale ends, but the cashier is still at the till.
    state.saleOpen = false;
    expect(controller.consider('tick')).toEqual({ install: false, reason: 'till-busy' });
    // They sign out: it installs, silently, and restarts the app.
    state.signedIn = false;
    expect(controller.consider('tick')).toEqual({ install: true, reason: 'idle' });
    expect(engine.installs).toEqual([[true, true]]);
    expect(controller.status().phase).toBe('installing');
    // Never twice.
    controller.consider('tick');
    expect(engine.installs).toHaveLength(1);
    expect(engine.autoInstallOnAppQuit).toBe(false);
  });

  it('reports "up to date" when the feed offers the running version', async () => {
    release('1.0.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.0.0', channels: ['latest'] });
    const { controller } = controllerFor({ version: '1.0.0', server: await serve() });
    await controller.check();
    await controller.settled();
    expect(controller.status()).toMatchObject({ phase: 'up-to-date', available: null, downloaded: null });
  });

  it('refuses a tampered artifact (sha512 mismatch): nothing to install, reported, and the next check retries', async () => {
    const deb = release('1.1.0');
    const good = fs.readFileSync(deb);
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    const served = path.join(feedDir, path.basename(deb));
    const evil = Buffer.from(good);
    evil[1000] = (evil[1000]! + 1) % 256;
    fs.writeFileSync(served, evil);
    const { controller, engine, lines } = controllerFor({ version: '1.0.0', server: await serve() });

    await controller.check();
    await controller.settled();
    const status = controller.status();
    expect(status.phase).toBe('failed');
    expect(status.downloaded).toBeNull();
    expect(status.lastError?.code).toBe('ERR_CHECKSUM_MISMATCH');
    expect(status.lastError?.message).toMatch(/sha512/);
    expect(lines.some((l) => l.startsWith('warn: update download failed') && l.includes('sha512'))).toBe(true);
    expect(cachedFiles(engine)).toEqual([]);
    expect(controller.consider('admin')).toEqual({ install: false, reason: 'not-downloaded' });
    expect(engine.installs).toEqual([]);

    // The feed is repaired; the next check downloads it and clears the error.
    fs.writeFileSync(served, good);
    await controller.check();
    await controller.settled();
    expect(controller.status()).toMatchObject({ phase: 'downloaded', downloaded: { version: '1.1.0' }, lastError: null });
  });

  it('survives an interrupted download: nothing half-written is kept, and the next check finishes it', async () => {
    const deb = release('1.1.0', 'latest', 2 * 1024 * 1024);
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    let cut = true;
    const server = await serve({
      intercept: (file, _req, res) => {
        if (!cut || !file.endsWith('.deb')) return false;
        // Headers promise the whole file; half of it arrives, then the connection drops.
        const size = fs.statSync(file).size;
        res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' });
        res.write(fs.readFileSync(file).subarray(0, size / 2), () => res.destroy());
        return true;
      },
    });
    const { controller, engine } = controllerFor({ version: '1.0.0', server });

    await controller.check();
    await controller.settled();
    expect(controller.status().phase).toBe('failed');
    expect(controller.status().lastError).not.toBeNull();
    expect(controller.status().downloaded).toBeNull();
    expect(cachedFiles(engine)).toEqual([]);
    expect(engine.installs).toEqual([]);

    cut = false;
    await controller.check();
    await controller.settled();
    expect(controller.status()).toMatchObject({ phase: 'downloaded', downloaded: { version: '1.1.0' } });
    expect(cachedFiles(engine)).toEqual([path.basename(deb)]);
  });

  it('reports a missing feed and an unreachable server without throwing', async () => {
    fs.mkdirSync(feedDir);
    const empty = await serve();
    const { controller, lines } = controllerFor({ version: '1.0.0', server: empty });
    const result = await controller.check();
    expect(result.ok).toBe(false);
    expect(controller.status()).toMatchObject({ phase: 'failed', downloaded: null });
    expect(controller.status().lastError?.code).toBe('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND');
    expect(controller.status().lastCheckAt).not.toBeNull();
    expect(lines.some((l) => l.startsWith('warn: update check failed'))).toBe(true);

    const gone = await serve();
    await gone.close();
    const offline = controllerFor({ version: '1.0.0', server: gone });
    expect((await offline.controller.check()).ok).toBe(false);
    expect(offline.controller.status().lastError?.message).toMatch(/could not be reached|ECONNREFUSED/);
  });
});

describe('staged rollouts', () => {
  it('a register outside the rollout waits; an admin check takes it; a halted rollout stays halted', async () => {
    release('1.1.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'], stagingPercentage: 20 });
    const server = await serve();
    const outside = registerIdWithCohort((c) => c >= 20);
    const inside = registerIdWithCohort((c) => c < 20);

    const late = controllerFor({ version: '1.0.0', server, registerId: outside });
    await late.controller.check();
    await late.controller.settled();
    expect(late.controller.status()).toMatchObject({ phase: 'up-to-date', downloaded: null });
    expect(late.lines.some((l) => l.includes('rolled out to 20 %'))).toBe(true);

    const early = controllerFor({ version: '1.0.0', server, registerId: inside });
    await early.controller.check();
    await early.controller.settled();
    expect(early.controller.status()).toMatchObject({ phase: 'downloaded', available: { version: '1.1.0', staged: false, stagingPercentage: 20 } });

    await late.controller.check({ ignoreStaging: true });
    await late.controller.settled();
    expect(late.controller.status()).toMatchObject({ phase: 'downloaded', available: { version: '1.1.0', staged: true } });

    // IT halts the rollout: nobody new takes it, not even with an admin's check.
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'], stagingPercentage: 0 });
    const halted = controllerFor({ version: '1.0.0', server, registerId: inside });
    await halted.controller.check({ ignoreStaging: true });
    await halted.controller.settled();
    expect(halted.controller.status()).toMatchObject({ phase: 'up-to-date', downloaded: null });
  });

  it('a release halted after this register downloaded it does not install', async () => {
    release('1.1.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    const { controller, engine, state, lines } = controllerFor({ version: '1.0.0', server: await serve() });
    await controller.check();
    await controller.settled();
    expect(controller.status().downloaded).toMatchObject({ version: '1.1.0' });

    // IT finds a problem and halts the rollout before this till found a quiet moment.
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'], stagingPercentage: 0 });
    await controller.check();
    await controller.settled();
    expect(controller.status()).toMatchObject({ phase: 'up-to-date', downloaded: null });
    expect(lines.some((l) => l.includes('no longer offered to this register'))).toBe(true);
    state.signedIn = false;
    expect(controller.consider('tick')).toEqual({ install: false, reason: 'not-downloaded' });
    expect(engine.installs).toEqual([]);
  });
});

describe('channels', () => {
  it('a beta till follows beta.yml; switching to stable never downgrades it (allowDowngrade stays off)', async () => {
    release('1.2.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.2.0', channels: ['latest'] });
    release('1.3.0-beta.2', 'beta');
    buildFeed({ from: artifacts, out: feedDir, version: '1.3.0-beta.2', channels: ['beta'] });
    const server = await serve();

    // A stable till at 1.2.0 moves to beta: it takes the beta.
    const stable = controllerFor({ version: '1.2.0', server });
    stable.controller.setChannel('beta', 'Ana Martínez');
    expect(stable.engine.channel).toBe('beta');
    expect(stable.engine.allowDowngrade).toBe(false);
    await stable.controller.check();
    await stable.controller.settled();
    expect(stable.controller.status()).toMatchObject({ channel: 'beta', channelSetBy: 'Ana Martínez', downloaded: { version: '1.3.0-beta.2' } });
    expect(server.requests).toContain('/beta-linux.yml');

    // Back to stable before it installed: the beta download is dropped and never installs.
    stable.controller.setChannel('stable', 'Ana Martínez');
    expect(stable.engine.allowDowngrade).toBe(false);
    expect(stable.controller.status()).toMatchObject({ channel: 'stable', downloaded: null });
    expect(stable.controller.consider('admin')).toEqual({ install: false, reason: 'not-downloaded' });

    // A till running the beta switches to stable: stable's 1.2.0 is older, so nothing happens.
    const beta = controllerFor({ version: '1.3.0-beta.2', server });
    beta.controller.setChannel('stable', 'Ana Martínez');
    await beta.controller.check();
    await beta.controller.settled();
    expect(beta.controller.status()).toMatchObject({ phase: 'up-to-date', downloaded: null });
    expect(beta.engine.installs).toEqual([]);

    // Stable passes the beta: now it updates.
    release('1.3.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.3.0', channels: ['latest'] });
    await beta.controller.check();
    await beta.controller.settled();
    expect(beta.controller.status()).toMatchObject({ phase: 'downloaded', downloaded: { version: '1.3.0' } });
  });

  it('keeps the channel across restarts (the settings file beside the database)', async () => {
    fs.mkdirSync(feedDir);
    const server = await serve();
    const first = controllerFor({ version: '1.0.0', server });
    first.controller.setChannel('beta', 'admin');
    const again = createUpdateController({
      engine: nodeUpdater({ version: '1.0.0', feedUrl: server.url, dir: fs.mkdtempSync(path.join(dir, 'app-')) }),
      version: '1.0.0',
      registerId: () => 'r',
      settings: openUpdateSettings(first.settings.file),
      till: () => ({ saleOpen: false, shiftOpen: false, signedIn: false, idleMs: null }),
      clock: manualClock(),
    });
    expect(again.status().channel).toBe('beta');
  });
});

describe('postponement', () => {
  it("an admin's postponement holds a downloaded update until it runs out or is lifted", async () => {
    release('1.1.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    const { controller, engine, clock } = controllerFor({ version: '1.0.0', server: await serve(), till: { signedIn: false } });
    const status = controller.postpone(4, 'Ana Martínez');
    expect(status.install).toMatchObject({ postponedUntil: '2026-12-02T14:00:00.000Z', postponedBy: 'Ana Martínez' });

    await controller.check();
    await controller.settled();
    // The download still happened in the background; the install waits.
    expect(controller.status()).toMatchObject({ phase: 'downloaded', install: { when: 'postponed' } });
    expect(engine.installs).toEqual([]);
    clock.advance(3 * 3_600_000);
    expect(controller.consider('tick')).toEqual({ install: false, reason: 'postponed' });
    controller.postpone(0, 'Ana Martínez');
    expect(controller.status().install.postponedUntil).toBeNull();
    expect(controller.consider('tick')).toEqual({ install: true, reason: 'idle' });
    expect(engine.installs).toHaveLength(1);
  });

  it('refuses a postponement outside 0-72 whole hours', async () => {
    fs.mkdirSync(feedDir);
    const { controller } = controllerFor({ version: '1.0.0', server: await serve() });
    expect(() => controller.postpone(73, 'a')).toThrow(/0 to 72/);
    expect(() => controller.postpone(1.5, 'a')).toThrow(/whole hours/);
  });

  it("an admin's install now still waits for an open shift", async () => {
    release('1.1.0');
    buildFeed({ from: artifacts, out: feedDir, version: '1.1.0', channels: ['latest'] });
    const { controller, engine, state } = controllerFor({ version: '1.0.0', server: await serve(), till: { shiftOpen: true, signedIn: true, idleMs: 0 } });
    await controller.check();
    await controller.settled();
    expect(controller.installNow().decision).toEqual({ install: false, reason: 'shift-open' });
    state.shiftOpen = false;
    expect(controller.consider('shift-closed')).toEqual({ install: true, reason: 'shift-closed' });
    expect(engine.installs).toHaveLength(1);
  });
});
