import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosApi } from '../../../shared/ipc/api';
import { createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('bootstrap-submit'));
  });
}

function fill(values: { name?: string; username?: string; pin?: string; confirm?: string }) {
  if (values.name !== undefined) type('bootstrap-name', values.name);
  if (values.username !== undefined) type('bootstrap-username', values.username);
  if (values.pin !== undefined) type('bootstrap-pin', values.pin);
  if (values.confirm !== undefined) type('bootstrap-pin-confirm', values.confirm);
}

const bootstrapCalls = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'session.bootstrapAdmin').map((c) => c.input);

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('first run of a new store', () => {
  it('asks for the first administrator, checks the PIN twice, shows a weak PIN at its field, then opens the shell', async () => {
    const { api, calls, session, services } = await createRealPos({ empty: true });
    renderApp(api);

    const form = await screen.findByTestId('bootstrap-form');
    expect(screen.getByTestId('screen-login').textContent).toContain('Cree el primer administrador de la tienda');
    expect(screen.queryByTestId('staff-empty')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('bootstrap-name'));

    fill({ name: 'Marta Ruiz', username: 'Marta.Ruiz', pin: '2580', confirm: '2581' });
    await submit();
    expect(screen.getByTestId('bootstrap-error-pinConfirm').textContent).toBe('Los dos PIN no coinciden.');
    expect(bootstrapCalls(calls)).toEqual([]);

    // Matching but trivial: the shared new-PIN rule refuses it at the field 'pin' before main is asked.
    fill({ pin: '1234', confirm: '1234' });
    expect(screen.queryByTestId('bootstrap-error-pinConfirm')).toBeNull();
    await submit();
    expect((await screen.findByTestId('bootstrap-error-pin')).textContent).toBe('Ese PIN es muy fácil de adivinar: evite dígitos repetidos o seguidos (como 1111 o 1234).');
    expect(screen.getByTestId('bootstrap-pin').getAttribute('aria-invalid')).toBe('true');
    expect(bootstrapCalls(calls)).toEqual([]);
    expect(screen.queryByTestId('app-shell')).toBeNull();
    for (const weak of ['0000', '9876', '123456']) {
      fill({ pin: weak, confirm: weak });
      await submit();
      expect(screen.getByTestId('bootstrap-error-pin').textContent, weak).toContain('muy fácil de adivinar');
    }
    expect(bootstrapCalls(calls)).toEqual([]);

    fill({ pin: '2580', confirm: '2580' });
    await submit();

    const shell = await screen.findByTestId('app-shell');
    expect(within(shell).getByTestId('topbar-user').textContent).toContain('Marta Ruiz');
    expect(within(shell).getByTestId('topbar-user').textContent).toContain('Administrador');
    expect(form.isConnected).toBe(false);
    expect(bootstrapCalls(calls)).toEqual([{ displayName: 'Marta Ruiz', username: 'marta.ruiz', pin: '2580' }]);
    expect(session.current?.user.role).toBe('admin');
    expect(services.staff.list()).toEqual([expect.objectContaining({ username: 'marta.ruiz', displayName: 'Marta Ruiz', role: 'admin', active: true })]);
  });

  it('checks the name, username and PIN format before asking main', async () => {
    const { api, calls } = await createRealPos({ empty: true });
    renderApp(api);
    await screen.findByTestId('bootstrap-form');

    fill({ name: '   ', username: 'marta ruiz', pin: '25a8', confirm: '' });
    // The PIN field keeps digits only.
    expect(screen.getByTestId<HTMLInputElement>('bootstrap-pin').value).toBe('258');
    await submit();

    expect(screen.getByTestId('bootstrap-error-displayName').textContent).toBe('Escriba el nombre (hasta 60 caracteres).');
    expect(screen.getByTestId('bootstrap-error-username').textContent).toContain('de 2 a 32 letras minúsculas');
    expect(screen.getByTestId('bootstrap-error-pin').textContent).toBe('El PIN debe tener de 4 a 8 dígitos.');
    expect(bootstrapCalls(calls)).toEqual([]);
  });

  it('shows the staff tiles when main says the store was set up meanwhile', async () => {
    const { api, calls } = await createRealPos();
    let first = true;
    const raced: PosApi = {
      ...api,
      session: {
        ...api.session,
        // The first look finds nobody; by the time the form is sent, someone else has set the store up.
        staffList: async (input) => {
          if (!first) return api.session.staffList(input);
          first = false;
          return { ok: true, value: [] };
        },
      },
    };
    renderApp(raced);
    await screen.findByTestId('bootstrap-form');

    fill({ name: 'Intruso', username: 'intruso', pin: '2580', confirm: '2580' });
    await submit();

    expect(await screen.findByTestId('staff-tile-1')).toBeTruthy();
    // Main refused: the store already had staff.
    expect(bootstrapCalls(calls)).toEqual([{ displayName: 'Intruso', username: 'intruso', pin: '2580' }]);
    expect(screen.getByTestId('bootstrap-refused').textContent).toBe('Esta tienda ya tiene usuarios. Elija su nombre e ingrese con su PIN.');
    expect(screen.queryByTestId('bootstrap-form')).toBeNull();
    expect(screen.queryByTestId('app-shell')).toBeNull();
  });

  it('shows the usual staff tiles, not the form, once the store has staff', async () => {
    const { api } = await createRealPos();
    renderApp(api);
    expect(await screen.findByTestId('staff-tile-1')).toBeTruthy();
    expect(screen.queryByTestId('bootstrap-form')).toBeNull();
  });
});
