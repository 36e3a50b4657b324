/**
 * Issue #7, till hardening (renderer side): bad quantities, implausible cash,
 * keyboard focus in the customer dialog, resuming over an open sale, a
 * session that ended elsewhere, and the same PIN message at login and approval.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosApi } from '../../../shared/ipc/api';
import type { CustomerSummary } from '../../../shared/ipc/dto-sales';
import { formatMoney } from '../../../shared/money';
import { callsOf, createRealPos, type RealPos, type RealPosOptions } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

const cop = (minor: number) => formatMoney(minor, 'COP', 'es-CO');

/** What the tests sell, from the seeded demo store: a T-shirt (product 1, 34.900) and a garment of product 3. */
function demoGoods(pos: RealPos) {
  const stocked = pos.stocked();
  return { tee: stocked.find((v) => v.productId === 1)!, other: stocked.find((v) => v.productId === 3)!, grid: pos.services.catalog.grid(1) };
}

async function openSell(options: RealPosOptions = {}, wrap?: (pos: RealPos) => PosApi) {
  const pos = await createRealPos({ as: 'cashier', ...options });
  const view = renderApp(wrap ? wrap(pos) : pos.api);
  await screen.findByTestId('screen-sell');
  await waitFor(() => expect(pos.calls.some((c) => c.channel === 'sales.current')).toBe(true));
  return { ...pos, ...demoGoods(pos), ...view };
}

/** A scanner: the characters and Enter in one fast burst at whatever has focus. */
async function scanBurst(code: string) {
  const target = document.activeElement ?? document.body;
  await act(async () => {
    for (const key of code) {
      const landed = fireEvent.keyDown(target, { key });
      if (landed && target instanceof HTMLInputElement) fireEvent.change(target, { target: { value: target.value + key } });
    }
    fireEvent.keyDown(target, { key: 'Enter' });
  });
}

const lines = () => [...screen.getByTestId('cart').querySelectorAll<HTMLElement>('[data-line-id]')];
const lineId = (index = 0) => Number(lines()[index]?.dataset.lineId);

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function typeQuantity(id: number, text: string) {
  const box = screen.getByTestId(`line-qty-${id}`) as HTMLInputElement;
  await act(async () => {
    box.focus();
    fireEvent.change(box, { target: { value: text } });
    fireEvent.keyDown(box, { key: 'Enter' });
  });
  return box;
}

describe('typed quantity (item 10)', () => {
  it('refuses 2.5, -3, 0, letters and 999999 with the reason, and never sends another number', async () => {
    const { calls, tee } = await openSell();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    const id = lineId();

    const cases: Array<[string, RegExp]> = [
      ['2.5', /«2\.5» no es un número entero/],
      ['2,5', /«2,5» no es un número entero/],
      ['-3', /al menos 1 \(escribió -3\)/],
      ['0', /al menos 1 \(escribió 0\)/],
      ['abc', /«abc» no es un número entero/],
      ['999999', /como máximo 9\.999 \(escribió 999999\)/],
    ];
    for (const [typed, message] of cases) {
      const box = await typeQuantity(id, typed);
      expect(screen.getByTestId(`line-qty-error-${id}`).textContent, typed).toMatch(message);
      // The box shows the line's real quantity again, and the cursor stays there.
      expect(box.value, typed).toBe('1');
      expect(box.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(box);
    }
    expect(callsOf(calls, 'sales.setQuantity')).toEqual([]);

    // A good quantity clears the message and is sent as typed.
    await typeQuantity(id, '3');
    await waitFor(() => expect(screen.getByTestId(`line-qty-${id}`)).toHaveProperty('value', '3'));
    expect(screen.queryByTestId(`line-qty-error-${id}`)).toBeNull();
    expect(callsOf(calls, 'sales.setQuantity')).toMatchObject([{ lineId: id, quantity: 3 }]);
  });

  it('says it in English too', async () => {
    const { tee } = await openSell();
    await act(async () => {
      fireEvent.click(screen.getByTestId('lang-en'));
    });
    screen.getByTestId('scan-input').focus();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    const id = lineId();
    await typeQuantity(id, '2.5');
    expect(screen.getByTestId(`line-qty-error-${id}`).textContent).toContain('“2.5” is not a whole number');
    await typeQuantity(id, '10000');
    expect(screen.getByTestId(`line-qty-error-${id}`).textContent).toContain('at most 9.999 (you typed 10000)');
  });

  it('asks before sending a very large quantity', async () => {
    const { calls, tee } = await openSell();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    const id = lineId();

    await typeQuantity(id, '500');
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm.textContent).toContain('500 unidades');
    expect(callsOf(calls, 'sales.setQuantity')).toEqual([]);
    // No: nothing is sent and the line keeps its quantity.
    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-cancel'));
    });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(screen.getByTestId(`line-qty-${id}`)).toHaveProperty('value', '1');
    expect(callsOf(calls, 'sales.setQuantity')).toEqual([]);

    await typeQuantity(id, '500');
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    });
    await waitFor(() => expect(screen.getByTestId(`line-qty-${id}`)).toHaveProperty('value', '500'));
    expect(callsOf(calls, 'sales.setQuantity')).toMatchObject([{ lineId: id, quantity: 500 }]);
    // Under the warn policy main keeps the line, short of stock.
    expect(screen.getByTestId(`line-stock-warning-${id}`).textContent).toContain(`Faltan ${500 - tee.stock} unidades`);

    // Up to 100 goes straight through.
    await typeQuantity(id, '100');
    await waitFor(() => expect(screen.getByTestId(`line-qty-${id}`)).toHaveProperty('value', '100'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
  });
});

describe('implausible cash (item 8)', () => {
  it('asks before adding cash over 10 times the amount due, and adds it only on yes', async () => {
    const { calls, tee } = await openSell();
    expect(tee.unitPrice).toBe(3_490_000);
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'F9' });
    });
    const dialog = await screen.findByTestId('payment-dialog');
    const amount = within(dialog).getByTestId('tender-amount') as HTMLInputElement;

    fireEvent.change(amount, { target: { value: '1000000000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    const confirm = await screen.findByTestId('cash-confirm');
    expect(confirm.textContent).toContain(cop(100_000_000_000));
    expect(confirm.textContent).toContain(cop(3_490_000));
    expect(within(dialog).queryByTestId('tender-list')).toBeNull();
    expect(document.activeElement).toBe(within(confirm).getByTestId('confirm-ok'));

    // No: nothing added, back to the amount.
    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-cancel'));
    });
    expect(screen.queryByTestId('cash-confirm')).toBeNull();
    expect(within(dialog).queryByTestId('tender-list')).toBeNull();
    expect(within(dialog).getByTestId('complete-sale')).toHaveProperty('disabled', true);

    // 10 times is still plausible (a big note for a small sale): no question.
    fireEvent.change(amount, { target: { value: '349000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    expect(screen.queryByTestId('cash-confirm')).toBeNull();
    expect(within(dialog).getByTestId('tender-line-0').textContent).toContain(cop(34_900_000));
    fireEvent.click(within(dialog).getByTestId('tender-remove-0'));

    fireEvent.change(amount, { target: { value: '1000000000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId('cash-confirm')).getByTestId('confirm-ok'));
    });
    expect(within(dialog).getByTestId('tender-line-0').textContent).toContain(cop(100_000_000_000));
    const change = within(dialog).getByTestId('change-due');
    expect(change.textContent).toBe(cop(100_000_000_000 - 3_490_000));
    // A long figure is set smaller so it fits its box.
    expect(change.dataset.size).toBe('medium');
    expect(callsOf(calls, 'sales.complete')).toEqual([]);
  });
});

describe('customer and parked sales by keyboard (item 13)', () => {
  it('puts focus on "Use this customer" after a search result is chosen with Enter', async () => {
    const pos = await openSell();
    // The first demo customer named Valentina, as main ranks them.
    const [first] = await pos.ask<CustomerSummary[]>('customers.search', { query: 'Valentina' });
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'F10' });
    });
    const dialog = await screen.findByTestId('customer-dialog');
    const search = within(dialog).getByTestId('customer-search');
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'Valentina' } });
    await within(dialog).findByTestId(`customer-result-${first!.id}`);
    await act(async () => {
      fireEvent.keyDown(search, { key: 'Enter' });
    });
    await waitFor(() => expect(within(dialog).getByTestId('customer-detail-name').textContent).toBe(first!.name));
    const attach = within(dialog).getByTestId('customer-attach');
    await waitFor(() => expect(document.activeElement).toBe(attach));
  });

  it('says the open sale will be parked before resuming another, and resumes only on yes', async () => {
    const { calls, tee, other } = await openSell();
    await scanBurst(other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'F8' });
    });
    const park = await screen.findByTestId('park-dialog');
    fireEvent.change(within(park).getByTestId('park-label'), { target: { value: 'Señora chaqueta roja' } });
    await act(async () => {
      fireEvent.click(within(park).getByTestId('park-submit'));
    });
    await waitFor(() => expect(lines()).toHaveLength(0));

    // A new sale with a line is open when the parked one is chosen.
    screen.getByTestId('scan-input').focus();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-parked'));
    });
    const list = await screen.findByTestId('parked-list');
    await act(async () => {
      fireEvent.click(within(list).getAllByRole('button')[0] as HTMLElement);
    });
    const confirm = await screen.findByTestId('resume-confirm');
    expect(confirm.textContent).toContain(`La venta en curso (1 línea, ${cop(tee.unitPrice)})`);
    expect(confirm.textContent).toContain('quedará en espera para retomar «Señora chaqueta roja»');
    expect(callsOf(calls, 'sales.resume')).toEqual([]);

    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-cancel'));
    });
    expect(callsOf(calls, 'sales.resume')).toEqual([]);
    expect(lines()[0]?.textContent).toContain(tee.name);

    await act(async () => {
      fireEvent.click(within(list).getAllByRole('button')[0] as HTMLElement);
    });
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId('resume-confirm')).getByTestId('confirm-ok'));
    });
    await waitFor(() => expect(lines()[0]?.textContent).toContain(other.name));
    expect(callsOf(calls, 'sales.resume')).toHaveLength(1);
    // The sale that was open is parked in its place.
    const parked = await screen.findByTestId('action-parked');
    expect(parked.textContent).toContain('En espera (1)');
    expect(screen.queryByTestId('parked-dialog')).toBeNull();
  });

  it('resumes straight away when the open sale is empty', async () => {
    const { calls, other } = await openSell();
    await scanBurst(other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'F8' });
    });
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId('park-dialog')).getByTestId('park-submit'));
    });
    await waitFor(() => expect(lines()).toHaveLength(0));
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-parked'));
    });
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId('parked-list')).getAllByRole('button')[0] as HTMLElement);
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(screen.queryByTestId('resume-confirm')).toBeNull();
    expect(callsOf(calls, 'sales.resume')).toHaveLength(1);
  });
});

describe('session and PIN messages (item 15)', () => {
  it('goes back to the login screen, without the old user, when a call says the session ended elsewhere', async () => {
    const pos = await openSell();
    const { tee, other, session, staff } = pos;
    expect(screen.getByTestId('topbar-user').textContent).toContain('Lucía Pérez');
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));

    // Signed out elsewhere (another window, an administrator): main forgets the session.
    session.current = null;
    screen.getByTestId('scan-input').focus();
    await scanBurst(other.barcode);

    await screen.findByTestId('screen-login');
    expect(callsOf(pos.calls, 'sales.scan').at(-1)).toEqual({ code: other.barcode, draftId: expect.any(Number) });
    expect(screen.queryByTestId('app-shell')).toBeNull();
    expect(screen.queryByTestId('topbar-user')).toBeNull();
    expect(screen.queryByTestId('scan-error')).toBeNull();
    expect(screen.getByTestId('session-ended').textContent).toContain('Su sesión terminó');

    // Signing in again returns to the sale, and the notice is gone.
    fireEvent.click(await screen.findByTestId(`staff-tile-${staff.cashier.id}`));
    for (const d of staff.cashier.pin) fireEvent.click(screen.getByTestId(`pin-key-${d}`));
    await act(async () => {
      fireEvent.click(screen.getByTestId('pin-enter'));
    });
    await screen.findByTestId('screen-sell');
    expect(screen.queryByTestId('session-ended')).toBeNull();
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]?.textContent).toContain(tee.name);
  });

  it('says the same about a wrong PIN and a locked user at login and in the approval dialog', async () => {
    // Cashier 2 locked out after five wrong PINs; the manager is fine.
    const lockUp = async (pos: RealPos, userId: number) => {
      for (let i = 0; i < 5; i++) await pos.services.staff.authenticate(userId, '9999').catch(() => undefined);
    };

    // At the login screen: the manager with a wrong PIN, the admin locked out.
    const login = await createRealPos({ now: new Date().toISOString() });
    await lockUp(login, login.staff.admin.id);
    const first = renderApp(login.api);
    fireEvent.click(await screen.findByTestId(`staff-tile-${login.staff.manager.id}`));
    for (const d of '9999') fireEvent.click(screen.getByTestId(`pin-key-${d}`));
    await act(async () => {
      fireEvent.click(screen.getByTestId('pin-enter'));
    });
    const loginWrong = (await screen.findByTestId('login-error')).textContent;
    fireEvent.click(screen.getByTestId('pin-back'));
    fireEvent.click(await screen.findByTestId(`staff-tile-${login.staff.admin.id}`));
    for (const d of login.staff.admin.pin) fireEvent.click(screen.getByTestId(`pin-key-${d}`));
    await act(async () => {
      fireEvent.click(screen.getByTestId('pin-enter'));
    });
    const loginLocked = (await screen.findByTestId('login-error')).textContent;
    first.unmount();

    // In the approval dialog of a discount above the threshold: main checks the PIN like a login, lock included.
    const pos = await openSell({ now: login.clock.now().toISOString() });
    await lockUp(pos, pos.staff.admin.id);
    await scanBurst(pos.tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: '%' });
    });
    const discount = await screen.findByTestId('discount-dialog');
    fireEvent.change(within(discount).getByTestId('discount-value'), { target: { value: '50' } });
    fireEvent.change(within(discount).getByTestId('discount-reason'), { target: { value: 'Prenda averiada' } });
    await act(async () => {
      fireEvent.click(within(discount).getByTestId('discount-submit'));
    });
    const approval = await screen.findByTestId('approval-dialog');
    const approve = async (userId: number, pin: string) => {
      fireEvent.click(await within(approval).findByTestId(`approval-user-${userId}`));
      fireEvent.change(within(approval).getByTestId('approval-pin'), { target: { value: pin } });
      await act(async () => {
        fireEvent.click(within(approval).getByTestId('approval-submit'));
      });
      return (await within(approval).findByTestId('approval-error')).textContent;
    };
    const approvalWrong = await approve(pos.staff.manager.id, '9999');
    const approvalLocked = await approve(pos.staff.admin.id, pos.staff.admin.pin);

    expect(loginWrong).toBe('PIN incorrecto. Le quedan 4 intentos.');
    expect(approvalWrong).toBe(loginWrong);
    expect(loginLocked).toMatch(/^Usuario bloqueado por demasiados intentos fallidos hasta /);
    expect(approvalLocked).toBe(loginLocked);
  });
});

describe('quantity in the variant picker (item 10)', () => {
  /** The picker of the demo T-shirt (product 1), and a cell of it in stock. */
  async function openPicker() {
    const pos = await openSell();
    const box = screen.getByTestId('scan-input');
    fireEvent.change(box, { target: { value: pos.grid.product.plu } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    return { ...pos, cell: pos.grid.cells.find((c) => c.stock > 0)!, picker: await screen.findByTestId('variant-picker') };
  }

  it('says what is wrong with a typed quantity and adds nothing', async () => {
    const { calls, picker, cell } = await openPicker();
    const quantity = within(picker).getByTestId('picker-quantity');
    for (const [typed, message] of [
      ['2.5', /«2\.5» no es un número entero/],
      ['-3', /al menos 1/],
      ['0', /al menos 1/],
      ['x', /«x» no es un número entero/],
      ['999999', /como máximo 9\.999/],
    ] as const) {
      fireEvent.change(quantity, { target: { value: typed } });
      expect(quantity).toHaveProperty('value', typed);
      expect(within(picker).getByTestId('picker-quantity-error').textContent, typed).toMatch(message);
      await act(async () => {
        fireEvent.click(within(picker).getByTestId(`variant-cell-${cell.variantId}`));
      });
    }
    expect(callsOf(calls, 'sales.addVariant')).toEqual([]);
  });

  it('asks before adding a very large quantity', async () => {
    const { calls, picker, cell, grid } = await openPicker();
    fireEvent.change(within(picker).getByTestId('picker-quantity'), { target: { value: '250' } });
    await act(async () => {
      fireEvent.click(within(picker).getByTestId(`variant-cell-${cell.variantId}`));
    });
    const confirm = await screen.findByTestId('picker-qty-confirm');
    expect(confirm.textContent).toContain(`¿Agregar 250 unidades de ${grid.product.name} a la venta?`);
    expect(callsOf(calls, 'sales.addVariant')).toEqual([]);
    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(callsOf(calls, 'sales.addVariant')).toMatchObject([{ variantId: cell.variantId, quantity: 250 }]);
    expect(screen.getByTestId(`line-qty-${lines()[0]?.dataset.lineId}`)).toHaveProperty('value', '250');
  });
});
