/**
 * A Receipt as a list of printer-neutral blocks already fitted to the paper's
 * column count. Kept apart from the ESC/POS encoder so the layout (what goes
 * where, in which words) is plain data a test can read.
 */
import type { Receipt } from '../../shared/ipc/dto-sales';
import { formatMoney } from '../../shared/money';
import { formatReceiptDate, receiptLabels, taxLabel } from '../../shared/receipt-labels';
import { leftRight, normalizeText, wrap } from './text-layout';

export type Block =
  /** Store name: bold, double width and height, centred; already wrapped to half the columns. */
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string }
  /** One line of at most `columns` characters (no-break spaces included: see text-layout); `strong` prints bold and double height (widths unchanged). */
  | { kind: 'text'; text: string; strong?: boolean }
  | { kind: 'rule' }
  | { kind: 'barcode'; value: string };

export function layoutReceipt(receipt: Receipt, columns: number): Block[] {
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number) => normalizeText(formatMoney(minor, receipt.currency, receipt.locale));
  const blocks: Block[] = [];
  const text = (lines: string[], strong = false) => {
    for (const line of lines) blocks.push(strong ? { kind: 'text', text: line, strong } : { kind: 'text', text: line });
  };
  const pair = (left: string, right: string, strong = false) => text(leftRight(left, right, columns), strong);

  // Double width halves the columns available to the store name.
  for (const line of wrap(receipt.storeName, Math.floor(columns / 2))) blocks.push({ kind: 'title', text: line });
  for (const h of receipt.header) for (const line of wrap(h, columns)) blocks.push({ kind: 'center', text: line });
  if (receipt.copy) blocks.push({ kind: 'center', text: labels.copy });
  blocks.push({ kind: 'rule' });

  pair(labels.invoice, receipt.invoiceNumber);
  pair(labels.date, formatReceiptDate(receipt.date, receipt.locale));
  pair(labels.register, receipt.registerCode);
  if (receipt.cashier) pair(labels.cashier, receipt.cashier);
  if (receipt.customer) {
    pair(labels.customer, receipt.customer.name);
    if (receipt.customer.document) text(wrap(receipt.customer.document, columns).map((l) => l.padStart(columns)));
  }
  blocks.push({ kind: 'rule' });

  for (const line of receipt.lines) {
    text(wrap(line.name, columns));
    const variant = `  ${line.colorName} / ${line.sizeCode}`;
    const quantity = `${line.quantity} x ${money(line.unitPrice)}`;
    const amount = money(line.unitPrice * line.quantity);
    // Narrow paper: colour and size on their own line rather than a price broken in two.
    const oneLine = leftRight(`${variant}  ${quantity}`, amount, columns);
    if (oneLine.length === 1) text(oneLine);
    else {
      text(wrap(variant, columns - 2).map((l) => `  ${l}`));
      pair(`  ${quantity}`, amount);
    }
    if (line.discountAmount !== 0) pair(`  ${labels.discount}`, money(-line.discountAmount));
  }
  blocks.push({ kind: 'rule' });

  const { totals } = receipt;
  pair(labels.subtotal, money(totals.gross));
  const lineDiscounts = totals.discount - receipt.orderDiscount;
  if (lineDiscounts !== 0) pair(labels.discounts, money(-lineDiscounts));
  if (receipt.orderDiscount !== 0) pair(labels.orderDiscount, money(-receipt.orderDiscount));
  const taxLines = () => {
    const rows = totals.taxes.map((t) => ({ ...t, label: taxLabel(t.rateBp, receipt.locale) }));
    const oneLine = rows.map((t) => leftRight(`${t.label}  ${labels.taxBase} ${money(t.base)}`, money(t.tax), columns));
    if (oneLine.every((l) => l.length === 1)) oneLine.forEach((l) => text(l));
    else {
      // Narrow paper: every rate's tax on its own line and the base under it, alike for all rates.
      for (const t of rows) {
        pair(t.label, money(t.tax));
        pair(`  ${labels.taxBase}`, money(t.base));
      }
    }
  };
  // Tax-exclusive prices: the taxes add up to the total, so they come before it.
  if (!receipt.pricesIncludeTax) taxLines();
  pair(labels.total, money(totals.total), true);
  if (totals.cashRounding !== 0) {
    pair(labels.rounding, money(totals.cashRounding));
    pair(labels.amountDue, money(totals.total + totals.cashRounding), true);
  }
  if (receipt.pricesIncludeTax) {
    text(wrap(labels.taxIncluded, columns));
    taxLines();
  }
  blocks.push({ kind: 'rule' });

  for (const p of receipt.payments) {
    const ref = p.reference ? ` ${labels.reference} ${p.reference}` : '';
    pair(`${labels.method[p.method]}${ref}`, money(p.amount));
    if (p.tendered !== null && p.tendered !== p.amount) pair(`  ${labels.tendered}`, money(p.tendered));
  }
  if (receipt.change !== 0 || receipt.payments.some((p) => p.method === 'cash')) {
    pair(labels.change, money(receipt.change), true);
  }
  pair(labels.items, String(receipt.lines.reduce((a, l) => a + l.quantity, 0)));
  blocks.push({ kind: 'rule' });

  blocks.push({ kind: 'barcode', value: receipt.invoiceNumber });
  for (const f of receipt.footer) for (const line of wrap(f, columns)) blocks.push({ kind: 'center', text: line });
  return blocks;
}
