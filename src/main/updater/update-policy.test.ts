import { describe, expect, it } from 'vitest';
import { decideInstall, IDLE_BEFORE_INSTALL_MS, type InstallContext, type TillState } from './update-policy';

const quiet: TillState = { saleOpen: false, shiftOpen: false, signedIn: false, idleMs: null };
const now = new Date('2026-12-02T10:00:00Z');
const ctx = (over: Partial<Omit<InstallContext, 'till'>> & { till?: Partial<TillState> } = {}): InstallContext => ({
  downloaded: true,
  trigger: 'tick',
  now,
  postponedUntil: null,
  ...over,
  till: { ...quiet, ...over.till },
});

describe('update install policy', () => {
  it('never installs during a sale, whatever asks', () => {
    for (const trigger of ['tick', 'shift-closed', 'admin'] as const) {
      expect(decideInstall(ctx({ trigger, till: { saleOpen: true } }))).toEqual({ install: false, reason: 'sale-open' });
      expect(decideInstall(ctx({ trigger, till: { saleOpen: true, signedIn: true, idleMs: IDLE_BEFORE_INSTALL_MS * 10 } })).install).toBe(false);
    }
  });

  it('never installs with a shift open, not even for an admin', () => {
    for (const trigger of ['tick', 'admin'] as const) {
      expect(decideInstall(ctx({ trigger, till: { shiftOpen: true } }))).toEqual({ install: false, reason: 'shift-open' });
    }
  });

  it('installs when the till is idle: nobody signed in, or no screen activity for the idle time', () => {
    expect(decideInstall(ctx())).toEqual({ install: true, reason: 'idle' });
    expect(decideInstall(ctx({ till: { signedIn: true, idleMs: IDLE_BEFORE_INSTALL_MS - 1 } }))).toEqual({ install: false, reason: 'till-busy' });
    expect(decideInstall(ctx({ till: { signedIn: true, idleMs: null } }))).toEqual({ install: false, reason: 'till-busy' });
    expect(decideInstall(ctx({ till: { signedIn: true, idleMs: IDLE_BEFORE_INSTALL_MS } }))).toEqual({ install: true, reason: 'idle' });
  });

  it('installs at shift close even with someone signed in', () => {
    expect(decideInstall(ctx({ trigger: 'shift-closed', till: { signedIn: true, idleMs: 0 } }))).toEqual({ install: true, reason: 'shift-closed' });
  });

  it("honours an admin's postponement until it runs out; an admin's install now overrides it", () => {
    const postponedUntil = new Date(now.getTime() + 60_000);
    expect(decideInstall(ctx({ postponedUntil }))).toEqual({ install: false, reason: 'postponed' });
    expect(decideInstall(ctx({ postponedUntil, trigger: 'shift-closed' }))).toEqual({ install: false, reason: 'postponed' });
    expect(decideInstall(ctx({ postponedUntil, trigger: 'admin' }))).toEqual({ install: true, reason: 'admin' });
    expect(decideInstall(ctx({ postponedUntil: now }))).toEqual({ install: true, reason: 'idle' });
  });

  it('waits when nothing is downloaded', () => {
    expect(decideInstall(ctx({ downloaded: false, trigger: 'admin' }))).toEqual({ install: false, reason: 'not-downloaded' });
  });
});
