import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors';
import type { CompleteOutcome } from '../../../shared/ipc/contract';
import type { SessionInfo } from '../../../shared/ipc/dto';
import { formatMoney } from '../../../shared/money';
import { barcodeOf, createFakePos, type FakePosOptions } from '../../test/fake-pos';
import { renderApp } from '../../test/render-app';
import { SCAN_MAX_GAP_MS } from './scanner';

const cashier: SessionInfo = { user: { id: 1, displayName: 'Ana Gómez', role: 'cashier' }, since: '2026-05-14T10:00:00.000Z' };
const cop = (minor: number) => formatMoney(minor, 'COP', 'es-CO');
const TSHIRT = 4990000;

async function openSell(options: FakePosOptions = {}, api?: (fake: ReturnType<typeof createFakePos>) => ReturnType<typeof createFakePos>['api']) {
  const fake = createFakePos({ session: cashier, ...options });
  const view = renderApp(api ? api(fake) : fake.api);
  await screen.findByTestId('screen-sell');
  await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sales.current')).toBe(true));
  return { ...fake, ...view };
}

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
const callsOf = (calls: Array<{ channel: string; input: unknown }>, channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);
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
    const { calls } = await openSell();
    expect(document.activeElement).toBe(screen.getByTestId('scan-input'));
    expect(screen.getByTestId('screen-sell').textContent).toContain('Escanee un código de barras');

    // Focus on a button, not the scan box: the scan is captured anyway.
    screen.getByTestId('action-history').focus();
    await scanBurst(barcodeOf(11));

    await waitFor(() => expect(lines()).toHaveLength(1));
    const line = screen.getByTestId(`cart-line-${lineId()}`);
    expect(line.textContent).toContain('Camiseta básica');
    expect(within(line).getByTestId(`line-color-${lineId()}`).textContent).toBe('Negro');
    expect(within(line).getByTestId(`line-size-${lineId()}`).textContent).toBe('Talla S');
    expect(within(line).getByTestId(`line-qty-${lineId()}`)).toHaveProperty('value', '1');
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(TSHIRT));
    expect(screen.getByTestId(`line-flash-${lineId()}`)).toBeTruthy();
    expect(callsOf(calls, 'sales.scan')).toEqual([{ code: barcodeOf(11), draftId: null }]);

    await scanBurst(barcodeOf(11));
    await waitFor(() => expect(screen.getByTestId(`line-qty-${lineId()}`)).toHaveProperty('value', '2'));
    expect(lines()).toHaveLength(1);
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(2 * TSHIRT));
    expect(screen.getByTestId('cart-totals').textContent).toContain('IVA 19');
  });

  it('scans what is typed in the scan box on Enter', async () => {
    const { calls } = await openSell();
    const box = screen.getByTestId('scan-input');
    fireEvent.change(box, { target: { value: barcodeOf(21) } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]?.textContent).toContain('Jean clásico');
    expect(box).toHaveProperty('value', '');
    expect(callsOf(calls, 'sales.scan')).toEqual([{ code: barcodeOf(21), draftId: null }]);
  });

  it('says clearly when a code is unknown, and the next scan still works', async () => {
    await openSell();
    await scanBurst('1234567');

    const error = await screen.findByTestId('scan-error');
    expect(error.textContent).toBe('No se encontró el código 1234567');
    expect(lines()).toHaveLength(0);

    await scanBurst(barcodeOf(14));
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(screen.queryByTestId('scan-error')).toBeNull();
  });

  it('refuses a barcode with a wrong check digit with its own message', async () => {
    const { calls } = await openSell();
    const good = barcodeOf(11);
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    await scanBurst(bad);
    const error = await screen.findByTestId('scan-error');
    expect(error.dataset.code).toBe('BARCODE_INVALID');
    expect(error.textContent).toContain(`El código ${bad} no es válido`);
    expect(callsOf(calls, 'sales.addVariant')).toEqual([]);
  });

  it('opens the variant picker for a typed PLU; Enter on a cell adds it, arrows move', async () => {
    const { calls } = await openSell();
    await scanBurst('1001');

    const picker = await screen.findByTestId('variant-picker');
    // Black M has no stock: shown apart, still selectable under the warn policy.
    const out = within(picker).getByTestId('variant-cell-12');
    expect(out.className).toContain('variant-cell--out');
    expect(out).toHaveProperty('disabled', false);
    // White L does not exist: no cell at all.
    expect(within(picker).getAllByRole('button').filter((b) => b.dataset.testid?.startsWith('variant-cell-'))).toHaveLength(5);

    expect(document.activeElement).toBe(within(picker).getByTestId('variant-cell-11'));
    press('ArrowDown');
    expect(document.activeElement).toBe(within(picker).getByTestId('variant-cell-14'));
    press('ArrowRight');
    expect(document.activeElement).toBe(within(picker).getByTestId('variant-cell-15'));
    await act(async () => {
      fireEvent.click(document.activeElement as HTMLElement);
    });

    await waitFor(() => expect(screen.queryByTestId('variant-picker')).toBeNull());
    expect(callsOf(calls, 'sales.addVariant')).toEqual([{ variantId: 15, quantity: 1, draftId: null }]);
    expect(lines()[0]?.textContent).toContain('Blanco');
  });

  it('shows products as you type; picking one and adding from the picker counts as a search pick', async () => {
    const { calls, state } = await openSell();
    const box = screen.getByTestId('scan-input');
    fireEvent.change(box, { target: { value: 'cami' } });

    const results = await screen.findByTestId('search-results');
    expect(within(results).getByTestId('search-result-1').textContent).toContain('Camiseta básica');
    expect(callsOf(calls, 'catalog.search')).toEqual([{ query: 'cami', limit: 8 }]);

    press('ArrowDown');
    await act(async () => {
      press('Enter');
    });
    const picker = await screen.findByTestId('variant-picker');
    fireEvent.change(within(picker).getByTestId('picker-quantity'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(within(picker).getByTestId('variant-cell-13'));
    });

    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(callsOf(calls, 'sales.addVariant')).toEqual([{ variantId: 13, quantity: 3, fromSearch: true, draftId: null }]);
    expect(state.searchPicks.get(1)).toBe(1);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('reopens the sale in progress when the screen opens (after a restart or a crash)', async () => {
    const fake = createFakePos({ session: cashier });
    await fake.api.sales.scan({ code: barcodeOf(22) });
    renderApp(fake.api);
    await waitFor(() => expect(screen.getByTestId('cart').querySelectorAll('[data-line-id]')).toHaveLength(1));
    expect(screen.getByTestId('cart').textContent).toContain('Jean clásico');
  });
});

describe('cart', () => {
  it('changes the selected line with + and -, removes it with Delete after confirming', async () => {
    const { calls } = await openSell();
    await scanBurst(barcodeOf(11));
    await scanBurst(barcodeOf(21));
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
    expect(confirm.textContent).toContain('Camiseta básica');
    await act(async () => {
      fireEvent.click(within(confirm).getByTestId('confirm-ok'));
    });
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(callsOf(calls, 'sales.removeLine')).toEqual([{ lineId: first }]);
    expect(screen.getByTestId(`cart-line-${second}`)).toBeTruthy();
  });

  it('warns on a line short of stock, and under the block policy says how many are left', async () => {
    await openSell({ stock: { 22: 0 } });
    await scanBurst(barcodeOf(22));
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(screen.getByTestId(`line-stock-warning-${lineId()}`).textContent).toContain('Falta 1 unidad');
    cleanup();

    await openSell({ settings: { stockPolicy: 'block' } });
    await scanBurst(barcodeOf(22));
    await scanBurst(barcodeOf(22));
    const error = await screen.findByTestId('scan-error');
    expect(error.textContent).toBe('No hay existencias suficientes: queda 1 unidad.');

    // From the picker: sold-out cells cannot be chosen, a quantity beyond stock is refused in the picker.
    await scanBurst('1001');
    const picker = await screen.findByTestId('variant-picker');
    expect(within(picker).getByTestId('variant-cell-12')).toHaveProperty('disabled', true);
    fireEvent.change(within(picker).getByTestId('picker-quantity'), { target: { value: '9' } });
    await act(async () => {
      fireEvent.click(within(picker).getByTestId('variant-cell-11'));
    });
    expect((await within(picker).findByTestId('picker-error')).textContent).toBe('No hay existencias suficientes: quedan 5 unidades.');
  });

  it('asks a manager for a discount above the threshold and retries with the approval', async () => {
    const { calls } = await openSell();
    await scanBurst(barcodeOf(11));
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
    expect(subject).toContain('Camiseta básica Negro S');
    expect(subject).toContain('Prenda con defecto');
    // Only managers and admins can approve.
    await waitFor(() => expect(within(approval).getByTestId('approval-user-2')).toBeTruthy());
    expect(within(approval).queryByTestId('approval-user-1')).toBeNull();

    fireEvent.click(within(approval).getByTestId('approval-user-2'));
    fireEvent.change(within(approval).getByTestId('approval-pin'), { target: { value: '0000' } });
    await act(async () => {
      fireEvent.click(within(approval).getByTestId('approval-submit'));
    });
    expect((await within(approval).findByTestId('approval-error')).textContent).toContain('PIN incorrecto');

    fireEvent.change(within(approval).getByTestId('approval-pin'), { target: { value: '1397' } });
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
      approval: { userId: 2, pin: '1397' },
    });
    expect(screen.getByTestId(`line-discount-${id}`).textContent).toContain(cop(998000));
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(TSHIRT - 998000));
    expect(screen.getByTestId(`cart-line-${id}`).textContent).toContain('Aprobado por Luis Pérez');
  });

  it('keeps the discount dialog open when the manager approval is cancelled', async () => {
    await openSell();
    await scanBurst(barcodeOf(11));
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
    expect(screen.getByTestId('cart-total').textContent).toBe(cop(TSHIRT));
  });

  it('asks for a reason before sending a discount', async () => {
    const { calls } = await openSell();
    await scanBurst(barcodeOf(11));
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
  async function ringUpOne(options: FakePosOptions = {}, api?: Parameters<typeof openSell>[1]) {
    const fake = await openSell(options, api);
    await scanBurst(barcodeOf(11));
    await waitFor(() => expect(lines()).toHaveLength(1));
    return fake;
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
    expect(amount.value).toBe('49900,00');

    fireEvent.click(within(dialog).getByTestId('tender-card'));
    fireEvent.change(amount, { target: { value: '20000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));
    expect(within(dialog).getByTestId('tender-reference-error')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('tender-reference'), { target: { value: 'AUT123' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));

    expect(complete).toHaveProperty('disabled', true);
    expect(within(dialog).getByTestId('payment-remaining').textContent).toBe(cop(2990000));

    fireEvent.click(within(dialog).getByTestId('tender-cash'));
    expect(amount.value).toBe('29900,00');
    fireEvent.change(amount, { target: { value: '50000' } });
    fireEvent.click(within(dialog).getByTestId('tender-add'));

    expect(complete).toHaveProperty('disabled', false);
    expect(within(dialog).getByTestId('change-due').textContent).toBe(cop(2010000));
    expect(callsOf(calls, 'sales.complete')).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('tender-remove-1'));
    expect(complete).toHaveProperty('disabled', true);
  });

  it('completes once with one completion key however often Complete is pressed', async () => {
    let release: (() => void) | undefined;
    const { calls } = await ringUpOne({}, (fake) => ({
      ...fake.api,
      sales: {
        ...fake.api.sales,
        complete: async (input) => {
          const result = fake.api.sales.complete(input);
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
    expect(completes[0]?.payments).toEqual([{ method: 'cash', amount: TSHIRT }]);
    expect(screen.getByTestId('receipt-number').textContent).toBe('C01-000001');
    expect(screen.getByTestId('sale-change').textContent).toBe(cop(0));
  });

  it('retries a completion whose answer was lost with the same key, and sells once', async () => {
    let lose = true;
    const { calls, state } = await ringUpOne({}, (fake) => ({
      ...fake.api,
      sales: {
        ...fake.api.sales,
        complete: async (input): Promise<Result<CompleteOutcome>> => {
          const result = await fake.api.sales.complete(input);
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
    const keys = (callsOf(calls, 'sales.complete') as Array<{ completionKey: string }>).map((c) => c.completionKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(state.sales).toHaveLength(1);
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
    expect(within(dialog).getByTestId('change-due').textContent).toBe(cop(5010000));
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('complete-sale'));
    });

    const done = await screen.findByTestId('sale-done');
    expect(within(done).getByTestId('sale-change').textContent).toBe(cop(5010000));
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
    await ringUpOne({}, (fake) => ({
      ...fake.api,
      sales: {
        ...fake.api.sales,
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
    const { calls } = await openSell();
    await scanBurst(barcodeOf(21));
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
    expect(lines()[0]?.textContent).toContain('Jean clásico');
    expect(screen.queryByTestId('parked-dialog')).toBeNull();
  });

  it('finds and attaches a customer, or creates one: the contract\'s rules in the form, main\'s refusal at its field', async () => {
    const { calls } = await openSell();
    expect(screen.getByTestId('customer-name').textContent).toBe('Consumidor final');
    await act(async () => {
      press('F10');
    });
    const dialog = await screen.findByTestId('customer-dialog');
    fireEvent.change(within(dialog).getByTestId('customer-search'), { target: { value: '8012' } });
    const result = await within(dialog).findByTestId('customer-result-1');
    await act(async () => {
      fireEvent.click(result);
    });
    await waitFor(() => expect(within(dialog).getByTestId('customer-detail-name').textContent).toBe('Carlos Rojas Díaz'));
    fireEvent.change(within(dialog).getByTestId('customer-billing'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('customer-attach'));
    });
    await waitFor(() => expect(screen.getByTestId('customer-name').textContent).toBe('Carlos Rojas Díaz'));
    expect(callsOf(calls, 'sales.setCustomer')).toEqual([{ draftId: null, customerId: 1, billingAddressId: 1, shippingAddressId: null }]);

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

    // Carlos already has this document: only main knows, and names the field.
    field('document', '80123456');
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
    const { calls } = await openSell();
    await act(async () => {
      press('F10');
    });
    const dialog = await screen.findByTestId('customer-dialog');
    fireEvent.change(within(dialog).getByTestId('customer-search'), { target: { value: '8012' } });
    await act(async () => {
      fireEvent.click(await within(dialog).findByTestId('customer-result-1'));
    });
    await waitFor(() => expect(within(dialog).getByTestId('customer-detail-name').textContent).toBe('Carlos Rojas Díaz'));
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
    expect(callsOf(calls, 'customers.addAddress')).toEqual([{ customerId: 1, kind: 'shipping', address: 'Carrera 7 # 45-10, Bogotá', zipCode: null, countryCode: 'CO' }]);
    const shipping = within(dialog).getByTestId<HTMLSelectElement>('customer-shipping');
    expect(shipping.selectedOptions[0]?.textContent).toBe('Carrera 7 # 45-10, Bogotá, CO');
  });

  it('lists recent sales and reprints one', async () => {
    const fake = createFakePos({ session: cashier });
    await fake.api.sales.scan({ code: barcodeOf(11) });
    const sale = await fake.api.sales.complete({ draftId: 1, payments: [{ method: 'cash', amount: TSHIRT }], completionKey: 'key-12345678' });
    if (!sale.ok) throw new Error('setup failed');
    renderApp(fake.api);
    await screen.findByTestId('screen-sell');

    await act(async () => {
      press('F12');
    });
    const history = await screen.findByTestId('history-dialog');
    const row = await within(history).findByTestId(`history-${sale.value.invoiceId}`);
    expect(row.textContent).toContain('C01-000001');
    await act(async () => {
      fireEvent.click(within(row).getByTestId(`reprint-${sale.value.invoiceId}`));
    });
    const reprint = await screen.findByTestId('reprint-dialog');
    expect(within(reprint).getByTestId('receipt-number').textContent).toBe('C01-000001');

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
