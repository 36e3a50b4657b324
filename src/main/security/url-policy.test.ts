import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isVettedExternalUrl, resolveAppAsset } from './url-policy';

describe('navigation policy', () => {
  it('allows only our own protocol and host', () => {
    expect(isAppUrl('app://pos/index.html')).toBe(true);
    expect(isAppUrl('app://pos/#/sell')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://example.com')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('allows the dev server only when it is local and configured', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });

  it('opens only vetted https hosts externally', () => {
    expect(isVettedExternalUrl('https://docs.pos-ropa.example/returns')).toBe(true);
    expect(isVettedExternalUrl('http://docs.pos-ropa.example/returns')).toBe(false);
    expect(isVettedExternalUrl('https://user:pw@docs.pos-ropa.example/')).toBe(false);
    expect(isVettedExternalUrl('https://docs.pos-ropa.example.evil.com/')).toBe(false);
    expect(isVettedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isVettedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
  });
});

describe('app:// asset resolution', () => {
  const dir = path.join(path.sep, 'opt', 'pos', 'renderer');
  const resolve = (url: string) => resolveAppAsset(dir, url, path.join, path.sep);

  it('maps paths inside the renderer folder', () => {
    expect(resolve('app://pos/')).toBe(path.join(dir, 'index.html'));
    expect(resolve('app://pos/assets/index-abc.js')).toBe(path.join(dir, 'assets', 'index-abc.js'));
  });

  it('refuses anything that escapes it', () => {
    // The URL parser collapses ../ and %2e%2e before we see them: still inside.
    expect(resolve('app://pos/../secrets.txt')).toBe(path.join(dir, 'secrets.txt'));
    expect(resolve('app://pos/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(dir, 'etc', 'passwd'));
    expect(resolve('app://pos/assets/..%2f..%2fpos.sqlite')).toBeNull();
    expect(resolve('app://pos/a%5c..%5c..%5cx')).toBeNull();
    expect(resolve('app://other/index.html')).toBeNull();
    expect(resolve('app://pos/%E0%A4%A')).toBeNull();
  });
});
