import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { CompleteOutcome } from '../../../shared/ipc/contract';
import type { CustomerDetail } from '../../../shared/ipc/dto-customers';
import type { SaleSummary, SellableVariant } from '../../../shared/ipc/dto-sales';
import { formatMoney } from '../../../shared/money';
import { callsOf, createRealPos, type RealPos, type RealPosOptions } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';
import { SCAN_MAX_GAP_MS } from './scanner';

const cop = (minor: number) => formatMoney(minor, 'COP', 'es-CO');

/**
 * What the tests sell, from the seeded demo store: a T-shirt (product 1,
 * IVA 19 %, prices include tax) and a garment of another product (product 3).
 */
function demoGoods(pos: RealPos) {
  const stocked = pos.stocked();
  const tee = stocked.find((v) => v.productId === 1)!;
  const other = stocked.find((v) => v.productId === 3)!;
  return { tee, other, grid: pos.services.catalog.grid(1) };
}

/** The Sell screen of the demo cashier; `before` runs on main's side before the screen opens, `wrap` stands between the screen and main. */
async function openSell(options: RealPosOptions = {}, wrap?: (pos: RealPos) => PosApi, before?: (pos: RealPos & ReturnType<typeof demoGoods>) => void | Promise<void>) {
  const pos = await createRealPos({ as: 'cashier', ...options });
  const goods = { ...pos, ...demoGoods(pos) };
  await before?.(goods);
  const view = renderApp(wrap ? wrap(pos) : pos.api);
  await screen.findByTestId('screen-sell');
  await waitFor(() => expect(pos.calls.some((c) => c.channel === 'sales.current')).toBe(true));
  return { ...goods, ...view };
}

/** A demo customer (national ID) with a billing address. */
async function customerWithBilling(pos: RealPos): Promise<CustomerDetail & { billingId: number }> {
  for (let id = 1; id <= 50; id++) {
    const c = await pos.ask<CustomerDetail>('customers.get', { id });
    const billing = c.addresses.find((a) => a.kind === 'billing');
    if (billing && c.documentType === 'NATIONAL_ID') return { ...c, billingId: billing.id };
  }
  throw new Error('the demo store has no customer with a billing address');
}

const lineText = (v: SellableVariant) => `${v.name} ${v.colorName} ${v.sizeCode}`;

/**
 * A barcode scanner: the characters and Enter in one fast burst, at whatever
 * has focus; in a text field each character lands as a browser would put it.
 */
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
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
/** Longer than a scanner's gap between keys: what follows is a person typing. */
const humanPause = () => new Promise((resolve) => setTimeout(resolve, SCAN_MAX_GAP_MS + 15));

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
});

describe('scanning', () => {
  it('adds a line for a scanned barcode wherever focus is, and a second scan adds one more', async () => {
    const { calls, tee } = await openSell();
    expect(document.activeElement).toBe(screen.getByTestId('scan-input'));
    expect(screen.getByTestId('screen-sell').textContent).toContain('Escanee un código de barras');

    // Focus on a button, not the scan box: the scan is captured anyway.
    screen.getByTestId('action-history').focus();
    await scanBurst(tee.barcode);

    await waitFor(() => expect(lines()).toHaveLength(1));
    const line = screen.getByTestId(`cart-line-${lineId()}`);
    expect(line.textContent).toContain(tee.name);
    expect(within(line).getByTestId(`line-color-${lineId()}`).textContent).toBe(tee.colorName);
    expect(within(line).getByTestId(`line-size-${lineId()}`).textContent).toBe(`Talla ${tee.sizeCode}`);
    expect(within(line).getByTestId(`line-qty-${lineId()}`)).toHaveProperty('value', '1');
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(tee.unitPrice));
    expect(screen.getByTestId(`line-flash-${lineId()}`)).toBeTruthy();
    expect(callsOf(calls, 'sales.scan')).toEqual([{ code: tee.barcode, draftId: null }]);

    await scanBurst(tee.barcode);
    await waitFor(() => expect(screen.getByTestId(`line-qty-${lineId()}`)).toHaveProperty('value', '2'));
    expect(lines()).toHaveLength(1);
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(2 * tee.unitPrice));
    // Prices include tax: 19 % of the total is IVA, rounded by main.
    expect(screen.getByTestId('cart-totals').textContent).toContain('IVA 19');
    expect(screen.getByTestId('cart-totals').textContent).toContain(cop(Math.round((2 * tee.unitPrice * 1900) / 11900)));
  });

  it('scans what is typed in the scan box on Enter', async () => {
    const { calls, other } = await openSell();
    const box = screen.getByTestId('scan-input');
    fireEvent.change(box, { target: { value: other.barcode } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]?.textContent).toContain(other.name);
    expect(box).toHaveProperty('value', '');
    expect(callsOf(calls, 'sales.scan')).toEqual([{ code: other.barcode, draftId: null }]);
  });

  it('says clearly when a code is unknown, and the next scan still works', async () => {
    const { other } = await openSell();
    await scanBurst('1234567');

    const error = await screen.findByTestId('scan-error');
    expect(error.textContent).toBe('No se encontró el código 1234567');
    expect(lines()).toHaveLength(0);

    await scanBurst(other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(screen.queryByTestId('scan-error')).toBeNull();
  });

  it('refuses a barcode with a wrong check digit with its own message', async () => {
    const { calls, tee } = await openSell();
    const good = tee.barcode;
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    await scanBurst(bad);
    const error = await screen.findByTestId('scan-error');
    expect(error.dataset.code).toBe('BARCODE_INVALID');
    expect(error.textContent).toContain(`El código ${bad} no es válido`);
    expect(callsOf(calls, 'sales.addVariant')).toEqual([]);
  });

  it('opens the variant picker for a typed PLU; Enter on a cell adds it, arrows move', async () => {
    const { calls, services } = await openSell({}, undefined, ({ db, grid }) => {
      // The T-shirt also comes in black, in its first size only: black in the other sizes is not made.
      db.sqlite
        .prepare(`INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, inventario, global_id, barcode) VALUES (1, (SELECT id_color FROM tblcolor WHERE color = 'Negro'), ?, 0, 'test-black', '2099999999994')`)
        .run(grid.sizes[0]!.id);
    });
    const grid = services.catalog.grid(1);
    expect(grid.colors.map((c) => c.name)).toContain('Negro');
    const cellAt = (color: number, size: number) => grid.cells.find((c) => c.colorId === grid.colors[color]!.id && c.sizeId === grid.sizes[size]!.id);
    const soldOut = grid.cells.find((c) => c.stock === 0)!;
    await scanBurst(grid.product.plu);

    const picker = await screen.findByTestId('variant-picker');
    // A variant with no stock: shown apart, still selectable under the warn policy.
    const out = within(picker).getByTestId(`variant-cell-${soldOut.variantId}`);
    expect(out.className).toContain('variant-cell--out');
    expect(out).toHaveProperty('disabled', false);
    // Black beyond the first size is not made: no cell at all, 25 cells in a 7 x 4 grid.
    const black = grid.colors.findIndex((c) => c.name === 'Negro');
    expect(cellAt(black, 1)).toBeUndefined();
    expect(grid.colors.length * grid.sizes.length).toBe(28);
    expect(within(picker).getAllByRole('button').filter((b) => b.dataset.testid?.startsWith('variant-cell-'))).toHaveLength(25);

    expect(document.activeElement).toBe(within(picker).getByTestId(`variant-cell-${cellAt(0, 0)!.variantId}`));
    press('ArrowDown');
    expect(document.activeElement).toBe(within(picker).getByTestId(`variant-cell-${cellAt(1, 0)!.variantId}`));
    press('ArrowRight');
    const chosen = cellAt(1, 1)!;
    expect(document.activeElement).toBe(within(picker).getByTestId(`variant-cell-${chosen.variantId}`));
    await act(async () => {
      fireEvent.click(document.activeElement as HTMLElement);
    });

    await waitFor(() => expect(screen.queryByTestId('variant-picker')).toBeNull());
    expect(callsOf(calls, 'sales.addVariant')).toEqual([{ variantId: chosen.variantId, quantity: 1, draftId: null }]);
    expect(lines()[0]?.textContent).toContain(grid.colors[1]!.name);
  });

  it('shows products as you type; picking one and adding from the picker counts as a search pick', async () => {
    const { calls, grid, services, db } = await openSell();
    const searches = (productId: number) => db.sqlite.prepare<[number], number>(`SELECT cantidad_Busquedas FROM tblproductos WHERE id_producto = ?`).pluck().get(productId);
    const box = screen.getByTestId('scan-input');
    fireEvent.change(box, { target: { value: 'cami' } });

    const results = await screen.findByTestId('search-results');
    expect(within(results).getByTestId('search-result-1').textContent).toContain(grid.product.name);
    expect(callsOf(calls, 'catalog.search')).toEqual([{ query: 'cami', limit: 8 }]);
    // The first hit main ranked, as the screen lists it.
    const first = Number(within(results).getAllByTestId(/^search-result-/)[0]!.dataset.testid!.replace('search-result-', ''));
    const before = searches(first);

    press('ArrowDown');
    await act(async () => {
      press('Enter');
    });
    const picker = await screen.findByTestId('variant-picker');
    const cell = services.catalog.grid(first).cells.find((c) => c.stock >= 3)!;
    fireEvent.change(within(picker).getByTestId('picker-quantity'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(within(picker).getByTestId(`variant-cell-${cell.variantId}`));
    });

    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(callsOf(calls, 'sales.addVariant')).toEqual([{ variantId: cell.variantId, quantity: 3, fromSearch: true, draftId: null }]);
    expect(searches(first)).toBe(before! + 1);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('reopens the sale in progress when the screen opens (after a restart or a crash)', async () => {
    const pos = await createRealPos({ as: 'cashier' });
    const { other } = demoGoods(pos);
    await pos.api.sales.scan({ code: other.barcode });
    renderApp(pos.api);
    await waitFor(() => expect(screen.getByTestId('cart').querySelectorAll('[data-line-id]')).toHaveLength(1));
    expect(screen.getByTestId('cart').textContent).toContain(other.name);
  });
});

describe('cart', () => {
  it('changes the selected line with + and -, removes it with Delete after confirming', async () => {
    const { calls, tee, other } = await openSell();
    await scanBurst(tee.barcode);
    await scanBurst(other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(2));
    const [first, second] = [lineId(0), lineId(1)];
    expect(lines()[1]?.getAttribute('aria-current')).toBe('true');

    await act(async () => {
      press('ArrowUp');
    });
    expect(lines()[0]?.getAttribute('aria-current')).toBe('true');
    await act(async () => {
      press('+');
    });
    await waitFor(() => expect(screen.getByTestId(`line-qty-${first}`)).toHaveProperty('value', '2'));
    await humanPause();
    await act(async () => {
      press('-');
    });
    await waitFor(() => expect(screen.getByTestId(`line-qty-${first}`)).toHaveProperty('value', '1'));
    await humanPause();
    expect(callsOf(calls, 'sales.setQuantity')).toEqual([
      { lineId: first, quantity: 2 },
      { lineId: first, quantity: 1 },
    ]);

    press('Delete');
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm.textContent).toContain(tee.name);
    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(callsOf(calls, 'sales.removeLine')).toEqual([{ lineId: first }]);
    expect(screen.getByTestId(`cart-line-${second}`)).toBeTruthy();
  });

  it('warns on a line short of stock, and under the block policy says how many are left', async () => {
    const first = await openSell({}, undefined, ({ other, setStock }) => setStock(other.variantId, 0));
    await scanBurst(first.other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(screen.getByTestId(`line-stock-warning-${lineId()}`).textContent).toContain('Falta 1 unidad');
    cleanup();

    const { other, grid } = await openSell({ settings: { stockPolicy: 'block' } }, undefined, ({ other, grid, setStock }) => {
      setStock(other.variantId, 1);
      setStock(grid.cells[0]!.variantId, 5);
    });
    await scanBurst(other.barcode);
    await scanBurst(other.barcode);
    const error = await screen.findByTestId('scan-error');
    expect(error.textContent).toBe('No hay existencias suficientes: queda 1 unidad.');

    // From the picker: sold-out cells cannot be chosen, a quantity beyond stock is refused in the picker.
    await scanBurst(grid.product.plu);
    const picker = await screen.findByTestId('variant-picker');
    const soldOut = grid.cells.find((c) => c.stock === 0)!;
    expect(within(picker).getByTestId(`variant-cell-${soldOut.variantId}`)).toHaveProperty('disabled', true);
    fireEvent.change(within(picker).getByTestId('picker-quantity'), { target: { value: '9' } });
    await act(async () => {
      fireEvent.click(within(picker).getByTestId(`variant-cell-${grid.cells[0]!.variantId}`));
    });
    expect((await within(picker).findByTestId('picker-error')).textContent).toBe('No hay existencias suficientes: quedan 5 unidades.');
  });

  it('asks a manager for a discount above the threshold and retries with the approval', async () => {
    const { calls, tee, staff } = await openSell();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    const id = lineId();

    fireEvent.click(screen.getByTestId('action-line-discount'));
    const dialog = await screen.findByTestId('discount-dialog');
    fireEvent.change(within(dialog).getByTestId('discount-value'), { target: { value: '20' } });
    fireEvent.change(within(dialog).getByTestId('discount-reason'), { target: { value: 'Prenda con defecto' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('discount-submit'));
    });

    const approval = await screen.findByTestId('approval-dialog');
    expect(callsOf(calls, 'sales.setLineDiscount')).toEqual([{ lineId: id, discount: { kind: 'percent', percentBp: 2000, reason: 'Prenda con defecto' } }]);
    const subject = within(approval).getByTestId('approval-subject').textContent ?? '';
    expect(subject).toContain(lineText(tee));
    expect(subject).toContain('Prenda con defecto');
    // Only managers and admins can approve.
    await waitFor(() => expect(within(approval).getByTestId(`approval-user-${staff.manager.id}`)).toBeTruthy());
    expect(within(approval).getByTestId(`approval-user-${staff.admin.id}`)).toBeTruthy();
    expect(within(approval).queryByTestId(`approval-user-${staff.cashier.id}`)).toBeNull();

    fireEvent.click(within(approval).getByTestId(`approval-user-${staff.manager.id}`));
    fireEvent.change(within(approval).getByTestId('approval-pin'), { target: { value: '0000' } });
    await act(async () => {
      fireEvent.click(within(approval).getByTestId('approval-submit'));
    });
    expect((await within(approval).findByTestId('approval-error')).textContent).toContain('PIN incorrecto');

    fireEvent.change(within(approval).getByTestId('approval-pin'), { target: { value: staff.manager.pin } });
    await act(async () => {
      fireEvent.click(within(approval).getByTestId('approval-submit'));
    });

    await waitFor(() => expect(screen.queryByTestId('approval-dialog')).toBeNull());
    expect(screen.queryByTestId('discount-dialog')).toBeNull();
    const retries = callsOf(calls, 'sales.setLineDiscount');
    expect(retries).toHaveLength(3);
    expect(retries[2]).toEqual({
      lineId: id,
      discount: { kind: 'percent', percentBp: 2000, reason: 'Prenda con defecto' },
      approval: { userId: staff.manager.id, pin: staff.manager.pin },
    });
    // 20 % of 34.900 is 6.980: main's figures.
    expect(tee.unitPrice).toBe(3490000);
    expect(screen.getByTestId(`line-discount-${id}`).textContent).toContain(cop(698000));
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(2792000));
    expect(screen.getByTestId(`cart-line-${id}`).textContent).toContain('Aprobado por Carlos Gómez');
  });

  it('keeps the discount dialog open when the manager approval is cancelled', async () => {
    const { tee } = await openSell();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    await act(async () => {
      press('F11');
    });
    const dialog = await screen.findByTestId('discount-dialog');
    expect(dialog.querySelector('form')?.dataset.scope).toBe('order');
    fireEvent.click(within(dialog).getByTestId('discount-kind-amount'));
    fireEvent.change(within(dialog).getByTestId('discount-value'), { target: { value: '20000' } });
    fireEvent.change(within(dialog).getByTestId('discount-reason'), { target: { value: 'Promoción' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('discount-submit'));
    });
    const approval = await screen.findByTestId('approval-dialog');
    await act(async () => {
      fireEvent.keyDown(within(approval).getByTestId('approval-pin'), { key: 'Escape' });
    });
    expect(screen.queryByTestId('approval-dialog')).toBeNull();
    expect(screen.getByTestId('discount-dialog')).toBeTruthy();
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(tee.unitPrice));
  });

  it('asks for a reason before sending a discount', async () => {
    const { calls, tee } = await openSell();
    await scanBurst(tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('action-line-discount'));
    const dialog = await screen.findByTestId('discount-dialog');
    fireEvent.change(within(dialog).getByTestId('discount-value'), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByTestId('discount-submit'));
    expect(within(dialog).getByTestId('discount-reason-error').textContent).toBe('Escriba el motivo.');
    expect(callsOf(calls, 'sales.setLineDiscount')).toEqual([]);
  });
});

describe('payment', () => {
  /** One T-shirt (34.900) rung up. */
  async function ringUpOne(options: RealPosOptions = {}, wrap?: Parameters<typeof openSell>[1]) {
    const pos = await openSell(options, wrap);
    expect(pos.tee.unitPrice).toBe(3490000);
    await scanBurst(pos.tee.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    return pos;
  }

  it('keeps Complete disabled until split tenders cover the total, and shows the change', async () => {
    const { calls } = await ringUpOne();
    await act(async () => {
      press('F9');
    });
    const dialog = await screen.findByTestId('payment-dialog');
    const complete = within(dialog).getByTestId('complete-sale');
    expect(complete).toHaveProperty('disabled', true);
    const amount = within(dialog).getByTestId('tender-amount') as HTMLInputElement;
    expect(amount.value).toBe('34900,00');

    fireEvent.click(within(dialog).getByTestId('tender-card'));
    fireEvent.change(amount, { target: { value: '20000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    expect(within(dialog).getByTestId('tender-reference-error')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('tender-reference'), { target: { value: 'AUT123' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));

    expect(complete).toHaveProperty('disabled', true);
    expect(within(dialog).getByTestId('payment-remaining').textContent).toBe(cop(1490000));

    fireEvent.click(within(dialog).getByTestId('tender-cash'));
    expect(amount.value).toBe('14900,00');
    fireEvent.change(amount, { target: { value: '50000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));

    expect(complete).toHaveProperty('disabled', false);
    expect(within(dialog).getByTestId('change-due').textContent).toBe(cop(3510000));
    expect(callsOf(calls, 'sales.complete')).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('tender-remove-1'));
    expect(complete).toHaveProperty('disabled', true);
  });

  it('completes once with one completion key however often Complete is pressed', async () => {
    let release: (() => void) | undefined;
    const { calls } = await ringUpOne({}, ({ api }) => ({
      ...api,
      sales: {
        ...api.sales,
        complete: async (input) => {
          const result = api.sales.complete(input);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return result;
        },
      },
    }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('pay'));
    });
    const dialog = await screen.findByTestId('payment-dialog');
    fireEvent.click(within(dialog).getByTestId('quick-cash-exact'));
    const complete = within(dialog).getByTestId('complete-sale');
    expect(complete).toHaveProperty('disabled', false);

    await act(async () => {
      fireEvent.click(complete);
      fireEvent.click(complete);
      fireEvent.keyDown(complete, { key: 'F9' });
    });
    expect(complete).toHaveProperty('disabled', true);
    await act(async () => {
      release?.();
    });

    expect(await screen.findByTestId('receipt-view')).toBeTruthy();
    const completes = callsOf(calls, 'sales.complete') as Array<{ completionKey: string; payments: unknown }>;
    expect(completes).toHaveLength(1);
    expect(completes[0]?.completionKey).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(completes[0]?.payments).toEqual([{ method: 'cash', amount: 3490000 }]);
    expect(screen.getByTestId('receipt-number').textContent).toBe('R01-000001');
    expect(screen.getByTestId('sale-change').textContent).toBe(cop(0));
  });

  it('retries a completion whose answer was lost with the same key, and sells once', async () => {
    let lose = true;
    // The transport loses main's answer once: the sale was made, the screen did not hear so.
    const pos = await ringUpOne({}, ({ api }) => ({
      ...api,
      sales: {
        ...api.sales,
        complete: async (input): Promise<Result<CompleteOutcome>> => {
          const result = await api.sales.complete(input);
          if (!lose) return result;
          lose = false;
          return { ok: false, error: { code: 'INTERNAL', message: 'bridge went away', details: { network: true } } };
        },
      },
    }));
    await act(async () => {
      press('F9');
    });
    const dialog = await screen.findByTestId('payment-dialog');
    fireEvent.click(within(dialog).getByTestId('tender-transfer'));
    fireEvent.change(within(dialog).getByTestId('tender-reference'), { target: { value: 'TRX-9' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('complete-sale'));
    });
    expect((await within(dialog).findByTestId('payment-error')).textContent).toContain('No hay comunicación');

    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('complete-sale'));
    });
    await screen.findByTestId('receipt-view');
    const keys = (callsOf(pos.calls, 'sales.complete') as Array<{ completionKey: string }>).map((c) => c.completionKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await pos.ask<SaleSummary[]>('sales.history')).toEqual([expect.objectContaining({ invoiceNumber: 'R01-000001', total: 3490000, state: 'COMPLETED' })]);
  });

  it('after a cash sale prints to the thermal printer with the drawer, or says none is configured; Enter starts a new sale', async () => {
    const { calls } = await ringUpOne();
    await act(async () => {
      press('F9');
    });
    const dialog = await screen.findByTestId('payment-dialog');
    fireEvent.change(within(dialog).getByTestId('tender-amount'), { target: { value: '100.000' } });
    await act(async () => {
      fireEvent.submit(within(dialog).getByTestId('tender-amount').closest('form') as HTMLFormElement);
    });
    expect(within(dialog).getByTestId('change-due').textContent).toBe(cop(6510000));
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('complete-sale'));
    });

    const done = await screen.findByTestId('sale-done');
    expect(within(done).getByTestId('sale-change').textContent).toBe(cop(6510000));
    await act(async () => {
      fireEvent.click(within(done).getByTestId('print-thermal'));
    });
    expect(callsOf(calls, 'sales.printThermal')).toEqual([{ invoiceId: expect.any(Number), openDrawer: true }]);
    expect((await within(done).findByTestId('thermal-status')).textContent).toContain('No hay impresora térmica configurada');

    expect(document.activeElement).toBe(within(done).getByTestId('new-sale'));
    // Enter means "next sale" even with focus on a print button.
    within(done).getByTestId('print-thermal').focus();
    press('Enter');
    expect(screen.queryByTestId('sale-done')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('scan-input'));
    expect(lines()).toHaveLength(0);
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(0));
  });

  it('translates a short payment with what is still due', async () => {
    // Main's answer when the payments fall short (the dialog itself never sends a short payment).
    await ringUpOne({}, ({ api }) => ({
      ...api,
      sales: {
        ...api.sales,
        complete: async () => ({ ok: false, error: { code: 'PAYMENT_SHORT', message: 'short', details: { remaining: 1000000 } } }),
      },
    }));
    await act(async () => {
      press('F9');
    });
    const dialog = await screen.findByTestId('payment-dialog');
    fireEvent.click(within(dialog).getByTestId('quick-cash-exact'));
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('complete-sale'));
    });
    expect((await within(dialog).findByTestId('payment-error')).textContent).toBe(`Los pagos no cubren el total: faltan ${cop(1000000)}.`);
  });
});

describe('park, customers, history', () => {
  it('parks the sale with F8 and resumes it from the parked list', async () => {
    const { calls, other } = await openSell();
    await scanBurst(other.barcode);
    await waitFor(() => expect(lines()).toHaveLength(1));

    await act(async () => {
      press('F8');
    });
    const park = await screen.findByTestId('park-dialog');
    fireEvent.change(within(park).getByTestId('park-label'), { target: { value: 'Señora chaqueta roja' } });
    await act(async () => {
      fireEvent.click(within(park).getByTestId('park-submit'));
    });
    await waitFor(() => expect(lines()).toHaveLength(0));
    expect(callsOf(calls, 'sales.park')).toEqual([{ draftId: expect.any(Number), label: 'Señora chaqueta roja' }]);
    await waitFor(() => expect(screen.getByTestId('action-parked').textContent).toContain('En espera (1)'));

    await act(async () => {
      fireEvent.click(screen.getByTestId('action-parked'));
    });
    const list = await screen.findByTestId('parked-list');
    const item = within(list).getAllByRole('button')[0] as HTMLElement;
    expect(item.textContent).toContain('Señora chaqueta roja');
    await act(async () => {
      fireEvent.click(item);
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]?.textContent).toContain(other.name);
    expect(screen.queryByTestId('parked-dialog')).toBeNull();
  });

  it('finds and attaches a customer, or creates one: the contract\'s rules in the form, main\'s refusal at its field', async () => {
    const pos = await openSell();
    const { calls } = pos;
    const customer = await customerWithBilling(pos);
    expect(screen.getByTestId('customer-name').textContent).toBe('Consumidor final');
    await act(async () => {
      press('F10');
    });
    const dialog = await screen.findByTestId('customer-dialog');
    fireEvent.change(within(dialog).getByTestId('customer-search'), { target: { value: customer.document! } });
    const result = await within(dialog).findByTestId(`customer-result-${customer.id}`);
    await act(async () => {
      fireEvent.click(result);
    });
    await waitFor(() => expect(within(dialog).getByTestId('customer-detail-name').textContent).toBe(customer.name));
    fireEvent.change(within(dialog).getByTestId('customer-billing'), { target: { value: String(customer.billingId) } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('customer-attach'));
    });
    await waitFor(() => expect(screen.getByTestId('customer-name').textContent).toBe(customer.name));
    expect(callsOf(calls, 'sales.setCustomer')).toEqual([{ draftId: null, customerId: customer.id, billingAddressId: customer.billingId, shippingAddressId: null }]);

    await act(async () => {
      fireEvent.click(screen.getByTestId('customer-button'));
    });
    const again = await screen.findByTestId('customer-dialog');
    fireEvent.click(within(again).getByTestId('customer-new'));
    const form = await within(again).findByTestId('customer-form');
    await waitFor(() => expect(within(form).getByTestId('customer-field-countryCode')).toHaveProperty('value', 'CO'));
    expect(within(form).getByRole('option', { name: 'Estados Unidos' })).toBeTruthy();
    const field = (name: string, value: string) => fireEvent.change(within(form).getByTestId(`customer-field-${name}`), { target: { value } });
    const create = async () => {
      await act(async () => {
        fireEvent.click(within(form).getByTestId('customer-create'));
      });
    };
    // The contract's NewCustomerSchema, in the form: every field's problem at once, nothing sent.
    field('document', '1020304050');
    field('lastName', 'Gil');
    field('email', 'laura@');
    field('phone', '300 123 4567');
    await create();
    expect(within(form).getByTestId('customer-error-firstName').textContent).toBe('Escriba el nombre.');
    expect(within(form).getByTestId('customer-error-email').textContent).toBe('El correo electrónico no es válido.');
    expect(within(form).getByTestId('customer-error-phoneTypeCode').textContent).toBe('Elija el tipo de teléfono.');
    expect(within(form).queryByTestId('customer-error-document')).toBeNull();
    expect(callsOf(calls, 'customers.create')).toEqual([]);

    // A customer of the store already has this document: only main knows, and names the field.
    field('document', customer.document!);
    field('firstName', 'Laura');
    field('email', 'laura@example.com');
    field('phoneTypeCode', 'MOBILE');
    expect(within(form).queryByTestId('customer-error-firstName')).toBeNull();
    await create();
    expect((await within(form).findByTestId('customer-error-document')).textContent).toBe('Ya existe un cliente con ese documento.');
    expect(callsOf(calls, 'customers.create')).toHaveLength(1);

    field('document', '1020304050');
    await act(async () => {
      fireEvent.click(within(form).getByTestId('customer-create'));
    });
    await waitFor(() => expect(screen.getByTestId('customer-name').textContent).toBe('Laura Gil'));
    const found = await pos.ask<Array<{ id: number; name: string; document: string; email: string | null }>>('customers.search', { query: '1020304050' });
    expect(found).toEqual([expect.objectContaining({ name: 'Laura Gil', document: '1020304050', email: 'laura@example.com' })]);
    const created = callsOf(calls, 'customers.create').at(-1);
    expect(created).toEqual({
      documentTypeCode: 'NATIONAL_ID',
      document: '1020304050',
      firstName: 'Laura',
      middleName: null,
      lastName: 'Gil',
      secondLastName: null,
      email: 'laura@example.com',
      phoneTypeCode: 'MOBILE',
      phone: '300 123 4567',
      countryCode: 'CO',
    });
  });

  it('adds an address to a customer, the contract\'s rules checked in the form first', async () => {
    const pos = await openSell();
    const { calls } = pos;
    const customer = await customerWithBilling(pos);
    await act(async () => {
      press('F10');
    });
    const dialog = await screen.findByTestId('customer-dialog');
    fireEvent.change(within(dialog).getByTestId('customer-search'), { target: { value: customer.document! } });
    await act(async () => {
      fireEvent.click(await within(dialog).findByTestId(`customer-result-${customer.id}`));
    });
    await waitFor(() => expect(within(dialog).getByTestId('customer-detail-name').textContent).toBe(customer.name));
    fireEvent.click(within(dialog).getByTestId('address-new'));
    const form = within(dialog).getByTestId('address-form');
    const submit = async () => {
      await act(async () => {
        fireEvent.click(within(form).getByTestId('address-submit'));
      });
    };
    fireEvent.change(within(form).getByTestId('address-kind'), { target: { value: 'shipping' } });
    fireEvent.change(within(form).getByTestId('address-text'), { target: { value: 'Cl 1' } });
    fireEvent.change(within(form).getByTestId('address-zip'), { target: { value: '11#' } });
    await submit();
    expect(within(form).getByTestId('address-error-address').textContent).toBe('La dirección es muy corta.');
    expect(within(form).getByTestId('address-error-zipCode').textContent).toBe('Código postal: de 3 a 10 letras o dígitos.');
    expect(callsOf(calls, 'customers.addAddress')).toEqual([]);

    fireEvent.change(within(form).getByTestId('address-text'), { target: { value: 'Carrera 7 # 45-10, Bogotá' } });
    fireEvent.change(within(form).getByTestId('address-zip'), { target: { value: '' } });
    expect(within(form).queryByTestId('address-error-address')).toBeNull();
    await submit();
    await waitFor(() => expect(within(dialog).queryByTestId('address-form')).toBeNull());
    expect(callsOf(calls, 'customers.addAddress')).toEqual([{ customerId: customer.id, kind: 'shipping', address: 'Carrera 7 # 45-10, Bogotá', zipCode: null, countryCode: 'CO' }]);
    expect((await pos.ask<CustomerDetail>('customers.get', { id: customer.id })).addresses).toContainEqual(expect.objectContaining({ kind: 'shipping', address: 'Carrera 7 # 45-10, Bogotá', zipCode: null }));
    const shipping = within(dialog).getByTestId<HTMLSelectElement>('customer-shipping');
    expect(shipping.selectedOptions[0]?.textContent).toBe('Carrera 7 # 45-10, Bogotá, CO');
  });

  it('lists recent sales and reprints one', async () => {
    const pos = await createRealPos({ as: 'cashier' });
    const { tee } = demoGoods(pos);
    const scanned = await pos.api.sales.scan({ code: tee.barcode });
    if (!scanned.ok || scanned.value.kind !== 'added') throw new Error('setup failed');
    const sale = await pos.api.sales.complete({ draftId: scanned.value.cart.draftId!, payments: [{ method: 'cash', amount: tee.unitPrice }], completionKey: 'key-12345678' });
    if (!sale.ok) throw new Error('setup failed');
    renderApp(pos.api);
    await screen.findByTestId('screen-sell');

    await act(async () => {
      press('F12');
    });
    const history = await screen.findByTestId('history-dialog');
    const row = await within(history).findByTestId(`history-${sale.value.invoiceId}`);
    expect(row.textContent).toContain('R01-000001');
    expect(row.textContent).toContain(cop(tee.unitPrice));
    await act(async () => {
      fireEvent.click(within(row).getByTestId(`reprint-${sale.value.invoiceId}`));
    });
    const reprint = await screen.findByTestId('reprint-dialog');
    expect(within(reprint).getByTestId('receipt-number').textContent).toBe('R01-000001');

    // Escape closes the top dialog only: back to the list, then out of it.
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(screen.queryByTestId('reprint-dialog')).toBeNull();
    expect(screen.getByTestId('history-dialog')).toBeTruthy();
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(screen.queryByTestId('history-dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('scan-input'));
  });
});
