import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_SETTINGS, openUpdateSettings, updateSettingsFileFor } from './update-settings';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-update-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('update settings file', () => {
  it('lives beside the database, is written whole (no temp file left) and read back', () => {
    const file = updateSettingsFileFor(path.join(dir, 'pos.sqlite'))!;
    expect(file).toBe(path.join(dir, 'pos.sqlite.updates.json'));
    const store = openUpdateSettings(file);
    expect(store.read()).toEqual(DEFAULT_UPDATE_SETTINGS);
    store.update({ channel: 'beta', channelSetBy: 'Ana' });
    expect(fs.readdirSync(dir)).toEqual(['pos.sqlite.updates.json']);
    expect(openUpdateSettings(file).read()).toMatchObject({ channel: 'beta', channelSetBy: 'Ana', postponedUntil: null });
  });

  it('a damaged file does not stop the till: defaults apply and the problem is reported until the next save', () => {
    const file = path.join(dir, 'pos.sqlite.updates.json');
    fs.writeFileSync(file, '{"channel": "nightly"');
    const store = openUpdateSettings(file);
    expect(store.read()).toEqual(DEFAULT_UPDATE_SETTINGS);
    expect(store.problem).toMatch(/could not be read.*using the defaults/);
    store.update({ channel: 'stable' });
    expect(store.problem).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_UPDATE_SETTINGS, channel: 'nightly' }));
    expect(openUpdateSettings(file).problem).toMatch(/could not be read/);
  });

  it('refuses to save a value outside the schema, leaving the file as it was', () => {
    const file = path.join(dir, 'pos.sqlite.updates.json');
    const store = openUpdateSettings(file);
    store.update({ channel: 'beta' });
    expect(() => store.update({ channel: 'nightly' as 'beta' })).toThrow();
    expect(openUpdateSettings(file).read().channel).toBe('beta');
  });

  it('an in-memory database keeps its update settings in memory', () => {
    expect(updateSettingsFileFor(':memory:')).toBeNull();
    const store = openUpdateSettings(null);
    store.update({ channel: 'beta' });
    expect(store.read().channel).toBe('beta');
  });
});
