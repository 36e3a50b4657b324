import { useTranslation } from 'react-i18next';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { documentText } from './customer-text';
import { KeyHint } from './KeyHint';
import { SELL_KEYS } from './sell-keys';

/** Who the sale is for: walk-in unless a customer is attached. */
export function CustomerBar({ onOpen }: { onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const customer = useSell((s) => s.cart.customer);
  const billing = useSell((s) => s.cart.billingAddressId);
  const shipping = useSell((s) => s.cart.shippingAddressId);

  return (
    <div className="customer-bar" data-testid="customer-bar">
      <div className="customer-bar__who">
        <span className="customer-bar__label">{t('sell.customer.label')}</span>
        <span className="customer-bar__name" data-testid="customer-name" data-customer-id={customer?.id ?? ''}>
          {customer ? customer.name : t('sell.customer.walkIn')}
        </span>
        {customer && (
          <span className="customer-bar__meta">
            {[
              documentText(customer.documentType, customer.document, i18n.resolvedLanguage),
              customer.creditBalance > 0 && t('sell.customer.credit', { amount: money.format(customer.creditBalance) }),
              billing !== null && t('sell.customer.hasBilling'),
              shipping !== null && t('sell.customer.hasShipping'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </div>
      <button type="button" className="button button--quiet" data-testid="customer-button" aria-keyshortcuts={SELL_KEYS.customer} onClick={onOpen}>
        {customer ? t('sell.customer.change') : t('sell.customer.choose')} <KeyHint keys={SELL_KEYS.customer} />
      </button>
    </div>
  );
}
