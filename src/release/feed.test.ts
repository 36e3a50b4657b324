import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFeed, compareVersions, FeedError } from './feed';

let dir: string;
let from: string;
let out: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-feed-'));
  from = path.join(dir, 'release');
  out = path.join(dir, 'feed');
  fs.mkdirSync(from);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (name: string, bytes = 4096) => {
  const data = randomBytes(bytes);
  fs.writeFileSync(path.join(from, name), data);
  return { name, sha512: createHash('sha512').update(data).digest('base64'), size: bytes };
};

describe('release:feed', () => {
  it('writes a channel file per platform with each artifact sha512 and size, and copies artifacts and blockmaps', () => {
    const exe = put('pos-ropa-1.4.0-latest-win-x64.exe', 5000);
    put('pos-ropa-1.4.0-latest-win-x64.exe.blockmap', 100);
    const dmg = put('pos-ropa-1.4.0-latest-mac-arm64.dmg');
    const zip = put('pos-ropa-1.4.0-latest-mac-arm64.zip');
    const appImage = put('pos-ropa-1.4.0-latest-linux-x86_64.AppImage');
    const deb = put('pos-ropa-1.4.0-latest-linux-amd64.deb');
    const arm = put('pos-ropa-1.4.0-latest-linux-arm64.AppImage');
    put('pos-ropa-1.3.0-latest-linux-x86_64.AppImage');
    put('builder-debug.yml');

    const written = buildFeed({ from, out, version: '1.4.0', channels: ['latest'], stagingPercentage: 10, releaseDate: '2026-12-02T09:00:00.000Z' });
    expect(written.map((f) => f.name).sort()).toEqual(['latest-linux-arm64.yml', 'latest-linux.yml', 'latest-mac.yml', 'latest.yml']);

    expect(fs.readFileSync(path.join(out, 'latest.yml'), 'utf8')).toBe(
      [
        'version: "1.4.0"',
        'files:',
        `  - url: "${exe.name}"`,
        `    sha512: "${exe.sha512}"`,
        `    size: ${exe.size}`,
        `path: "${exe.name}"`,
        `sha512: "${exe.sha512}"`,
        'releaseDate: "2026-12-02T09:00:00.000Z"',
        'stagingPercentage: 10',
        '',
      ].join('\n'),
    );
    // macOS updates install from the zip: it comes first; the dmg is listed for people.
    const mac = written.find((f) => f.name === 'latest-mac.yml')!;
    expect(mac.files.map((f) => f.url)).toEqual([zip.name, dmg.name]);
    const linux = written.find((f) => f.name === 'latest-linux.yml')!;
    expect(linux.files).toEqual([appImage, deb].map(({ name, sha512, size }) => ({ url: name, sha512, size })));
    expect(written.find((f) => f.name === 'latest-linux-arm64.yml')!.files.map((f) => f.url)).toEqual([arm.name]);
    // Only this version's artifacts and their blockmaps travel.
    expect(fs.readdirSync(out).sort()).toEqual(
      [...[exe, dmg, zip, appImage, deb, arm].map((a) => a.name), 'pos-ropa-1.4.0-latest-win-x64.exe.blockmap', 'latest-linux-arm64.yml', 'latest-linux.yml', 'latest-mac.yml', 'latest.yml'].sort(),
    );
  });

  it('refuses what would publish nothing or the wrong thing, and writes nothing then', () => {
    put('pos-ropa-1.4.0-latest-linux-amd64.deb');
    expect(() => buildFeed({ from, out, version: '1.5.0', channels: ['latest'] })).toThrow(/no artifacts of version 1.5.0/);
    expect(() => buildFeed({ from, out, version: '1.4', channels: ['latest'] })).toThrow(/not semver/);
    expect(() => buildFeed({ from, out, version: '1.4.0', channels: ['latest'], stagingPercentage: 0.1 })).toThrow(/whole number from 0 to 100/);
    expect(() => buildFeed({ from, out, version: '1.4.0', channels: ['nightly' as 'beta'] })).toThrow(/unknown channel/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses to publish a version older than the feed offers (tills never downgrade: roll back with a higher version)', () => {
    put('pos-ropa-1.4.0-latest-linux-amd64.deb');
    put('pos-ropa-1.3.9-latest-linux-amd64.deb');
    buildFeed({ from, out, version: '1.4.0', channels: ['latest'] });
    expect(() => buildFeed({ from, out, version: '1.3.9', channels: ['latest'] })).toThrow(FeedError);
    expect(() => buildFeed({ from, out, version: '1.3.9', channels: ['latest'] })).toThrow(/publish the old code under a version above 1.4.0/);
    expect(fs.readFileSync(path.join(out, 'latest-linux.yml'), 'utf8')).toContain('version: "1.4.0"');
    // Halting a rollout re-publishes the same version at 0 %.
    buildFeed({ from, out, version: '1.4.0', channels: ['latest'], stagingPercentage: 0 });
    expect(fs.readFileSync(path.join(out, 'latest-linux.yml'), 'utf8')).toContain('stagingPercentage: 0');
  });

  it('orders versions as semver does (a prerelease before its release)', () => {
    expect(compareVersions('1.3.0-beta.2', '1.3.0')).toBeLessThan(0);
    expect(compareVersions('1.3.0-beta.10', '1.3.0-beta.2')).toBeGreaterThan(0);
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  it('runs as npm run release:feed, with exit codes for scripts', () => {
    put('pos-ropa-0.1.0-latest-linux-amd64.deb');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['src/release/feed-cli.ts', '--from', from, '--out', out, '--channel', 'latest', '--channel', 'beta', '--version', '0.1.0', '--staging', '25'], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/latest-linux\.yml: 0\.1\.0, pos-ropa-0\.1\.0-latest-linux-amd64\.deb, staged at 25 %/);
    expect(fs.readFileSync(path.join(out, 'beta-linux.yml'), 'utf8')).toContain('stagingPercentage: 25');
    const bad = spawnSync(tsx, ['src/release/feed-cli.ts', '--from', from, '--out', out, '--version', '0.2.0'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no artifacts of version 0\.2\.0/);
    expect(spawnSync(tsx, ['src/release/feed-cli.ts', '--bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});
