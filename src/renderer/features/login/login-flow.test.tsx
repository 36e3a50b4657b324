import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

const pressKeys = (digits: string) => {
  for (const digit of digits) fireEvent.click(screen.getByTestId(`pin-key-${digit}`));
};

const typeKey = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key, code: key });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('PIN login', () => {
  it('shows a tile per staff member with the translated role', async () => {
    const { api } = await createRealPos();
    renderApp(api);

    const ana = await screen.findByTestId('staff-tile-1');
    expect(ana.textContent).toContain('Ana Martínez');
    expect(ana.textContent).toContain('Administrador');
    expect(screen.getByTestId('staff-tile-2').textContent).toContain('Gerente');
    expect(screen.getByTestId('staff-tile-3').textContent).toContain('Lucía Pérez');
    expect(screen.getByTestId('staff-tile-3').textContent).toContain('Cajero');
    expect(screen.getAllByTestId(/^staff-tile-/)).toHaveLength(4);
    expect(screen.queryByTestId('app-shell')).toBeNull();
  });

  it('says the PIN is wrong and how many attempts are left, then clears it', async () => {
    const { api, calls, staff } = await createRealPos();
    renderApp(api);

    fireEvent.click(await screen.findByTestId(`staff-tile-${staff.cashier.id}`));
    pressKeys('1111');
    expect(screen.getByTestId('pin-dots').dataset.length).toBe('4');
    fireEvent.click(screen.getByTestId('pin-enter'));

    expect((await screen.findByTestId('login-error')).textContent).toBe('PIN incorrecto. Le quedan 4 intentos.');
    expect(screen.getByTestId('pin-dots').dataset.length).toBe('0');
    expect(calls.filter((c) => c.channel === 'session.login')).toEqual([
      { channel: 'session.login', input: { userId: staff.cashier.id, pin: '1111' } },
    ]);

    pressKeys('2222');
    fireEvent.click(screen.getByTestId('pin-enter'));
    await screen.findByText('PIN incorrecto. Le quedan 3 intentos.');
    expect(screen.queryByTestId('app-shell')).toBeNull();
  });

  it('tells a locked user they are locked and until when', async () => {
    const pos = await createRealPos({ now: new Date().toISOString() });
    const { api, staff, services } = pos;
    // Five wrong PINs at another moment lock the cashier for five minutes.
    for (let i = 0; i < 5; i++) await expect(services.staff.authenticate(staff.cashier.id, '1111')).rejects.toMatchObject({ code: expect.stringMatching(/PIN_INVALID|USER_LOCKED/) });
    const lockedUntil = new Date(services.staff.list().find((u) => u.id === staff.cashier.id)!.lockedUntil!);
    expect(lockedUntil.getTime()).toBe(pos.clock.now().getTime() + 5 * 60_000);
    renderApp(api);

    fireEvent.click(await screen.findByTestId(`staff-tile-${staff.cashier.id}`));
    pressKeys(staff.cashier.pin);
    fireEvent.click(screen.getByTestId('pin-enter'));

    const message = (await screen.findByTestId('login-error')).textContent ?? '';
    expect(message).toMatch(/^Usuario bloqueado por demasiados intentos fallidos hasta (las|el) /);
    const time = new Intl.DateTimeFormat('es-CO', { timeStyle: 'short' }).format(lockedUntil);
    expect(message).toContain(time);
    expect(screen.queryByTestId('app-shell')).toBeNull();
  });

  it('opens the shell on the right PIN', async () => {
    const { api, staff } = await createRealPos();
    renderApp(api);

    fireEvent.click(await screen.findByTestId(`staff-tile-${staff.manager.id}`));
    pressKeys(staff.manager.pin);
    fireEvent.click(screen.getByTestId('pin-enter'));

    const shell = await screen.findByTestId('app-shell');
    expect(within(shell).getByTestId('topbar-user').textContent).toContain('Carlos Gómez');
    expect(within(shell).getByTestId('topbar-user').textContent).toContain('Gerente');
    expect(within(shell).getByTestId('screen-sell').textContent).toContain(
      'Escanee un código de barras o busque un producto para empezar una venta.',
    );
    expect(screen.queryByTestId('screen-login')).toBeNull();
  });

  it('takes the PIN from the physical keyboard: digits, Backspace, Enter', async () => {
    const { api, calls, staff } = await createRealPos();
    renderApp(api);

    fireEvent.click(await screen.findByTestId(`staff-tile-${staff.cashier.id}`));
    // The cashier's PIN is 2468.
    for (const key of ['2', '4', '9', 'Backspace', '6', '8']) typeKey(key);
    expect(screen.getByTestId('pin-dots').dataset.length).toBe('4');
    typeKey('Enter');

    await screen.findByTestId('app-shell');
    expect(calls.find((c) => c.channel === 'session.login')?.input).toEqual({ userId: staff.cashier.id, pin: '2468' });
  });

  it('keeps Enter disabled until the PIN has 4 digits, and Escape goes back to the tiles', async () => {
    const { api, calls } = await createRealPos();
    renderApp(api);

    fireEvent.click(await screen.findByTestId('staff-tile-4'));
    pressKeys('147');
    expect(screen.getByTestId<HTMLButtonElement>('pin-enter').disabled).toBe(true);
    typeKey('Enter');
    expect(calls.some((c) => c.channel === 'session.login')).toBe(false);

    typeKey('Escape');
    expect(screen.queryByTestId('pin-pad')).toBeNull();
    // Back on the tiles, focus returns to the tile just left.
    expect(document.activeElement).toBe(screen.getByTestId('staff-tile-4'));
  });

  it('moves between tiles with the arrow keys', async () => {
    const { api } = await createRealPos();
    renderApp(api);

    const first = await screen.findByTestId('staff-tile-1');
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('staff-tile-2'));
    fireEvent.keyDown(document.activeElement ?? first, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByTestId('staff-tile-4'));
    fireEvent.keyDown(document.activeElement ?? first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('staff-tile-4'));
    fireEvent.keyDown(document.activeElement ?? first, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByTestId('staff-tile-3'));
  });

  it('skips the login when main already has a session', async () => {
    const { api, calls } = await createRealPos({ as: 'admin' });
    renderApp(api);

    const shell = await screen.findByTestId('app-shell');
    expect(within(shell).getByTestId('topbar-user').textContent).toContain('Ana Martínez');
    expect(calls.some((c) => c.channel === 'session.staffList')).toBe(false);
  });

  it('shows a failed staff list as a translated error with a retry', async () => {
    const { api } = await createRealPos();
    let fail = true;
    const staffList = api.session.staffList;
    const flaky = {
      ...api,
      session: {
        ...api.session,
        staffList: async () =>
          fail ? { ok: false as const, error: { code: 'INTERNAL' as const, message: 'x', details: { network: true } } } : staffList(),
      },
    };
    renderApp(flaky);

    const error = await screen.findByTestId('staff-error');
    expect(error.textContent).toContain('No se pudo cargar la lista de usuarios.');
    expect(error.textContent).toContain('No hay comunicación');
    fail = false;
    await act(async () => {
      fireEvent.click(within(error).getByRole('button'));
    });
    expect(await screen.findByTestId('staff-tile-1')).toBeTruthy();
  });
});
