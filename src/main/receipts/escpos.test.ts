import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money';
import { barcodeModuleDots, encodeReceiptEscpos, type EscposOptions } from './escpos';
import { inspectEscpos } from './escpos-inspect';
import { formatReceiptDate, taxLabel } from '../../shared/receipt-labels';
import { sampleReceipt } from './sample-receipt';
import { leftRight, printable, wrap } from './text-layout';

const COLUMNS: EscposOptions['columns'][] = [32, 42, 48];

const indexOf = (haystack: Uint8Array, needle: number[]): number => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};
const bytesOf = (ascii: string) => [...ascii].map((c) => c.charCodeAt(0));
const money = (minor: number) => printable(formatMoney(minor, 'COP', 'es-CO'));

describe('encodeReceiptEscpos', () => {
  it('starts with ESC @, selects PC858 and ends with a cut', () => {
    const bytes = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: false });
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    const { commands } = inspectEscpos(bytes);
    // ESC t 19 is PC858 in the Epson character code table.
    expect(commands).toContain('ESC t 19');
    expect(indexOf(bytes, [0x1b, 0x74, 19])).toBeGreaterThan(0);
    expect(commands.at(-1)).toMatch(/^GS V /);
    expect(indexOf(bytes, [0x1d, 0x56])).toBeGreaterThan(0);
  });

  it('contains the invoice number as text and as a CODE128 barcode (GS k)', () => {
    const bytes = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: false });
    const reading = inspectEscpos(bytes);
    expect(indexOf(bytes, bytesOf('R01-000123'))).toBeGreaterThan(0);
    expect(reading.lines.some((l) => l.text.startsWith('Factura') && l.text.endsWith('R01-000123'))).toBe(true);
    // GS k 73 = CODE128 with a length byte; "{B" selects code set B.
    expect(reading.commands).toContain('GS k 73');
    expect(reading.barcodes).toEqual(['{BR01-000123']);
    expect(indexOf(bytes, [0x1d, 0x6b, 73, 12, ...bytesOf('{BR01-000123')])).toBeGreaterThan(0);
  });

  it('pulses the cash drawer (ESC p) only when asked', () => {
    const without = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: false });
    const withDrawer = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: true });
    expect(indexOf(without, [0x1b, 0x70])).toBe(-1);
    expect(inspectEscpos(without).commands).not.toContain('ESC p');
    const at = indexOf(withDrawer, [0x1b, 0x70]);
    expect(at).toBeGreaterThan(0);
    // Pin 2 (m = 0), 100 ms on, 500 ms off.
    expect([...withDrawer.slice(at, at + 5)]).toEqual([0x1b, 0x70, 0, 50, 250]);
    expect(inspectEscpos(withDrawer).commands.filter((c) => c === 'ESC p')).toHaveLength(1);
  });

  it('encodes Spanish letters and signs in PC858', () => {
    const bytes = encodeReceiptEscpos(sampleReceipt(), { columns: 42, openDrawer: false });
    // Bytes from the PC850/858 table: Ñ A5, ú A3, á A0, í A1, ó A2, ñ A4, ¿ A8, ¡ AD.
    expect(indexOf(bytes, [0x4d, 0x6f, 0x64, 0x61, 0x20, 0xa5, 0x61, 0x6e, 0x64, 0xa3])).toBeGreaterThan(0); // "Moda Ñandú"
    expect(indexOf(bytes, [...bytesOf('Bogot'), 0xa0])).toBeGreaterThan(0);
    expect(indexOf(bytes, [0xad, ...bytesOf('Gracias')])).toBeGreaterThan(0);
    expect(indexOf(bytes, [0xa8, ...bytesOf('Cambios?')])).toBeGreaterThan(0);
    expect(indexOf(bytes, [...bytesOf('Pe'), 0xa4, 0x61])).toBeGreaterThan(0); // "Peña"
    expect(indexOf(bytes, [...bytesOf('d'), 0xa1, ...bytesOf('as')])).toBeGreaterThan(0); // "días"
    // Nothing fell back to "?" except the one in "¿Cambios?".
    const text = inspectEscpos(bytes).lines.map((l) => l.text).join('\n');
    expect(text.match(/\?/g)).toHaveLength(1);
    expect(text).toContain('Moda Ñandú');
    expect(text).toContain('¡Gracias por su compra!');
    expect(text).toContain('José Peña Muñoz');
    // No UTF-8 sequences leaked through (0xC3 starts every UTF-8 encoded Latin-1 letter).
    expect(indexOf(bytes, [0xc3])).toBe(-1);
  });

  it.each(COLUMNS)('keeps every printed line within %i columns', (columns) => {
    const receipt = sampleReceipt({
      storeName: 'Almacén de Moda y Confecciones Ñandú Bogotá',
      cashier: 'María de los Ángeles Rodríguez Castañeda',
    });
    for (const openDrawer of [false, true]) {
      const { lines } = inspectEscpos(encodeReceiptEscpos(receipt, { columns, openDrawer }));
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect(line.columns, JSON.stringify(line.text)).toBeLessThanOrEqual(columns);
    }
  });

  it('prints lines with colour and size, discounts, taxes per rate, payments and change', () => {
    const columns = 48;
    const { lines } = inspectEscpos(encodeReceiptEscpos(sampleReceipt(), { columns, openDrawer: true }));
    const texts = lines.map((l) => l.text);
    const line = (start: string) => texts.find((t) => t.startsWith(start));

    expect(texts).toContain('Camiseta básica de algodón orgánico manga corta');
    expect(texts).toContain('cuello redondo');
    expect(line('  Azul marino / M  2 x ')).toBe(
      printable(leftRight(`  Azul marino / M  2 x ${formatMoney(4_990_000, 'COP', 'es-CO')}`, formatMoney(9_980_000, 'COP', 'es-CO'), columns)[0]!),
    );
    expect(line('  Blanco / 8  1 x ')?.endsWith(money(1_200_000))).toBe(true);
    expect(line('  Descuento')?.endsWith(money(-998_000))).toBe(true);
    expect(line('Subtotal')?.endsWith(money(11_180_000))).toBe(true);
    expect(line('Descuentos')?.endsWith(money(-998_000))).toBe(true);
    expect(line('Descuento en la venta')?.endsWith(money(-466_800))).toBe(true);
    expect(line('TOTAL')?.endsWith(money(9_715_200))).toBe(true);
    expect(line('Redondeo')?.endsWith(money(-200))).toBe(true);
    expect(line('A pagar')?.endsWith(money(9_715_000))).toBe(true);
    expect(texts).toContain('Precios con IVA incluido');
    const iva19 = `${printable(taxLabel(1900, 'es-CO'))}  Base ${money(7_206_050)}`;
    expect(line(iva19)).toBe(iva19.padEnd(columns - money(1_369_150).length) + money(1_369_150));
    expect(line(`${printable(taxLabel(500, 'es-CO'))}  Base`)?.endsWith(money(54_286))).toBe(true);
    expect(line('Tarjeta Ref. 123456')?.endsWith(money(5_000_000))).toBe(true);
    expect(line('Efectivo')?.endsWith(money(4_715_000))).toBe(true);
    expect(line('  Recibido')?.endsWith(money(5_000_000))).toBe(true);
    expect(line('Cambio')?.endsWith(money(285_000))).toBe(true);
    expect(line('Artículos')?.endsWith('3')).toBe(true);
    expect(line('Cajero')?.endsWith('Ana Gómez')).toBe(true);
    expect(line('Cliente')?.endsWith('José Peña Muñoz')).toBe(true);
    expect(texts).toContain('CC 1020304050'.padStart(columns));
    expect(line('Fecha')?.endsWith(printable(formatReceiptDate('2026-11-25T15:04:00.000Z', 'es-CO')))).toBe(true);
    // The store name is printed double width: 10 characters take 20 columns.
    expect(lines.find((l) => l.text.trim() === 'Moda Ñandú')?.columns).toBeGreaterThanOrEqual(20);
  });

  it('prints tax-exclusive taxes before the total and English labels for an English store', () => {
    const { lines } = inspectEscpos(
      encodeReceiptEscpos(sampleReceipt({ locale: 'en-US', currency: 'USD', pricesIncludeTax: false }), { columns: 42, openDrawer: false }),
    );
    const texts = lines.map((l) => l.text);
    const taxAt = texts.findIndex((t) => t.startsWith('VAT 19%'));
    const totalAt = texts.findIndex((t) => t.startsWith('TOTAL'));
    expect(taxAt).toBeGreaterThan(0);
    expect(taxAt).toBeLessThan(totalAt);
    expect(texts.some((t) => t.startsWith('Change') && t.endsWith('$2,850.00'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Card Ref. 123456'))).toBe(true);
    expect(texts).not.toContain('Prices include VAT');
  });

  it('leaves out the customer, change and discount lines when there are none', () => {
    const receipt = sampleReceipt({
      customer: null,
      cashier: null,
      orderDiscount: 0,
      payments: [{ method: 'card', amount: 9_715_200, tendered: null, reference: '999' }],
      change: 0,
    });
    receipt.lines = receipt.lines.map((l) => ({ ...l, discountAmount: 0 }));
    receipt.totals = { ...receipt.totals, discount: 0, cashRounding: 0 };
    const texts = inspectEscpos(encodeReceiptEscpos(receipt, { columns: 32, openDrawer: false })).lines.map((l) => l.text);
    for (const gone of ['Cliente', 'Cajero', 'Cambio', 'Descuento', 'Redondeo', 'A pagar']) {
      expect(texts.some((t) => t.trimStart().startsWith(gone)), gone).toBe(false);
    }
  });

  it('fits the CODE128 barcode on the paper', () => {
    // 10 characters: 12 x 11 + 13 + 20 quiet = 165 modules.
    expect(barcodeModuleDots('R01-000123', 32)).toBe(2); // 384 dots
    expect(barcodeModuleDots('R01-000123', 42)).toBe(3); // 512 dots
    expect(barcodeModuleDots('R01-000123', 48)).toBe(3); // 576 dots
    // A six-letter register code makes a longer number; 3-dot modules (594 dots) would overflow 512.
    expect(barcodeModuleDots('ABCDEF-000123', 42)).toBe(2);
    expect(inspectEscpos(encodeReceiptEscpos(sampleReceipt(), { columns: 32, openDrawer: false })).commands).toContain('GS w 2');
    expect(inspectEscpos(encodeReceiptEscpos(sampleReceipt(), { columns: 48, openDrawer: false })).commands).toContain('GS w 3');
  });
});

describe('text layout', () => {
  it('wraps words and splits words longer than a line', () => {
    expect(wrap('uno dos tres', 7)).toEqual(['uno dos', 'tres']);
    expect(wrap('supercalifragilístico', 8)).toEqual(['supercal', 'ifragilí', 'stico']);
    expect(wrap('', 8)).toEqual(['']);
  });

  it('never cuts an amount: the label wraps instead', () => {
    const lines = leftRight('Descuento en la venta especial', '-$ 1.234.567,00', 32);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(32);
    expect(lines.at(-1)?.endsWith('-$ 1.234.567,00')).toBe(true);
    expect(lines.join(' ')).toContain('Descuento en la venta');
  });

  it('makes text printable in a single-byte code page', () => {
    expect(printable('n\u0303')).toBe('ñ');
    expect(printable('“Sí” – ya…\u00a0ok 👕')).toBe('"Sí" - ya... ok ?');
    // Money keeps its no-break space while wrapping, so "$" never ends a line without its amount.
    expect(wrap('Total $\u00a01.234', 8)).toEqual(['Total', '$\u00a01.234']);
    expect(printable('a\u001bb')).toBe('ab');
  });
});
