import { describe, expect, it } from 'vitest';
import { decideInstall } from './update-policy';

describe('update install policy', () => {
  it('never installs during a sale', () => {
    expect(decideInstall({ saleInProgress: true, staffSignedIn: true }, true)).toBe('wait');
    expect(decideInstall({ saleInProgress: true, staffSignedIn: false }, true)).toBe('wait');
  });
  it('installs at once when the till is idle and signed out, else on quit', () => {
    expect(decideInstall({ saleInProgress: false, staffSignedIn: false }, true)).toBe('install-now');
    expect(decideInstall({ saleInProgress: false, staffSignedIn: true }, true)).toBe('install-on-quit');
  });
  it('waits when nothing is downloaded', () => {
    expect(decideInstall({ saleInProgress: false, staffSignedIn: false }, false)).toBe('wait');
  });
});
