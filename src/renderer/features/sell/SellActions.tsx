import { useTranslation } from 'react-i18next';
import { useSell } from '../../stores/stores-context';
import { KeyHint } from './KeyHint';
import { SELL_KEYS, type SellAction } from './sell-keys';

type OnAction = (action: SellAction) => void;

function ActionButton({ action, label, keys, testId, enabled = true, tone = '', onAction }: { action: SellAction; label: string; keys: string; testId: string; enabled?: boolean; tone?: string; onAction: OnAction }) {
  return (
    <button
      type="button"
      className={`button action ${tone}`.trim()}
      data-testid={testId}
      aria-keyshortcuts={keys.replace('Ctrl', 'Control')}
      disabled={!enabled}
      onClick={() => onAction(action)}
    >
      <span className="action__label">{label}</span>
      <KeyHint keys={keys} />
    </button>
  );
}

/** What can be done to the selected line, under the cart. */
export function LineActions({ onAction }: { onAction: OnAction }) {
  const { t } = useTranslation();
  const selected = useSell((s) => s.selectedLineId !== null && s.cart.lines.some((l) => l.lineId === s.selectedLineId));
  const hasDraft = useSell((s) => s.cart.draftId !== null);
  return (
    <div className="line-actions" role="group" aria-label={t('sell.actions.lineGroup')}>
      <ActionButton action="lineDiscount" label={t('sell.actions.lineDiscount')} keys={SELL_KEYS.lineDiscount} testId="action-line-discount" enabled={selected} onAction={onAction} />
      <ActionButton action="price" label={t('sell.actions.price')} keys={SELL_KEYS.price} testId="action-price" enabled={selected} onAction={onAction} />
      <ActionButton action="remove" label={t('sell.actions.remove')} keys={SELL_KEYS.remove} testId="action-remove-line" enabled={selected} tone="button--quiet" onAction={onAction} />
      <ActionButton action="voidSale" label={t('sell.actions.void')} keys={SELL_KEYS.voidSale} testId="action-void" enabled={hasDraft} tone="button--danger-quiet action--void" onAction={onAction} />
    </div>
  );
}

/** The big Pay button and the actions on the whole sale, each with its key. */
export function SellActions({ onAction }: { onAction: OnAction }) {
  const { t } = useTranslation();
  const hasLines = useSell((s) => s.cart.lines.length > 0);
  const parkedCount = useSell((s) => s.parked.length);
  const button = (action: SellAction, label: string, keys: string, testId: string, enabled = true, tone = '') => (
    <ActionButton action={action} label={label} keys={keys} testId={testId} enabled={enabled} tone={tone} onAction={onAction} />
  );

  return (
    <div className="sell-actions">
      <button type="button" className="button button--primary button--huge pay-button" data-testid="pay" aria-keyshortcuts={SELL_KEYS.pay} disabled={!hasLines} onClick={() => onAction('pay')}>
        {t('sell.actions.pay')} <KeyHint keys={SELL_KEYS.pay} />
      </button>
      <div className="sell-actions__group" role="group" aria-label={t('sell.actions.saleGroup')}>
        {button('orderDiscount', t('sell.actions.orderDiscount'), SELL_KEYS.orderDiscount, 'action-order-discount', hasLines)}
        {button('park', t('sell.actions.park'), SELL_KEYS.park, 'action-park', hasLines)}
        {button('parked', t('sell.actions.parked', { count: parkedCount }), SELL_KEYS.parked, 'action-parked', true, 'button--quiet')}
        {button('history', t('sell.actions.history'), SELL_KEYS.history, 'action-history', true, 'button--quiet')}
      </div>
    </div>
  );
}
