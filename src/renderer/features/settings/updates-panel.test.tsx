import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffRoleName } from '../../../shared/roles';
import { callsOf, createRealPos, type RealPosOptions } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';
import { startTestFeed } from '../../test/update-feed';

/** Settings > Updates as a signed-in demo user, on the real backend. */
async function openUpdatesTab(role: StaffRoleName, options: RealPosOptions = {}) {
  const pos = await createRealPos({ as: role, ...options });
  renderApp(pos.api);
  await screen.findByTestId('app-shell');
  fireEvent.click(screen.getByTestId('nav-settings'));
  fireEvent.click(screen.getByTestId('settings-tab-updates'));
  await screen.findByTestId('updates-version');
  return pos;
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Settings > Updates', () => {
  it('shows a cashier the version, channel and state, with no controls', async () => {
    const feed = await startTestFeed();
    await openUpdatesTab('cashier', { app: { version: '1.0.0', shell: 'electron' }, updateEngine: feed.updater('1.0.0') });
    expect(text('updates-version')).toBe('1.0.0');
    expect(text('updates-channel')).toBe('Estable');
    expect(text('updates-phase')).toBe('Aún sin comprobar');
    expect(text('updates-last-check')).toBe('nunca');
    expect(text('updates-installs')).toBe('Nada que instalar.');
    expect(text('updates-admin-only')).toContain('Solo un administrador');
    expect(screen.queryByTestId('updates-check')).toBeNull();
    expect(screen.queryByTestId('updates-channel-form')).toBeNull();
    expect(screen.queryByTestId('updates-postpone-form')).toBeNull();
  });

  it("an admin checks now: the release downloads and verifies, and install now waits for the sale at the till", async () => {
    const feed = await startTestFeed();
    feed.publish('1.1.0', 'latest', 10);
    const engine = feed.updater('1.0.0');
    const pos = await openUpdatesTab('admin', { app: { version: '1.0.0', shell: 'electron' }, updateEngine: engine });

    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-check'));
    });
    await act(async () => {
      await pos.services.updates.settled();
    });
    await waitFor(() => expect(text('updates-phase')).toBe('Descargada y verificada'), { timeout: 10_000 });
    expect(callsOf(pos.calls, 'updates.check')).toEqual([{}]);
    expect(text('updates-downloaded')).toMatch(/^1\.1\.0, a las /);
    // Whether or not this register's cohort was in the 10 %, the admin's check took it.
    expect(text('updates-available')).toMatch(/^1\.1\.0 \((publicada para el 10 %|tomada antes de su turno; publicada al 10 %)/);
    // The admin is using the till: it waits for a quiet moment.
    expect(text('updates-installs')).toContain('Cuando la caja esté tranquila');

    // A customer is rung up at this register: install now is refused, and says why.
    pos.services.sales.addVariant(pos.staff.cashier, pos.stocked()[0]!.variantId, 1);
    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-install'));
    });
    const refused = await screen.findByTestId('updates-install-result');
    expect(refused.getAttribute('data-installing')).toBe('false');
    expect(refused.textContent).toBe('No se instaló: hay una venta en curso; termínela o apárquela primero.');
    expect(engine.installs).toEqual([]);

    pos.services.sales.voidCurrent(pos.staff.cashier, 'cliente se fue');
    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-install'));
    });
    await waitFor(() => expect(screen.getByTestId('updates-install-result').getAttribute('data-installing')).toBe('true'));
    expect(engine.installs).toEqual([[true, true]]);
    expect(text('updates-phase')).toBe('Instalando: la aplicación se reinicia');
  });

  it('an admin changes the channel and postpones; main keeps both', async () => {
    const feed = await startTestFeed();
    const pos = await openUpdatesTab('admin', { app: { version: '1.0.0', shell: 'electron' }, updateEngine: feed.updater('1.0.0') });
    const save = screen.getByTestId('updates-channel-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('updates-channel-select'), { target: { value: 'beta' } });
    await waitFor(() => expect(save.disabled).toBe(false));
    await act(async () => {
      fireEvent.click(save);
    });
    expect(await screen.findByTestId('updates-channel-saved')).toBeTruthy();
    expect(text('updates-channel')).toBe('Beta (versiones anticipadas) (elegido por Ana Martínez)');
    expect(callsOf(pos.calls, 'updates.setChannel')).toEqual([{ channel: 'beta' }]);
    expect(pos.services.updates.status().channel).toBe('beta');

    fireEvent.change(screen.getByTestId('updates-postpone-hours'), { target: { value: '24' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-postpone'));
    });
    await waitFor(() => expect(callsOf(pos.calls, 'updates.postpone')).toEqual([{ hours: 24 }]));
    expect(pos.services.updates.status().install).toMatchObject({ postponedUntil: '2026-11-26T10:00:00.000Z', postponedBy: 'Ana Martínez' });
    await waitFor(() => expect(text('updates-installs')).toMatch(/Las actualizaciones están aplazadas hasta .* \(Ana Martínez\)/));
    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-lift'));
    });
    await waitFor(() => expect(callsOf(pos.calls, 'updates.postpone')).toEqual([{ hours: 24 }, { hours: 0 }]));
    expect(pos.services.updates.status().install.postponedUntil).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('updates-lift')).toBeNull());
  });

  it('shows a failed check with its reason; the till goes on', async () => {
    const feed = await startTestFeed();
    // Nothing published: the feed has no channel file.
    const pos = await openUpdatesTab('admin', { app: { version: '1.0.0', shell: 'electron' }, updateEngine: feed.updater('1.0.0') });
    await act(async () => {
      fireEvent.click(screen.getByTestId('updates-check'));
    });
    await waitFor(() => expect(text('updates-phase')).toBe('El último intento falló'));
    const error = screen.getByTestId('updates-last-error');
    expect(error.getAttribute('data-code')).toBe('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND');
    expect(error.textContent).toMatch(/^El servidor de actualizaciones no tiene una versión para este canal y sistema\. the update feed has no channel file/);
    expect(text('updates-last-check')).not.toBe('nunca');
    expect(screen.getByText(/La versión en uso no cambió/)).toBeTruthy();
    // The till still sells.
    expect(pos.services.sales.addVariant(pos.staff.cashier, pos.stocked()[0]!.variantId, 1).lines).toHaveLength(1);
  });

  it('says when this copy does not update itself (the browser preview)', async () => {
    await openUpdatesTab('admin');
    expect(text('updates-phase')).toBe('No se actualiza aquí');
    expect(text('updates-unsupported')).toBe('La vista previa en el navegador no se actualiza sola; la aplicación de escritorio de la caja sí.');
    expect(screen.queryByTestId('updates-check')).toBeNull();
    // The channel is still IT's choice for when the desktop app runs on this database.
    expect(screen.getByTestId('updates-channel-form')).toBeTruthy();
  });
});
