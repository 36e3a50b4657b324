/**
 * A receipt fixture for tests of the encoders and layouts: Spanish text with
 * ñ, accents, ¿ and ¡, two tax rates, a line and an order discount, cash
 * rounding and a split cash + card payment with change. Its numbers add up
 * the way the pricing service makes them add up (prices include tax).
 */
import type { Receipt } from '../../shared/ipc/dto-sales';

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    copy: false,
    invoiceId: 7,
    invoiceNumber: 'R01-000123',
    date: '2026-11-25T15:04:00.000Z',
    storeName: 'Moda Ñandú',
    header: ['NIT 900.123.456-7', 'Calle 10 # 20-30, Bogotá'],
    footer: ['¡Gracias por su compra!', '¿Cambios? 30 días con la factura.'],
    registerCode: 'R01',
    cashier: 'Ana Gómez',
    customer: { name: 'José Peña Muñoz', document: 'CC 1020304050' },
    lines: [
      {
        name: 'Camiseta básica de algodón orgánico manga corta cuello redondo',
        plu: '100001',
        colorName: 'Azul marino',
        sizeCode: 'M',
        quantity: 2,
        unitPrice: 4_990_000,
        discountAmount: 998_000,
        total: 8_575_200,
        taxCode: 'IVA19',
      },
      {
        name: 'Calcetines niño',
        plu: '200002',
        colorName: 'Blanco',
        sizeCode: '8',
        quantity: 1,
        unitPrice: 1_200_000,
        discountAmount: 0,
        total: 1_140_000,
        taxCode: 'IVA5',
      },
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
      cashRounding: -200,
    },
    orderDiscount: 466_800,
    payments: [
      { method: 'card', amount: 5_000_000, tendered: null, reference: '123456' },
      { method: 'cash', amount: 4_715_000, tendered: 5_000_000, reference: null },
    ],
    change: 285_000,
    currency: 'COP',
    locale: 'es-CO',
    pricesIncludeTax: true,
    ...overrides,
  };
}
