import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../shared/ipc/dto-sales';
import { printReceipt, ReceiptView } from '../receipt/ReceiptView';
import { useMoney } from '../../lib/use-money';
import { useSell, useStatus } from '../../stores/stores-context';
import { useErrorText } from './FormBits';
import { KeyHint } from './KeyHint';
import { isEditable } from './sell-keys';

/** Print buttons and the thermal printer's answer, for a receipt on screen. */
export function ReceiptActions({ receipt, primary }: { receipt: Receipt; primary?: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const thermal = useSell((s) => s.thermal);
  const printThermal = useSell((s) => s.printThermal);
  const hasPrinter = useStatus((s) => Boolean(s.settings?.thermalPrinterHost));
  const cash = receipt.payments.some((p) => p.method === 'cash');
  // A reprint prints marked COPY and never opens the drawer.
  const thermalNow = () => void printThermal(receipt.invoiceId, cash && !receipt.copy, receipt.copy);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
    event.preventDefault();
    if (event.shiftKey) thermalNow();
    else printReceipt();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const thermalMessage =
    thermal.status === 'failed' && thermal.error
      ? thermal.error.field === 'thermalPrinterHost' && (thermal.error.code === 'VALIDATION' || !hasPrinter)
        ? t('sell.receipt.noThermal')
        : `${t('sell.receipt.thermalFailed')} ${errorText(thermal.error)}`
      : thermal.status === 'printed'
        ? t('sell.receipt.thermalDone')
        : thermal.status === 'printing'
          ? t('sell.receipt.thermalPrinting')
          : '';

  return (
    <div className="receipt-actions">
      {primary}
      <button type="button" className="button" data-testid="print-receipt" aria-keyshortcuts="Control+P" onClick={() => printReceipt()}>
        {t('sell.receipt.print')} <KeyHint keys="Ctrl+P" />
      </button>
      <button
        type="button"
        className="button"
        data-testid="print-thermal"
        aria-keyshortcuts="Control+Shift+P"
        disabled={thermal.status === 'printing'}
        onClick={thermalNow}
      >
        {cash ? t('sell.receipt.thermalDrawer') : t('sell.receipt.thermal')} <KeyHint keys="Ctrl+Shift+P" />
      </button>
      <p
        className={thermal.status === 'failed' ? 'receipt-actions__status receipt-actions__status--bad' : 'receipt-actions__status'}
        role="status"
        data-testid="thermal-status"
        data-status={thermal.status}
      >
        {thermalMessage}
      </p>
    </div>
  );
}

/** After the sale: change due, big; the receipt; print; Enter starts the next sale. */
export function SaleDone() {
  const { t } = useTranslation();
  const money = useMoney();
  const completed = useSell((s) => s.completed);
  const newSale = useSell((s) => s.newSale);
  const next = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    next.current?.focus();
  }, [completed?.invoiceId]);

  // Enter starts the next sale from anywhere here, even with focus on a print button.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
    event.preventDefault();
    newSale();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!completed) return null;
  const { receipt } = completed;

  return (
    <section className="sale-done" data-testid="sale-done" aria-labelledby="sale-done-title">
      <div className="sale-done__summary">
        <h2 id="sale-done-title" className="sale-done__title">
          {t('sell.receipt.done', { number: completed.invoiceNumber })}
        </h2>
        <div className="sale-done__change">
          <span>{t('sell.pay.change')}</span>
          <strong data-testid="sale-change">{money.format(receipt.change)}</strong>
        </div>
        <ReceiptActions
          receipt={receipt}
          primary={
            <button type="button" ref={next} className="button button--primary button--huge" data-testid="new-sale" aria-keyshortcuts="Enter" onClick={newSale}>
              {t('sell.receipt.newSale')} <KeyHint keys="Enter" />
            </button>
          }
        />
        <p className="sale-done__hint">{t('sell.receipt.scanHint')}</p>
      </div>
      <div className="sale-done__paper">
        <ReceiptView receipt={receipt} />
      </div>
    </section>
  );
}
