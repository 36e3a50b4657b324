import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Receipt } from '../../../shared/ipc/dto-sales';
import { formatMoney } from '../../../shared/money';
import { formatReceiptDate } from '../../../shared/receipt-labels';
import { printReceipt, ReceiptView } from './ReceiptView';

// happy-dom has no window.print: give it one per test, as a mock.
const originalPrint = Object.getOwnPropertyDescriptor(window, 'print');
function stubPrint(impl: () => void) {
  const print = vi.fn(impl);
  Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
  return print;
}

afterEach(() => {
  cleanup();
  if (originalPrint) Object.defineProperty(window, 'print', originalPrint);
  else Reflect.deleteProperty(window, 'print');
});

/** Prices include tax; two rates, a line and an order discount, card + cash with change. */
function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    copy: false,
    invoiceId: 7,
    invoiceNumber: 'R01-000123',
    date: '2026-11-25T15:04:00.000Z',
    storeName: 'Moda Ñandú',
    header: ['NIT 900.123.456-7', 'Calle 10 # 20-30, Bogotá'],
    footer: ['¡Gracias por su compra!'],
    registerCode: 'R01',
    cashier: 'Ana Gómez',
    customer: { name: 'José Peña Muñoz', document: 'CC 1020304050' },
    lines: [
      { name: 'Camiseta básica', plu: '100001', colorName: 'Azul marino', sizeCode: 'M', quantity: 2, unitPrice: 4_990_000,
        discountAmount: 998_000, total: 8_575_200, taxCode: 'IVA19' },
      { name: 'Calcetines niño', plu: '200002', colorName: 'Blanco', sizeCode: '8', quantity: 1, unitPrice: 1_200_000,
        discountAmount: 0, total: 1_140_000, taxCode: 'IVA5' },
    ],
    totals: {
      gross: 11_180_000,
      discount: 1_464_800,
      base: 8_291_764,
      tax: 1_423_436,
      total: 9_715_200,
      taxes: [
        { taxCode: 'IVA19', rateBp: 1900, base: 7_206_050, tax: 1_369_150 },
        { taxCode: 'IVA5', rateBp: 500, base: 1_085_714, tax: 54_286 },
      ],
      cashRounding: 0,
    },
    orderDiscount: 466_800,
    payments: [
      { method: 'card', amount: 5_000_000, tendered: null, reference: '123456' },
      { method: 'cash', amount: 4_715_200, tendered: 5_000_000, reference: null },
    ],
    change: 284_800,
    currency: 'COP',
    locale: 'es-CO',
    pricesIncludeTax: true,
    ...overrides,
  };
}

const cop = (minor: number) => formatMoney(minor, 'COP', 'es-CO');

describe('ReceiptView', () => {
  it('shows the number, date, cashier, customer, lines with colour and size, taxes per rate, total and change', () => {
    render(<ReceiptView receipt={receipt()} />);
    const view = screen.getByTestId('receipt-view');
    expect(view.getAttribute('lang')).toBe('es-CO');
    expect(screen.getByTestId('receipt-number').textContent).toBe('R01-000123');
    expect(view.textContent).toContain('Moda Ñandú');
    expect(view.textContent).toContain('Calle 10 # 20-30, Bogotá');
    expect(view.textContent).toContain(formatReceiptDate('2026-11-25T15:04:00.000Z', 'es-CO'));
    expect(view.textContent).toContain('Ana Gómez');
    expect(screen.getByTestId('receipt-customer').textContent).toContain('José Peña Muñoz');
    expect(screen.getByTestId('receipt-customer').textContent).toContain('CC 1020304050');

    const first = screen.getByTestId('receipt-line-0');
    expect(first.textContent).toContain('Camiseta básica');
    expect(first.querySelector('.receipt__variant')?.textContent).toBe('Azul marino / M');
    expect(first.textContent).toContain(`2 x ${cop(4_990_000)}${cop(9_980_000)}`);
    expect(first.textContent).toContain(`Descuento${cop(-998_000)}`);
    expect(screen.getByTestId('receipt-line-1').querySelector('.receipt__variant')?.textContent).toBe('Blanco / 8');
    expect(screen.getByTestId('receipt-line-1').textContent).toContain(`1 x ${cop(1_200_000)}${cop(1_200_000)}`);
    expect(screen.getByTestId('receipt-line-1').textContent).not.toContain('Descuento');

    expect(view.textContent).toContain(`Descuento en la venta${cop(-466_800)}`);
    const taxes = screen.getByTestId('receipt-taxes');
    expect(taxes.children).toHaveLength(2);
    expect(taxes.children[0]!.textContent).toContain(`Base ${cop(7_206_050)}`);
    expect(taxes.children[0]!.textContent).toContain(cop(1_369_150));
    expect(taxes.children[0]!.textContent).toMatch(/^IVA 19\s?%/);
    expect(taxes.children[1]!.textContent).toMatch(/^IVA 5\s?%/);
    expect(taxes.children[1]!.textContent).toContain(cop(54_286));
    expect(view.textContent).toContain('Precios con IVA incluido');

    expect(screen.getByTestId('receipt-total').textContent).toBe(cop(9_715_200));
    expect(screen.getByTestId('receipt-change').textContent).toBe(cop(284_800));
    const payments = screen.getByTestId('receipt-payments');
    expect(payments.textContent).toContain(`Tarjeta Ref. 123456${cop(5_000_000)}`);
    expect(payments.textContent).toContain(`Efectivo${cop(4_715_200)}`);
    expect(payments.textContent).toContain(`Recibido${cop(5_000_000)}`);
    expect(view.textContent).toContain('¡Gracias por su compra!');
  });

  it('renders the invoice number as a CODE128 SVG barcode in an <img> with a data: URL', () => {
    render(<ReceiptView receipt={receipt()} />);
    const img = screen.getByTestId('receipt-barcode') as HTMLImageElement;
    expect(img.tagName).toBe('IMG');
    expect(img.getAttribute('alt')).toBe('R01-000123');
    const src = img.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    // Bars are drawn as paths; a barcode of 10 characters has dozens of them.
    expect(svg.length).toBeGreaterThan(1_000);
  });

  it('uses English words and leaves out what a sale does not have', () => {
    render(
      <ReceiptView
        receipt={receipt({
          locale: 'en-US',
          currency: 'USD',
          customer: null,
          cashier: null,
          orderDiscount: 0,
          payments: [{ method: 'card', amount: 9_715_200, tendered: null, reference: '99' }],
          change: 0,
          pricesIncludeTax: false,
        })}
      />,
    );
    const view = screen.getByTestId('receipt-view');
    expect(view.textContent).toContain('Invoice');
    expect(view.textContent).toContain('Card Ref. 99');
    expect(screen.getByTestId('receipt-taxes').children[0]!.textContent).toMatch(/^VAT 19%/);
    expect(screen.queryByTestId('receipt-customer')).toBeNull();
    expect(screen.queryByTestId('receipt-change')).toBeNull();
    expect(view.textContent).not.toContain('Order discount');
    expect(view.textContent).not.toContain('Cashier');
    expect(screen.getByTestId('receipt-total').textContent).toBe('$97,152.00');
  });

  it("marks a reprint as a copy, in the store's language", () => {
    const { unmount } = render(<ReceiptView receipt={receipt({ copy: true })} />);
    expect(screen.getByTestId('receipt-copy').textContent).toBe('*** COPIA ***');
    unmount();
    render(<ReceiptView receipt={receipt()} />);
    expect(screen.queryByTestId('receipt-copy')).toBeNull();
  });

  it('shows cash rounding and the amount due', () => {
    const r = receipt({ change: 285_000 });
    r.totals = { ...r.totals, cashRounding: -200 };
    r.payments = [r.payments[0]!, { method: 'cash', amount: 4_715_000, tendered: 5_000_000, reference: null }];
    render(<ReceiptView receipt={r} />);
    const view = screen.getByTestId('receipt-view');
    expect(view.textContent).toContain(`Redondeo${cop(-200)}`);
    expect(view.textContent).toContain(`A pagar${cop(9_715_000)}`);
    expect(screen.getByTestId('receipt-change').textContent).toBe(cop(285_000));
  });
});

describe('printReceipt', () => {
  it('prints a copy of the receipt alone, then puts the page back', () => {
    render(
      <div data-testid="app">
        <ReceiptView receipt={receipt()} />
      </div>,
    );
    let duringPrint: { printing: boolean; copies: number; text: string } | null = null;
    const print = stubPrint(() => {
      const root = document.querySelector('body > .receipt-print-root');
      duringPrint = {
        printing: document.body.classList.contains('printing-receipt'),
        copies: root?.querySelectorAll('.receipt').length ?? 0,
        text: root?.textContent ?? '',
      };
    });
    printReceipt();
    expect(print).toHaveBeenCalledTimes(1);
    expect(duringPrint).toEqual({ printing: true, copies: 1, text: screen.getByTestId('receipt-view').textContent });
    expect(document.body.classList.contains('printing-receipt')).toBe(false);
    expect(document.querySelector('.receipt-print-root')).toBeNull();
    // The on-screen receipt is untouched and its test ids stay unique.
    expect(screen.getAllByTestId('receipt-number')).toHaveLength(1);
    expect(within(screen.getByTestId('app')).getByTestId('receipt-view')).toBeTruthy();
  });

  it('puts the page back even when printing fails, and prints the page when there is no receipt', () => {
    render(<ReceiptView receipt={receipt()} />);
    stubPrint(() => {
      throw new Error('no printer');
    });
    expect(() => printReceipt()).toThrow('no printer');
    expect(document.body.classList.contains('printing-receipt')).toBe(false);
    expect(document.querySelector('.receipt-print-root')).toBeNull();
    cleanup();

    const print = stubPrint(() => undefined);
    printReceipt();
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.body.classList.contains('printing-receipt')).toBe(false);
  });
});
