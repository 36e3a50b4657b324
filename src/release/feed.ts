/**
 * Builds a generic-provider update feed from a folder of release artifacts:
 * the channel files electron-updater reads (`latest.yml` for Windows,
 * `latest-mac.yml`, `latest-linux.yml`, `latest-linux-arm64.yml`; `beta*.yml`
 * for beta) with each artifact's sha512 and size, next to the artifacts and
 * their blockmaps. Same format as electron-builder's own `--publish` output,
 * so a feed assembled from builds made on three machines reads the same.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type FeedChannel = 'latest' | 'beta';
export const FEED_CHANNELS: readonly FeedChannel[] = ['latest', 'beta'];

export interface FeedFile {
  url: string;
  sha512: string;
  size: number;
}

export interface ChannelFile {
  /** File name in the feed, e.g. `latest-linux.yml`. */
  name: string;
  version: string;
  files: FeedFile[];
  releaseDate: string;
  stagingPercentage: number | null;
}

export interface BuildFeedOptions {
  /** Folder with the artifacts (electron-builder's `release/` output). */
  from: string;
  /** The feed folder to write (may be the same folder). */
  out: string;
  version: string;
  channels: readonly FeedChannel[];
  /** 0-100 (integer): share of registers that take this release now; omitted = everyone. */
  stagingPercentage?: number | null;
  releaseDate?: string;
  /** Publish even when the feed already offers a newer version on a channel (it would do nothing: tills never downgrade). */
  allowOlder?: boolean;
}

export class FeedError extends Error {}

/** Which channel-file suffix an artifact belongs to, by its name; null for files that are not update artifacts. */
export function platformOf(fileName: string): { suffix: string; order: number } | null {
  const lower = fileName.toLowerCase();
  const arm64 = /(?:^|[-_.])(arm64|aarch64)(?:[-_.]|$)/.test(lower);
  // Windows has one channel file for every architecture (electron-updater's naming, for historical reasons).
  if (lower.endsWith('.exe')) return { suffix: '', order: 0 };
  // MacUpdater installs from the zip; the dmg is listed after it for people who download by hand.
  if (lower.endsWith('.zip')) return { suffix: '-mac', order: 0 };
  if (lower.endsWith('.dmg')) return { suffix: '-mac', order: 1 };
  if (lower.endsWith('.appimage')) return { suffix: arm64 ? '-linux-arm64' : '-linux', order: 0 };
  if (lower.endsWith('.deb')) return { suffix: arm64 ? '-linux-arm64' : '-linux', order: 1 };
  return null;
}

export function sha512Base64(file: string): string {
  const hash = createHash('sha512');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('base64');
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Compares two semver versions (prerelease sorts before its release), enough for a feed's ordering. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** The channel file as YAML. Strings are JSON-quoted (valid YAML), so no file name can break the document. */
export function channelFileYaml(file: ChannelFile): string {
  const first = file.files[0];
  if (!first) throw new FeedError(`${file.name} would list no files`);
  const q = (s: string) => JSON.stringify(s);
  const lines = [`version: ${q(file.version)}`, 'files:'];
  for (const f of file.files) lines.push(`  - url: ${q(f.url)}`, `    sha512: ${q(f.sha512)}`, `    size: ${f.size}`);
  lines.push(`path: ${q(first.url)}`, `sha512: ${q(first.sha512)}`, `releaseDate: ${q(file.releaseDate)}`);
  if (file.stagingPercentage !== null) lines.push(`stagingPercentage: ${file.stagingPercentage}`);
  return `${lines.join('\n')}\n`;
}

/** The `version:` of an existing channel file, if any (enough to refuse publishing backwards). */
function existingVersion(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const m = /^version:\s*["']?([^"'\s]+)["']?\s*$/m.exec(fs.readFileSync(file, 'utf8'));
  return m?.[1] ?? null;
}

/**
 * Writes the feed. Refuses (FeedError, nothing written) a bad version or
 * staging percentage, a folder with no artifacts of this version, and a
 * release older than what a channel already offers (roll back by publishing
 * the old code under a higher version: tills never downgrade).
 */
export function buildFeed(options: BuildFeedOptions): ChannelFile[] {
  const { from, out, version, channels } = options;
  if (!SEMVER.test(version)) throw new FeedError(`version "${version}" is not semver (e.g. 1.4.0 or 1.5.0-beta.1)`);
  const staging = options.stagingPercentage ?? null;
  if (staging !== null && (!Number.isInteger(staging) || staging < 0 || staging > 100)) {
    throw new FeedError(`staging percentage must be a whole number from 0 to 100 (10 means 10 %), not ${staging}`);
  }
  if (channels.length === 0) throw new FeedError('name at least one channel (latest or beta)');
  for (const c of channels) if (!FEED_CHANNELS.includes(c)) throw new FeedError(`unknown channel "${c}" (latest or beta)`);
  if (!fs.existsSync(from) || !fs.statSync(from).isDirectory()) throw new FeedError(`${from} is not a folder`);

  const names = fs.readdirSync(from).filter((n) => n.includes(`-${version}-`) || n.includes(`-${version}.`));
  const groups = new Map<string, Array<{ name: string; order: number }>>();
  for (const name of names) {
    const platform = platformOf(name);
    if (!platform) continue;
    const list = groups.get(platform.suffix) ?? [];
    list.push({ name, order: platform.order });
    groups.set(platform.suffix, list);
  }
  if (groups.size === 0) throw new FeedError(`no artifacts of version ${version} in ${from} (.exe, .zip, .dmg, .AppImage or .deb with -${version}- in the name)`);

  const releaseDate = options.releaseDate ?? new Date().toISOString();
  const planned: ChannelFile[] = [];
  for (const channel of channels) {
    for (const [suffix, list] of groups) {
      list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
      const files = list.map(({ name }) => {
        const full = path.join(from, name);
        return { url: name, sha512: sha512Base64(full), size: fs.statSync(full).size };
      });
      planned.push({ name: `${channel}${suffix}.yml`, version, files, releaseDate, stagingPercentage: staging });
    }
  }
  if (!options.allowOlder) {
    for (const file of planned) {
      const current = existingVersion(path.join(out, file.name));
      if (current && SEMVER.test(current) && compareVersions(version, current) < 0) {
        throw new FeedError(
          `${file.name} already offers ${current}, newer than ${version}: tills never downgrade, so this would do nothing. To roll back, publish the old code under a version above ${current}`,
        );
      }
    }
  }

  fs.mkdirSync(out, { recursive: true });
  if (path.resolve(from) !== path.resolve(out)) {
    // Artifacts and blockmaps first, channel files last: a till never reads a channel file naming a file not there yet.
    for (const name of names) {
      if (platformOf(name) || name.endsWith('.blockmap')) fs.copyFileSync(path.join(from, name), path.join(out, name));
    }
  }
  for (const file of planned) {
    const target = path.join(out, file.name);
    const temp = `${target}.tmp`;
    fs.writeFileSync(temp, channelFileYaml(file));
    fs.renameSync(temp, target);
  }
  return planned;
}
