/**
 * electron-builder.yml as far as it can be checked without packaging (which
 * needs the Electron binary): loaded and validated by electron-builder's own
 * config loader and schema, and the properties releases depend on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { resolveFunction } from 'app-builder-lib/out/util/resolve';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import beforePack, { signingProblems } from '../../scripts/release/before-pack.mjs';
import { platformOf } from './feed';

const root = path.resolve(import.meta.dirname, '../..');

async function loadConfig(): Promise<Configuration> {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check can fail: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } as Configuration['nsis'] }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('never rebuilds native modules and sets the fuses', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names artifacts with the version and the channel, in a form release:feed reads', async () => {
    const config = await loadConfig();
    const pattern = config.artifactName!;
    expect(pattern).toContain('${version}');
    expect(pattern).toContain('${channel}');
    // What electron-builder's macro expansion makes of it ("channel" is the prerelease tag, "latest" for a release).
    const expand = (version: string, channel: string, os: string, arch: string, ext: string) =>
      pattern.replace('${version}', version).replace('${channel}', channel).replace('${os}', os).replace('${arch}', arch).replace('${ext}', ext);
    const beta = expand('1.5.0-beta.1', 'beta', 'win', 'x64', 'exe');
    expect(beta).toBe('pos-ropa-1.5.0-beta.1-beta-win-x64.exe');
    expect(beta).toContain('-1.5.0-beta.1-');
    expect(platformOf(expand('1.4.0', 'latest', 'mac', 'arm64', 'zip'))).toEqual({ suffix: '-mac', order: 0 });
    expect(platformOf(expand('1.4.0', 'latest', 'linux', 'arm64', 'AppImage'))).toEqual({ suffix: '-linux-arm64', order: 0 });
  });

  it('targets NSIS, dmg + zip (what macOS updates install from) and AppImage + deb', async () => {
    const config = await loadConfig();
    const targets = (t: unknown) => (t as Array<{ target: string }>).map((x) => x.target);
    expect(targets(config.win!.target)).toEqual(['nsis']);
    expect(targets(config.mac!.target)).toEqual(['dmg', 'zip']);
    expect(targets(config.linux!.target)).toEqual(['AppImage', 'deb']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('signs with a publisherName and notarises with a hardened runtime, secrets only from the environment', async () => {
    const config = await loadConfig();
    expect(config.win!.signtoolOptions!.publisherName).toEqual(['POS Ropa S.A.S.']);
    expect(config.win!.verifyUpdateCodeSignature).toBe(true);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(certificatePassword|certificateFile|password|appleIdPassword)\s*:/m);
  });

  it('ships entitlements that are well-formed plists and relax nothing but JIT', async () => {
    const config = await loadConfig();
    for (const file of [config.mac!.entitlements!, config.mac!.entitlementsInherit!]) {
      const xml = fs.readFileSync(path.join(root, file), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const plist = new XMLParser().parse(xml) as { plist: { dict: { key: string | string[] } } };
      expect([plist.plist.dict.key].flat()).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('publishes to a generic feed on the stable (latest) channel by default', async () => {
    const config = await loadConfig();
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });
});

describe('the beforePack signing check', () => {
  it('refuses a Windows or macOS release without signing (and notarisation) credentials', () => {
    expect(signingProblems('win32', {})).toHaveLength(1);
    expect(signingProblems('win32', { CSC_LINK: 'cert.pfx', CSC_KEY_PASSWORD: 'x' })).toEqual([]);
    expect(signingProblems('win32', { WIN_CSC_LINK: 'cert.pfx', WIN_CSC_KEY_PASSWORD: 'x' })).toEqual([]);
    expect(signingProblems('win32', { CSC_LINK: 'cert.pfx', CSC_KEY_PASSWORD: ' ' })).toHaveLength(1);
    expect(signingProblems('darwin', { CSC_NAME: 'Developer ID Application: POS Ropa' })).toEqual([expect.stringMatching(/notarisation/)]);
    expect(signingProblems('darwin', { CSC_LINK: 'id.p12', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' })).toEqual([]);
    expect(signingProblems('linux', {})).toEqual([]);
  });

  it('is the hook electron-builder loads from the config', async () => {
    const config = await loadConfig();
    const hook = await resolveFunction<(context: { electronPlatformName: string }) => void>('module', config.beforePack as string, 'beforePack', root);
    expect(typeof hook).toBe('function');
    const saved = { ...process.env };
    try {
      for (const k of ['CSC_LINK', 'CSC_NAME', 'APPLE_API_KEY', 'APPLE_ID', 'APPLE_KEYCHAIN', 'POS_UNSIGNED_BUILD']) delete process.env[k];
      expect(() => hook({ electronPlatformName: 'darwin' })).toThrow(/refusing to package an unsigned darwin release:[\s\S]*notarisation/);
    } finally {
      process.env = saved;
    }
  });

  it('stops electron-builder with what is missing, unless asked for a local unsigned build', () => {
    const saved = { ...process.env };
    try {
      for (const k of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'POS_UNSIGNED_BUILD']) delete process.env[k];
      expect(() => beforePack({ electronPlatformName: 'win32' })).toThrow(/refusing to package an unsigned win32 release:[\s\S]*CSC_LINK/);
      process.env.POS_UNSIGNED_BUILD = '1';
      expect(() => beforePack({ electronPlatformName: 'win32' })).not.toThrow();
    } finally {
      process.env = saved;
    }
  });
});
