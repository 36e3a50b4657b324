/**
 * Words printed on a receipt, in the store's language (receipt.locale), not
 * the cashier's UI language: the customer takes the paper home.
 *
 * Shared by the ESC/POS encoder in main and the HTML receipt in the renderer,
 * so both print the same words. Keep it pure: no imports.
 */

export interface ReceiptLabels {
  invoice: string;
  date: string;
  register: string;
  cashier: string;
  customer: string;
  discount: string;
  orderDiscount: string;
  subtotal: string;
  discounts: string;
  tax: string;
  exempt: string;
  taxBase: string;
  taxIncluded: string;
  total: string;
  rounding: string;
  amountDue: string;
  payments: string;
  tendered: string;
  reference: string;
  change: string;
  items: string;
  /** Printed large on a reprint, so a copy is never taken for a second sale. */
  copy: string;
  method: Record<'cash' | 'card' | 'transfer' | 'store_credit', string>;
  /** Short names of tbltipo_documento codes, as printed before the number. */
  documentType: Record<string, string>;
}

const es: ReceiptLabels = {
  invoice: 'Factura',
  date: 'Fecha',
  register: 'Caja',
  cashier: 'Cajero',
  customer: 'Cliente',
  discount: 'Descuento',
  orderDiscount: 'Descuento en la venta',
  subtotal: 'Subtotal',
  discounts: 'Descuentos',
  tax: 'IVA',
  exempt: 'Exento',
  taxBase: 'Base',
  taxIncluded: 'Precios con IVA incluido',
  total: 'TOTAL',
  rounding: 'Redondeo',
  amountDue: 'A pagar',
  payments: 'Pagos',
  tendered: 'Recibido',
  reference: 'Ref.',
  change: 'Cambio',
  items: 'Artículos',
  copy: '*** COPIA ***',
  method: { cash: 'Efectivo', card: 'Tarjeta', transfer: 'Transferencia', store_credit: 'Saldo a favor' },
  documentType: { NATIONAL_ID: 'CC', TAX_ID: 'NIT', FOREIGNER_ID: 'CE', PASSPORT: 'Pasaporte' },
};

const en: ReceiptLabels = {
  invoice: 'Invoice',
  date: 'Date',
  register: 'Register',
  cashier: 'Cashier',
  customer: 'Customer',
  discount: 'Discount',
  orderDiscount: 'Order discount',
  subtotal: 'Subtotal',
  discounts: 'Discounts',
  tax: 'VAT',
  exempt: 'Exempt',
  taxBase: 'Base',
  taxIncluded: 'Prices include VAT',
  total: 'TOTAL',
  rounding: 'Rounding',
  amountDue: 'Amount due',
  payments: 'Payments',
  tendered: 'Tendered',
  reference: 'Ref.',
  change: 'Change',
  items: 'Items',
  copy: '*** COPY ***',
  method: { cash: 'Cash', card: 'Card', transfer: 'Transfer', store_credit: 'Store credit' },
  documentType: { NATIONAL_ID: 'ID', TAX_ID: 'Tax ID', FOREIGNER_ID: 'Foreign ID', PASSPORT: 'Passport' },
};

/** Store settings only allow es and en (optionally with a region); anything else falls back to Spanish. */
export function receiptLabels(locale: string): ReceiptLabels {
  return locale.toLowerCase().startsWith('en') ? en : es;
}

/** "IVA 19 %" / "VAT 19%"; a zero rate reads "Exento" / "Exempt". */
export function taxLabel(rateBp: number, locale: string): string {
  const labels = receiptLabels(locale);
  if (rateBp === 0) return labels.exempt;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10_000);
  return `${labels.tax} ${percent}`;
}

/** Date and time of the sale in the till's own time zone, the way the store writes dates. */
export function formatReceiptDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
