/**
 * An update feed on 127.0.0.1 for renderer tests (built by release:feed from
 * random artifacts) and electron-updater's own updater pointed at it, for
 * main's update policy behind the screen (see test/updater/node-updater.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { nodeUpdater, type TestDebUpdater } from '../../../test/updater/node-updater';
import { buildFeed, type FeedChannel } from '../../release/feed';
import { serveFeed } from '../../release/feed-server';

export interface TestFeed {
  url: string;
  /** Publishes a release (a .deb of random bytes) on a channel, optionally staged. */
  publish(version: string, channel?: FeedChannel, stagingPercentage?: number): void;
  /** electron-updater's updater for an installed app at `version`, reading this feed. */
  updater(version: string): TestDebUpdater;
}

export async function startTestFeed(): Promise<TestFeed> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-renderer-feed-'));
  const artifacts = path.join(dir, 'release');
  const feed = path.join(dir, 'feed');
  fs.mkdirSync(artifacts);
  fs.mkdirSync(feed);
  const server = await serveFeed(feed);
  onTestFinished(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  let apps = 0;
  return {
    url: server.url,
    publish(version, channel = 'latest', stagingPercentage) {
      fs.writeFileSync(path.join(artifacts, `pos-ropa-${version}-${channel}-linux-amd64.deb`), randomBytes(64 * 1024));
      buildFeed({ from: artifacts, out: feed, version, channels: [channel], stagingPercentage: stagingPercentage ?? null });
    },
    updater: (version) => nodeUpdater({ version, feedUrl: server.url, dir: path.join(dir, `app-${apps++}`) }),
  };
}
