import { useTranslation } from 'react-i18next';
import type { StoreSettings } from '../../../shared/ipc/dto';
import { formatMoney } from '../../../shared/money';
import { safeLocale } from '../../lib/format';
import { formatPercent } from '../../lib/money-input';
import { useLocale } from '../../lib/use-locale';
import { useSettings } from '../../stores/stores-context';
import { rateLabel } from './rate-label';
import { knownCurrencyDigits } from './store-draft';

/** The store's settings as facts, for those who may not change them. */
export function StoreFacts({ settings }: { settings: StoreSettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rates = useSettings((s) => s.rates.items);
  const na = t('app.notAvailable');
  const rate = rates.find((r) => r.code === settings.defaultTaxCode);
  const money = (minor: number) => (knownCurrencyDigits(settings.currency) === null ? String(minor) : formatMoney(minor, settings.currency, safeLocale(locale)));
  const lines = (list: string[]) => (list.length > 0 ? list.join(' / ') : na);

  const rows: Array<[label: string, value: string, field: keyof StoreSettings]> = [
    [t('settings.store.storeName'), settings.storeName || na, 'storeName'],
    [t('settings.store.registerCode'), settings.registerCode || na, 'registerCode'],
    [t('settings.store.currency'), settings.currency, 'currency'],
    [t('settings.store.locale'), settings.locale, 'locale'],
    [t('settings.store.pricesIncludeTax'), settings.pricesIncludeTax ? t('settings.yes') : t('settings.no'), 'pricesIncludeTax'],
    [t('settings.store.defaultTaxCode'), rate ? rateLabel(rate, locale) : settings.defaultTaxCode, 'defaultTaxCode'],
    [t('settings.store.stockPolicy'), settings.stockPolicy === 'block' ? t('settings.facts.stockBlock') : t('settings.facts.stockWarn'), 'stockPolicy'],
    [t('settings.store.discountApproval'), formatPercent(settings.discountApprovalBp, locale), 'discountApprovalBp'],
    [t('settings.store.cashRounding', { currency: settings.currency }), settings.cashRoundingIncrement === 0 ? t('settings.no') : money(settings.cashRoundingIncrement), 'cashRoundingIncrement'],
    [t('settings.store.receiptHeader'), lines(settings.receiptHeader), 'receiptHeader'],
    [t('settings.store.receiptFooter'), lines(settings.receiptFooter), 'receiptFooter'],
    [t('settings.store.thermalPrinterHost'), settings.thermalPrinterHost ? `${settings.thermalPrinterHost}:${settings.thermalPrinterPort}` : t('settings.facts.noPrinter'), 'thermalPrinterHost'],
    [t('settings.store.receiptColumns'), t('settings.facts.columns', { n: settings.receiptColumns }), 'receiptColumns'],
  ];

  return (
    <dl className="facts" data-testid="settings-facts">
      {rows.map(([label, value, field]) => (
        <div className="facts__row" key={field}>
          <dt>{label}</dt>
          <dd data-testid={`setting-${field}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
