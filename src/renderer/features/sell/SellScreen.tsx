import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../shared/ipc/dto-sales';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useSell, useSellStore } from '../../stores/stores-context';
import { ApprovalDialog } from './ApprovalDialog';
import { CartLines } from './CartLines';
import { ConfirmDialog } from './ConfirmDialog';
import { CustomerBar } from './CustomerBar';
import { CustomerDialog } from './CustomerDialog';
import { DiscountDialog } from './DiscountDialog';
import { ErrorNote, useErrorText } from './FormBits';
import { HistoryDialog } from './HistoryDialog';
import { ParkDialog, ParkedDialog } from './ParkDialogs';
import { PaymentDialog } from './PaymentDialog';
import { PriceDialog } from './PriceDialog';
import { SaleDone } from './SaleDone';
import { ScanBox } from './ScanBox';
import { attachScanner } from './scanner';
import { LineActions, SellActions } from './SellActions';
import { useSellKeys, type SellAction } from './sell-keys';
import { TotalsPanel } from './TotalsPanel';
import { VariantPicker } from './VariantPicker';
import { VoidDialog } from './VoidDialog';

/** The cart's layout by the width of its column (see sell.css): written to data-width, no re-render. */
function observeWidth(element: HTMLDivElement | null): (() => void) | void {
  if (!element || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(([entry]) => {
    const width = entry?.contentRect.width ?? element.clientWidth;
    const size = width <= 600 ? 'narrow' : width <= 860 ? 'compact' : 'wide';
    if (element.dataset.width !== size) element.dataset.width = size;
  });
  observer.observe(element);
  return () => observer.disconnect();
}

export type SellDialog =
  | { kind: 'remove'; line: CartLine }
  | { kind: 'quantity'; line: CartLine; quantity: number }
  | { kind: 'lineDiscount'; lineId: number }
  | { kind: 'orderDiscount' }
  | { kind: 'price'; lineId: number }
  | { kind: 'customer' }
  | { kind: 'park' }
  | { kind: 'parked' }
  | { kind: 'history' }
  | { kind: 'void' };

/**
 * The till: scan or search on top, the cart on the left, totals and actions
 * on the right. A scanner's burst is captured wherever focus is on this
 * screen; every action has a key.
 */
export function SellScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useSellStore();
  const enter = useSell((s) => s.enter);
  const scanError = useSell((s) => s.scanError);
  const error = useSell((s) => s.error);
  const clearError = useSell((s) => s.clearError);
  const picker = useSell((s) => s.picker);
  const approval = useSell((s) => s.approval);
  const payment = useSell((s) => s.payment);
  const completed = useSell((s) => s.completed);
  // data-busy is set without re-rendering the screen: a scan's pending flag would otherwise render it twice.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const mark = (pending: number) => section.current?.setAttribute('data-busy', String(pending > 0));
    mark(store.getState().pending);
    return store.subscribe((s) => mark(s.pending));
  }, [store]);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<SellDialog | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);

  // The sale in progress lives in main: a restart or a crash reopens it here.
  // Leaving (sign-out, another screen) forgets that it was loaded: the next visit shows the cart only once main has answered.
  useEffect(() => {
    void enter();
    return () => store.setState({ loaded: false });
  }, [enter, store]);

  useEffect(
    () =>
      attachScanner(document, {
        onScan: (code) => {
          const state = store.getState();
          state.closePicker();
          void state.scan(code);
        },
        ownsEnter: (element, code) => element !== null && element === scanInput.current && scanInput.current.value.trim().endsWith(code),
      }),
    [store],
  );

  // Back from the receipt to an empty sale: the cursor waits in the scan box.
  const showingReceipt = completed !== null;
  useEffect(() => {
    if (!showingReceipt) scanInput.current?.focus();
  }, [showingReceipt]);

  const askRemove = useCallback(
    (lineId: number) => {
      const line = store.getState().cart.lines.find((l) => l.lineId === lineId);
      if (line) setDialog({ kind: 'remove', line });
    },
    [store],
  );

  const askQuantity = useCallback(
    (lineId: number, quantity: number) => {
      const line = store.getState().cart.lines.find((l) => l.lineId === lineId);
      if (line) setDialog({ kind: 'quantity', line, quantity });
    },
    [store],
  );

  const closeDialog = () => {
    setDialog(null);
    scanInput.current?.focus();
  };

  const act = (action: SellAction) => {
    const state = store.getState();
    const { cart, selectedLineId } = state;
    const line = cart.lines.find((l) => l.lineId === selectedLineId) ?? null;
    const hasLines = cart.lines.length > 0;
    switch (action) {
      case 'search':
        scanInput.current?.focus();
        scanInput.current?.select();
        return;
      case 'pay':
        if (hasLines) state.openPayment();
        return;
      case 'park':
        if (hasLines) setDialog({ kind: 'park' });
        return;
      case 'parked':
        setDialog({ kind: 'parked' });
        return;
      case 'customer':
        setDialog({ kind: 'customer' });
        return;
      case 'orderDiscount':
        if (hasLines) setDialog({ kind: 'orderDiscount' });
        return;
      case 'history':
        setDialog({ kind: 'history' });
        return;
      case 'voidSale':
        if (cart.draftId !== null) setDialog({ kind: 'void' });
        return;
      case 'selectPrevious':
        state.moveSelection(-1);
        return;
      case 'selectNext':
        state.moveSelection(1);
        return;
      case 'remove':
        if (line) setDialog({ kind: 'remove', line });
        return;
      case 'increase':
        if (line) void state.changeQuantity(line.lineId, 1);
        return;
      case 'decrease':
        if (line) void state.changeQuantity(line.lineId, -1);
        return;
      case 'lineDiscount':
        if (line) setDialog({ kind: 'lineDiscount', lineId: line.lineId });
        return;
      case 'price':
        if (line) setDialog({ kind: 'price', lineId: line.lineId });
        return;
    }
  };

  const modal = dialog !== null || picker !== null || approval !== null || payment !== null;
  useSellKeys({ blocked: modal, scanInput, onAction: act });

  return (
    <section ref={section} className="sell" data-testid="screen-sell" aria-labelledby="screen-sell-title">
      <h1 id="screen-sell-title" className="visually-hidden">
        {t('screens.sell.title')}
      </h1>
      <div className="sell__top">
        <ScanBox ref={scanInput} />
        {scanError && (
          <p className="scan-error" role="alert" data-testid="scan-error" data-code={scanError.error.code} key={scanError.seq}>
            {errorText(scanError.error)}
          </p>
        )}
      </div>

      {completed && dialog === null ? (
        <SaleDone />
      ) : (
        <div className="sell__body">
          <div className="sell__main" ref={observeWidth}>
            <CustomerBar onOpen={() => act('customer')} />
            <CartLines onRemove={askRemove} onBigQuantity={askQuantity} />
            <LineActions onAction={act} />
          </div>
          <aside className="sell__side" aria-label={t('sell.side')}>
            <TotalsPanel />
            {error && (
              <div className="sell__error" data-testid="sell-error">
                <ErrorNote error={error} testId="sell-error-text" />
                <button type="button" className="button button--quiet" onClick={clearError}>
                  {t('app.close')}
                </button>
              </div>
            )}
            <SellActions onAction={act} />
          </aside>
        </div>
      )}

      {picker && <VariantPicker key={picker.grid.product.productId} />}
      {payment && <PaymentDialog key={payment.completionKey} />}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('sell.remove.title')}
          message={t('sell.remove.message', { name: dialog.line.variant.name, quantity: dialog.line.quantity })}
          confirmLabel={t('sell.remove.confirm')}
          onClose={closeDialog}
          onConfirm={() => {
            void store.getState().removeLine(dialog.line.lineId);
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'quantity' && (
        <ConfirmDialog
          title={t('sell.cart.qtyConfirmTitle')}
          message={t('sell.cart.qtyConfirm', { name: dialog.line.variant.name, quantity: formatNumber(dialog.quantity, locale), current: formatNumber(dialog.line.quantity, locale) })}
          confirmLabel={t('sell.cart.qtyConfirmOk', { quantity: formatNumber(dialog.quantity, locale) })}
          onClose={closeDialog}
          onConfirm={() => {
            void store.getState().setQuantity(dialog.line.lineId, dialog.quantity);
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'lineDiscount' && <DiscountDialog scope="line" lineId={dialog.lineId} onClose={closeDialog} />}
      {dialog?.kind === 'orderDiscount' && <DiscountDialog scope="order" onClose={closeDialog} />}
      {dialog?.kind === 'price' && <PriceDialog lineId={dialog.lineId} onClose={closeDialog} />}
      {dialog?.kind === 'customer' && <CustomerDialog onClose={closeDialog} />}
      {dialog?.kind === 'park' && <ParkDialog onClose={closeDialog} />}
      {dialog?.kind === 'parked' && <ParkedDialog onClose={closeDialog} />}
      {dialog?.kind === 'history' && <HistoryDialog onClose={closeDialog} />}
      {dialog?.kind === 'void' && <VoidDialog onClose={closeDialog} />}
      {approval && <ApprovalDialog />}
    </section>
  );
}
