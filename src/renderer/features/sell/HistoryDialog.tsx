import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { formatMoment } from '../../lib/format';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { ReceiptView } from '../receipt/ReceiptView';
import { ErrorNote } from './FormBits';
import { ReceiptActions } from './SaleDone';
import { SEARCH_DEBOUNCE_MS } from './sell-keys';

/** Recent sales of this register; open one to see and reprint its receipt. */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const history = useSell((s) => s.history);
  const loadHistory = useSell((s) => s.loadHistory);
  const reprint = useSell((s) => s.reprint);
  const openReprint = useSell((s) => s.openReprint);
  const closeReprint = useSell((s) => s.closeReprint);
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => void loadHistory(query), query ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [query, loadHistory]);

  useEffect(() => closeReprint, [closeReprint]);

  return (
    <>
      <Dialog testId="history-dialog" title={t('sell.history.title')} onClose={onClose} size="large">
        <div className="field">
          <label className="field__label" htmlFor="history-search">
            {t('sell.history.search')}
          </label>
          <input id="history-search" className="input" data-testid="history-search" autoComplete="off" maxLength={40} value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <ErrorNote error={history.error} testId="history-error" />
        {history.status === 'ready' && history.items.length === 0 && (
          <p className="form__hint" data-testid="history-empty">
            {t('sell.history.empty')}
          </p>
        )}
        <ul className="pick-list" data-testid="history-list">
          {history.items.map((sale) => (
            <li key={sale.invoiceId} className="pick-list__row" data-testid={`history-${sale.invoiceId}`}>
              <span className="pick-list__main">{sale.invoiceNumber}</span>
              <span className="pick-list__meta">
                {[formatMoment(sale.date, money.locale)?.text, sale.customerName ?? t('sell.customer.walkIn'), t(`sell.history.state.${stateKey(sale.state)}`)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="pick-list__amount">{money.format(sale.total)}</span>
              <button type="button" className="button" data-testid={`reprint-${sale.invoiceId}`} onClick={() => void openReprint(sale.invoiceId)}>
                {t('sell.history.reprint')}
              </button>
            </li>
          ))}
        </ul>
        {history.hasMore && (
          <button
            type="button"
            className="button button--quiet"
            data-testid="history-more"
            disabled={history.status === 'loading'}
            onClick={() => void loadHistory(query, true)}
          >
            {t('sell.history.more')}
          </button>
        )}
      </Dialog>
      {reprint && (
        <Dialog testId="reprint-dialog" title={t('sell.history.receiptOf', { number: reprint.invoiceNumber })} onClose={closeReprint} size="large" closeLabel={t('sell.history.back')}>
          <div className="reprint">
            <ReceiptActions receipt={reprint} />
            <div className="reprint__paper">
              <ReceiptView receipt={reprint} />
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}

const STATES = ['COMPLETED', 'VOIDED', 'RETURNED'] as const;
function stateKey(state: string): (typeof STATES)[number] | 'other' {
  const upper = state.toUpperCase();
  return (STATES as readonly string[]).includes(upper) ? (upper as (typeof STATES)[number]) : 'other';
}
