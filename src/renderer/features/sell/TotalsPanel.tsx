import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fitChars } from '../../lib/fit';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell, useSellStore } from '../../stores/stores-context';

/** Subtotal, discounts, taxes per rate and the total, big enough to read across the counter. */
export function TotalsPanel() {
  const { t } = useTranslation();
  const money = useMoney();
  const cart = useSell((s) => s.cart);
  // aria-busy follows the calls in flight without re-rendering the panel twice per scan.
  const store = useSellStore();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const mark = (pending: number) => panel.current?.setAttribute('aria-busy', String(pending > 0));
    mark(store.getState().pending);
    return store.subscribe((s, before) => {
      if (s.pending !== before.pending) mark(s.pending);
    });
  }, [store]);
  const { totals } = cart;
  const units = cart.lines.reduce((a, l) => a + l.quantity, 0);
  const orderDiscount = cart.orderDiscount;

  return (
    <section ref={panel} className="totals" data-testid="cart-totals" aria-label={t('sell.totals.label')}>
      <dl className="totals__rows">
        <div className="totals__row">
          <dt>{t('sell.totals.items')}</dt>
          <dd data-testid="cart-units">{formatNumber(units, money.locale)}</dd>
        </div>
        <div className="totals__row">
          <dt>{t('sell.totals.subtotal')}</dt>
          <dd data-testid="cart-subtotal">{money.format(totals.gross)}</dd>
        </div>
        {totals.discount > 0 && (
          <div className="totals__row totals__row--discount">
            <dt>{t('sell.totals.discounts')}</dt>
            <dd data-testid="cart-discount">−{money.format(totals.discount)}</dd>
          </div>
        )}
        {orderDiscount && (
          <div className="totals__row totals__row--note">
            <dt>
              {t('sell.totals.orderDiscount', {
                value: orderDiscount.kind === 'percent' ? formatPercent(orderDiscount.percentBp, money.locale) : money.format(orderDiscount.amount),
              })}
            </dt>
            <dd data-testid="order-discount-reason">{orderDiscount.reason}</dd>
          </div>
        )}
        {totals.taxes.map((tax) => (
          <div className="totals__row totals__row--tax" key={`${tax.taxCode}:${tax.rateBp}`} data-testid={`cart-tax-${tax.taxCode}`}>
            <dt>
              {tax.rateBp === 0
                ? t('sell.totals.exempt')
                : t(cart.pricesIncludeTax ? 'sell.totals.taxIncluded' : 'sell.totals.tax', { rate: formatPercent(tax.rateBp, money.locale) })}
              <span className="totals__base">{t('sell.totals.base', { amount: money.format(tax.base) })}</span>
            </dt>
            <dd>{money.format(tax.tax)}</dd>
          </div>
        ))}
      </dl>
      <div className="totals__grand">
        <span className="totals__grand-label">{t('sell.totals.total')}</span>
        <output className="totals__grand-value" data-testid="cart-total" aria-live="polite" style={fitChars(money.format(totals.total))}>
          {money.format(totals.total)}
        </output>
      </div>
    </section>
  );
}
