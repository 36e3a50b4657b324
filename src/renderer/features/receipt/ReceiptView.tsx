/**
 * The receipt of a completed sale as a till receipt in HTML: shown on screen
 * after the sale and printed through the system printer (Electron printing,
 * or the browser's print dialog in the web preview). Words come from the
 * store's language (receipt.locale), not the cashier's UI language.
 */
import { useMemo } from 'react';
import type { JSX } from 'react';
import type { Receipt } from '../../../shared/ipc/dto-sales';
import { formatMoney } from '../../../shared/money';
import { code128DataUrl } from './barcode';
import { formatReceiptDate, receiptLabels, taxLabel } from '../../../shared/receipt-labels';
import './receipt.css';

function Row(props: { label: string; value: string; strong?: boolean; indent?: boolean; testId?: string }) {
  const classes = ['receipt__row', props.strong ? 'receipt__row--strong' : '', props.indent ? 'receipt__row--indent' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <span className="receipt__label">{props.label}</span>
      <span className="receipt__value" data-testid={props.testId}>
        {props.value}
      </span>
    </div>
  );
}

export function ReceiptView(props: { receipt: Receipt }): JSX.Element {
  const { receipt } = props;
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  const barcode = useMemo(() => code128DataUrl(receipt.invoiceNumber), [receipt.invoiceNumber]);
  const { totals } = receipt;
  const lineDiscounts = totals.discount - receipt.orderDiscount;
  const hasCash = receipt.payments.some((p) => p.method === 'cash');
  const taxes = (
    <div className="receipt__taxes" data-testid="receipt-taxes">
      {totals.taxes.map((t) => (
        <Row
          key={`${t.taxCode}:${t.rateBp}`}
          label={`${taxLabel(t.rateBp, receipt.locale)} · ${labels.taxBase} ${money(t.base)}`}
          value={money(t.tax)}
        />
      ))}
    </div>
  );

  return (
    <article className="receipt" data-testid="receipt-view" lang={receipt.locale}>
      <header className="receipt__header">
        <h2 className="receipt__store">{receipt.storeName}</h2>
        {receipt.header.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        {receipt.copy && (
          <p className="receipt__copy" data-testid="receipt-copy">
            {labels.copy}
          </p>
        )}
      </header>

      <section className="receipt__section">
        <div className="receipt__row">
          <span className="receipt__label">{labels.invoice}</span>
          <span className="receipt__value" data-testid="receipt-number">
            {receipt.invoiceNumber}
          </span>
        </div>
        <Row label={labels.date} value={formatReceiptDate(receipt.date, receipt.locale)} />
        <Row label={labels.register} value={receipt.registerCode} />
        {receipt.cashier && <Row label={labels.cashier} value={receipt.cashier} />}
        {receipt.customer && (
          <div className="receipt__customer" data-testid="receipt-customer">
            <Row label={labels.customer} value={receipt.customer.name} />
            {receipt.customer.document && <p className="receipt__right">{receipt.customer.document}</p>}
          </div>
        )}
      </section>

      <ol className="receipt__section receipt__lines">
        {receipt.lines.map((line, i) => (
          <li key={i} className="receipt__line" data-testid={`receipt-line-${i}`}>
            <div className="receipt__name">{line.name}</div>
            {/* Colour and size on their own line: 80 mm is too narrow for them beside quantity, price and amount. */}
            <div className="receipt__variant">
              {line.colorName} / {line.sizeCode}
            </div>
            <Row indent label={`${line.quantity} x ${money(line.unitPrice)}`} value={money(line.unitPrice * line.quantity)} />
            {line.discountAmount !== 0 && <Row indent label={labels.discount} value={money(-line.discountAmount)} />}
          </li>
        ))}
      </ol>

      <section className="receipt__section">
        <Row label={labels.subtotal} value={money(totals.gross)} />
        {lineDiscounts !== 0 && <Row label={labels.discounts} value={money(-lineDiscounts)} />}
        {receipt.orderDiscount !== 0 && <Row label={labels.orderDiscount} value={money(-receipt.orderDiscount)} />}
        {/* Tax-exclusive prices: the taxes add up to the total, so they come before it. */}
        {!receipt.pricesIncludeTax && taxes}
        <Row strong label={labels.total} value={money(totals.total)} testId="receipt-total" />
        {totals.cashRounding !== 0 && (
          <>
            <Row label={labels.rounding} value={money(totals.cashRounding)} />
            <Row strong label={labels.amountDue} value={money(totals.total + totals.cashRounding)} />
          </>
        )}
        {receipt.pricesIncludeTax && (
          <>
            <p className="receipt__note">{labels.taxIncluded}</p>
            {taxes}
          </>
        )}
      </section>

      <section className="receipt__section" data-testid="receipt-payments">
        {receipt.payments.map((p, i) => (
          <div key={i}>
            <Row label={p.reference ? `${labels.method[p.method]} ${labels.reference} ${p.reference}` : labels.method[p.method]} value={money(p.amount)} />
            {p.tendered !== null && p.tendered !== p.amount && <Row indent label={labels.tendered} value={money(p.tendered)} />}
          </div>
        ))}
        {(receipt.change !== 0 || hasCash) && <Row strong label={labels.change} value={money(receipt.change)} testId="receipt-change" />}
        <Row label={labels.items} value={String(receipt.lines.reduce((a, l) => a + l.quantity, 0))} />
      </section>

      <footer className="receipt__footer">
        {barcode && <img className="receipt__barcode" src={barcode} alt={receipt.invoiceNumber} data-testid="receipt-barcode" />}
        {receipt.footer.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </footer>
    </article>
  );
}

/**
 * Prints the receipt on screen through the system print dialog (Electron's
 * window.print, or the browser's in the web preview). The receipt is copied
 * into a print-only container at the top of <body> and the print stylesheet
 * hides everything else, so the page is as long as the receipt and no longer.
 */
export function printReceipt(): void {
  const receipt = document.querySelector<HTMLElement>('[data-testid="receipt-view"]');
  if (!receipt) {
    window.print();
    return;
  }
  const copy = receipt.cloneNode(true) as HTMLElement;
  // The copy must not answer to the on-screen receipt's test ids.
  copy.removeAttribute('data-testid');
  copy.querySelectorAll('[data-testid]').forEach((el) => el.removeAttribute('data-testid'));
  const container = document.createElement('div');
  container.className = 'receipt-print-root';
  container.appendChild(copy);
  document.body.appendChild(container);
  document.body.classList.add('printing-receipt');
  try {
    // Synchronous in Chromium and Electron: it returns once the dialog is closed or the job is spooled.
    window.print();
  } finally {
    document.body.classList.remove('printing-receipt');
    container.remove();
  }
}
