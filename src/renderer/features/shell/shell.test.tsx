import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosApi } from '../../../shared/ipc/api';
import type { AppStatus } from '../../../shared/ipc/dto';
import { createRealPos, type RealPos, type RealPosOptions } from '../../test/real-pos';
import { startTestCloud } from '../../test/cloud';
import { corruptingFirstSale } from '../../test/corrupting-fetch';
import { renderApp } from '../../test/render-app';

/** The shell of a signed-in cashier; `before` runs on main's side before the screen opens. */
async function openShell(options: RealPosOptions = {}, before?: (pos: RealPos) => void | Promise<void>, wrap: (api: PosApi) => PosApi = (api) => api) {
  const pos = await createRealPos({ as: 'cashier', ...options });
  await before?.(pos);
  const view = renderApp(wrap(pos.api));
  await screen.findByTestId('app-shell');
  return { ...pos, ...view };
}

/** A status put over the real one, for what a real round cannot make quickly (a queue of 1,234). */
const withSync =
  (sync: AppStatus['sync']) =>
  (api: PosApi): PosApi => ({
    ...api,
    app: {
      status: async (input) => {
        const real = await api.app.status(input);
        return real.ok ? { ok: true, value: { ...real.value, sync } } : real;
      },
    },
  });

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});

describe('app shell', () => {
  it('shows the store, register, user and role in the top bar', async () => {
    await openShell();
    expect(screen.getByTestId('topbar-store').textContent).toBe('Tienda');
    expect(screen.getByTestId('topbar-register').textContent).toBe('Caja R01');
    expect(screen.getByTestId('topbar-user').textContent).toContain('Lucía Pérez');
    expect(screen.getByTestId('topbar-user').textContent).toContain('Cajero');
  });

  it('switches screens from the nav buttons and marks the current one', async () => {
    await openShell();
    expect(screen.getByTestId('nav-sell').getAttribute('aria-current')).toBe('page');

    fireEvent.click(screen.getByTestId('nav-customers'));

    expect(screen.getByTestId('screen-customers')).toBeTruthy();
    expect(screen.queryByTestId('screen-sell')).toBeNull();
    expect(screen.getByTestId('nav-customers').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-sell').getAttribute('aria-current')).toBeNull();
  });

  it('switches screens with F1..F6, shown on the buttons', async () => {
    await openShell();
    const keys = { F2: 'catalog', F3: 'inventory', F4: 'customers', F5: 'reports', F6: 'settings', F1: 'sell' } as const;
    for (const [key, name] of Object.entries(keys)) {
      expect(screen.getByTestId(`nav-${name}`).textContent).toContain(key);
      fireEvent.keyDown(document.body, { key, code: key });
      expect(screen.getByTestId(`screen-${name}`)).toBeTruthy();
    }
  });

  it('signs out from the button and returns to the staff tiles', async () => {
    const { calls, session } = await openShell();
    fireEvent.click(screen.getByTestId('nav-reports'));

    await act(async () => {
      fireEvent.click(screen.getByTestId('logout'));
    });

    expect(await screen.findByTestId('staff-tile-1')).toBeTruthy();
    expect(screen.queryByTestId('app-shell')).toBeNull();
    expect(calls.some((c) => c.channel === 'session.logout')).toBe(true);
    expect(session.current).toBeNull();
  });

  it('signs out with Ctrl+Shift+L', async () => {
    await openShell();
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true });
    });
    expect(await screen.findByTestId('screen-login')).toBeTruthy();
  });

  it('switches the language, remembers it and sets <html lang>', async () => {
    await openShell();
    expect(document.documentElement.lang).toBe('es');
    expect(screen.getByTestId('nav-catalog').textContent).toContain('Catálogo');

    await act(async () => {
      fireEvent.click(screen.getByTestId('lang-en'));
    });

    expect(screen.getByTestId('nav-catalog').textContent).toContain('Catalog');
    expect(screen.getByTestId('screen-sell').textContent).toContain('Scan a barcode or search for a product to start a sale.');
    expect(localStorage.getItem('pos.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
  });

  it('takes the UI language from the store locale when none was chosen', async () => {
    await openShell({ settings: { locale: 'en-US' } });
    expect(screen.getByTestId('nav-sell').textContent).toContain('Sell');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps a language chosen on this machine over the store locale', async () => {
    localStorage.setItem('pos.lang', 'es');
    await openShell({ settings: { locale: 'en-US' } });
    expect(screen.getByTestId('nav-sell').textContent).toContain('Venta');
  });

  it('shows a cashier the store settings read-only, and the app version under About', async () => {
    await openShell({ app: { version: '1.2.3' } });
    fireEvent.click(screen.getByTestId('nav-settings'));
    const settings = screen.getByTestId('screen-settings');
    expect(within(settings).getByTestId('setting-storeName').textContent).toBe('Tienda');
    expect(within(settings).getByTestId('setting-currency').textContent).toBe('COP');
    expect(within(settings).getByTestId('setting-locale').textContent).toBe('es-CO');
    fireEvent.click(within(settings).getByTestId('settings-tab-about'));
    expect((await within(settings).findByTestId('about-version')).textContent).toBe('1.2.3');
  });
});

describe('status bar', () => {
  it('says sync is not configured, what waits in main\'s outbox, never synced, desktop app', async () => {
    const { services } = await openShell({ app: { shell: 'electron' } });
    const sync = await screen.findByText('Sincronización no configurada');
    expect(sync.closest('[data-testid="status-sync"]')?.getAttribute('data-state')).toBe('not_configured');
    // No sync engine yet: everything the demo seed wrote is still queued.
    const waiting = services.outboxPending();
    expect(waiting).toBeGreaterThan(1);
    expect(screen.getByTestId('status-queue').textContent).toBe(`${new Intl.NumberFormat('es-CO').format(waiting)} documentos esperan la sincronización`);
    expect(screen.getByTestId('status-last-sync').textContent).toBe('Última sincronización: nunca');
    expect(screen.getByTestId('status-shell').textContent).toBe('Aplicación de escritorio');
  });

  it('says how many documents wait when sync is not configured, one in a new store', async () => {
    // A new store whose first administrator was just created: one document (the new user) waits.
    const pos = await createRealPos({ empty: true });
    const created = await pos.api.session.bootstrapAdmin({ displayName: 'Marta Ruiz', username: 'marta', pin: '4826' });
    expect(created.ok).toBe(true);
    expect(pos.services.outboxPending()).toBe(1);
    renderApp(pos.api);
    await screen.findByTestId('app-shell');
    expect((await screen.findByTestId('status-queue')).textContent).toBe('1 documento espera la sincronización');
  });

  it('shows online, the queue length in the store locale, the last sync and the browser preview', async () => {
    const lastSyncAt = new Date();
    lastSyncAt.setSeconds(0, 0);
    await openShell({ app: { shell: 'web' } }, undefined, withSync({ state: 'online', pending: 1234, lastSyncAt: lastSyncAt.toISOString(), lastError: null, rejected: 0 }));

    const sync = await screen.findByText('En línea');
    expect(sync.querySelector('.dot--ok')).not.toBeNull();
    const pending = new Intl.NumberFormat('es-CO').format(1234);
    expect(screen.getByTestId('status-queue').textContent).toBe(`Por enviar: ${pending}`);
    const time = new Intl.DateTimeFormat('es-CO', { timeStyle: 'short' }).format(lastSyncAt);
    expect(screen.getByTestId('status-last-sync').textContent).toBe(`Última sincronización: ${time}`);
    expect(screen.getByTestId('status-shell').textContent).toBe('Vista previa en navegador');
  });

  it('shows a real round against a real cloud: online with nothing waiting and the time of the sync', async () => {
    const cloud = await startTestCloud();
    const { services, clock } = await openShell({}, async (pos) => {
      await cloud.register(pos);
      expect(pos.services.outboxPending()).toBeGreaterThan(0);
      expect(await pos.services.sync.runNow()).toMatchObject({ ok: true });
    });
    const sync = await screen.findByText('En línea');
    expect(sync.querySelector('.dot--ok')).not.toBeNull();
    expect(screen.getByTestId('status-queue').textContent).toBe('Por enviar: 0');
    expect(screen.getByTestId('status-last-sync').textContent).not.toContain('nunca');
    expect(services.sync.status().lastSyncAt).toBe(clock.now().toISOString());
    expect(screen.queryByTestId('status-sync-error')).toBeNull();
    expect(screen.queryByTestId('status-rejected')).toBeNull();
  }, 120_000);

  it('shows offline in red, why, and the queue, when the cloud cannot be reached', async () => {
    const cloud = await startTestCloud();
    const pos = await openShell({}, async (p) => {
      await cloud.register(p);
      await cloud.stop();
      expect(await p.services.sync.runNow()).toMatchObject({ ok: false, error: { code: 'network' } });
    });
    const sync = await screen.findByText('Sin conexión');
    expect(sync.querySelector('.dot--bad')).not.toBeNull();
    expect(screen.getByTestId('status-sync-error').textContent).toBe('No se puede conectar con la nube.');
    expect(screen.getByTestId('status-queue').textContent).toBe(`Por enviar: ${new Intl.NumberFormat('es-CO').format(pos.services.outboxPending())}`);
  }, 120_000);

  it('says the register was revoked, with the cloud\'s reason on hover', async () => {
    const cloud = await startTestCloud();
    await openShell({}, async (pos) => {
      await cloud.register(pos);
      await cloud.revoke(pos, 'caja robada');
      await pos.services.sync.runNow();
    });
    const sync = await screen.findByText('Error de sincronización');
    expect(sync.closest('[data-testid="status-sync"]')?.getAttribute('data-state')).toBe('error');
    const why = screen.getByTestId('status-sync-error');
    expect(why.textContent).toBe('La nube revocó esta caja.');
    expect(why.getAttribute('title')).toMatch(/caja robada/);
  }, 120_000);

  it('counts the documents the cloud rejected', async () => {
    const cloud = await startTestCloud();
    await openShell({ syncFetch: corruptingFirstSale() }, async (pos) => {
      await pos.simulateSales(2, 3);
      await cloud.register(pos);
      expect(await pos.services.sync.runNow()).toMatchObject({ ok: true, push: { rejected: 1 } });
    });
    expect((await screen.findByTestId('status-rejected')).textContent).toBe('1 rechazado');
    expect(screen.getByTestId('status-sync').getAttribute('data-state')).toBe('online');
  }, 120_000);
});
