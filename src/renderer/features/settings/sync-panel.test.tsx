import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffRoleName } from '../../../shared/roles';
import { startTestCloud } from '../../test/cloud';
import { corruptingFirstSale } from '../../test/corrupting-fetch';
import { callsOf, createRealPos, type RealPos, type RealPosOptions } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

/** Settings > Sync as a signed-in demo user; `before` runs on main's side before the screen opens. */
async function openSyncTab(role: StaffRoleName, options: RealPosOptions = {}, before?: (pos: RealPos) => Promise<void>) {
  const pos = await createRealPos({ as: role, ...options });
  await before?.(pos);
  renderApp(pos.api);
  await screen.findByTestId('app-shell');
  fireEvent.click(screen.getByTestId('nav-settings'));
  fireEvent.click(screen.getByTestId('settings-tab-sync'));
  const panel = await screen.findByTestId('sync-state');
  return { ...pos, panel };
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Settings > Sync', () => {
  it('explains how IT registers the till when it is not registered, with what waits in the queue', async () => {
    const pos = await openSyncTab('manager');
    expect(screen.getByTestId('sync-state').textContent).toBe('Sincronización no configurada');
    const help = screen.getByTestId('sync-not-configured');
    expect(help.textContent).toContain('no está registrada en la nube');
    expect(within(help).getByTestId('sync-register-command').textContent).toBe('npm run admin -- register --db FILE --server URL --code CODE');
    expect(screen.getByTestId('sync-server').textContent).toBe('—');
    expect(screen.getByTestId('sync-register-code').textContent).toBe('R01');
    expect(screen.getByTestId('sync-register-id').textContent).toBe(pos.services.device.identity().registerId);
    expect(screen.getByTestId('sync-pending').textContent).toBe(new Intl.NumberFormat('es-CO').format(pos.services.outboxPending()));
    expect(screen.getByTestId('sync-last-sync').textContent).toBe('nunca');
    // Nothing to sync with: no button.
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(await screen.findByTestId('sync-rejected-none')).toBeTruthy();
  });

  it('lists the documents the cloud rejected, and "Sync now" runs a round and says what it did', async () => {
    const cloud = await startTestCloud();
    const pos = await openSyncTab('manager', { syncFetch: corruptingFirstSale() }, async (p) => {
      await p.simulateSales(2, 4);
      await cloud.register(p);
      expect(await p.services.sync.runNow()).toMatchObject({ ok: true, push: { rejected: 1 } });
    });
    expect(screen.getByTestId('sync-state').textContent).toBe('En línea');
    expect(screen.getByTestId('sync-server').textContent).toBe(cloud.url);
    expect(screen.getByTestId('sync-store').textContent).toBe(cloud.storeId);
    expect(screen.getByTestId('sync-pending').textContent).toBe('0');
    expect(screen.getByTestId('sync-rejected-count').textContent).toBe('1');
    const [doc] = pos.services.sync.rejectedDocuments();
    const row = await screen.findByTestId(`sync-rejected-${doc!.seq}`);
    expect(row.textContent).toContain('sale.completed');
    expect(row.textContent).toMatch(/invalid: .*total/);

    // Another sale, then "Sync now": sent; the rejected one is refused again.
    await pos.simulateSales(1, 5);
    const waiting = pos.services.outboxPending();
    expect(waiting).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId('sync-now'));
    });
    const result = await screen.findByTestId('sync-now-result');
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toBe(`Sincronización terminada: ${waiting} enviados, 0 recibidos, 1 rechazados.`);
    expect(callsOf(pos.calls, 'sync.now')).toEqual([{}]);
    expect(pos.services.outboxPending()).toBe(0);
    expect(screen.getByTestId(`sync-rejected-${doc!.seq}`).textContent).toContain('2');
    // Register and cloud compared: this store ran before registering and never uploaded its stock.
    expect(screen.getByTestId('sync-convergence').getAttribute('data-status')).toBe('mismatch');
    expect(screen.getByTestId('sync-convergence').textContent).toContain('existencias');

    // The manager sends the rejected sale again, as a new document (this wire corrupts it again: refused again).
    await act(async () => {
      fireEvent.click(screen.getByTestId(`sync-retry-${doc!.seq}`));
    });
    expect((await screen.findByTestId('sync-rejected-feedback')).textContent).toBe(`El documento ${doc!.seq} se enviará de nuevo como un documento nuevo.`);
    expect(pos.services.sync.rejectedDocuments()).toEqual([]);
    expect(await pos.services.sync.runNow()).toMatchObject({ ok: true, push: { applied: 0, rejected: 1 } });
    const [again] = pos.services.sync.rejectedDocuments();
    expect(again!.seq).toBeGreaterThan(doc!.seq);
    expect(callsOf(pos.calls, 'sync.retryRejected')).toEqual([{ seq: doc!.seq }]);

    // Then gives it up, saying why: it stops waiting, and the outbox keeps it with the reason.
    await act(async () => {
      fireEvent.click(screen.getByTestId('sync-now'));
    });
    await act(async () => {
      fireEvent.click(await screen.findByTestId(`sync-drop-${again!.seq}`));
    });
    fireEvent.change(screen.getByTestId(`sync-drop-reason-${again!.seq}`), { target: { value: 'venta duplicada en papel' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId(`sync-drop-confirm-${again!.seq}`));
    });
    expect((await screen.findByTestId('sync-rejected-feedback')).textContent).toBe(`El documento ${again!.seq} se descartó.`);
    expect(await screen.findByTestId('sync-rejected-none')).toBeTruthy();
    expect(pos.services.db.sqlite.prepare(`SELECT last_error FROM sync_outbox WHERE seq = ?`).pluck().get(again!.seq)).toMatch(/^dropped: venta duplicada en papel/);
    expect(await screen.findByTestId('sync-conflicts-none')).toBeTruthy();
    // Several real rounds against a real cloud: slow on a busy machine.
  }, 120_000);

  it('shows a cashier the sync page read-only, with the reason a revoked till cannot sync', async () => {
    const cloud = await startTestCloud();
    const pos = await openSyncTab('cashier', {}, async (p) => {
      await cloud.register(p);
      await cloud.revoke(p, 'caja robada');
      await p.services.sync.runNow();
    });
    expect(screen.getByTestId('sync-state').textContent).toBe('Error de sincronización');
    expect(screen.getByTestId('sync-last-error').textContent).toMatch(/^La nube revocó esta caja\. \(.*caja robada.*\)$/);
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(screen.getByTestId('sync-manager-only')).toBeTruthy();
    // The channel refuses a cashier too, not only the screen.
    expect(await pos.api.sync.now()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 120_000);
});
