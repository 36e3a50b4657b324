import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../lib/use-money';
import { useCustomers, useSell } from '../../stores/stores-context';
import { CustomerDetailView } from './CustomerDetailView';
import { documentText } from './customer-text';
import { CustomerForm } from './CustomerForm';
import { ErrorNote } from './FormBits';

const SEARCH_DELAY_MS = 200;

/**
 * Who is buying: walk-in by default. Find a customer by document, name,
 * email or phone, or register one at the till; then optionally pick their
 * billing and shipping address for the invoice.
 */
export function CustomerDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const current = useSell((s) => s.cart.customer);
  const [view, setView] = useState<{ kind: 'search' } | { kind: 'create' } | { kind: 'detail'; id: number }>({ kind: 'search' });
  const loadLists = useCustomers((s) => s.loadLists);
  const reset = useCustomers((s) => s.reset);

  useEffect(() => {
    void loadLists();
    return reset;
  }, [loadLists, reset]);

  const title = view.kind === 'create' ? t('sell.customer.createTitle') : view.kind === 'detail' ? t('sell.customer.detailTitle') : t('sell.customer.title');

  return (
    <Dialog testId="customer-dialog" title={title} onClose={onClose} size="large">
      {view.kind === 'search' && (
        <CustomerSearch current={current?.id ?? null} onOpen={(id) => setView({ kind: 'detail', id })} onCreate={() => setView({ kind: 'create' })} onDone={onClose} />
      )}
      {view.kind === 'create' && <CustomerForm onCreated={(id) => setView({ kind: 'detail', id })} onBack={() => setView({ kind: 'search' })} />}
      {view.kind === 'detail' && <CustomerDetailView id={view.id} onBack={() => setView({ kind: 'search' })} onDone={onClose} />}
    </Dialog>
  );
}

function CustomerSearch({ current, onOpen, onCreate, onDone }: { current: number | null; onOpen: (id: number) => void; onCreate: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const search = useCustomers((s) => s.search);
  const results = useCustomers((s) => s.results);
  const status = useCustomers((s) => s.searchStatus);
  const searchError = useCustomers((s) => s.searchError);
  const setCustomer = useSell((s) => s.setCustomer);
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => void search(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const walkIn = async () => {
    const outcome = await setCustomer(null);
    if (outcome.status === 'done') onDone();
    else if (outcome.status === 'failed') setFailure(outcome.error);
  };

  return (
    <div className="customer-search">
      <div className="field">
        <label className="field__label" htmlFor="customer-search">
          {t('sell.customer.search')}
        </label>
        <input
          id="customer-search"
          className="input input--big"
          data-testid="customer-search"
          autoComplete="off"
          maxLength={80}
          placeholder={t('sell.customer.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = results[0];
            if (event.key === 'Enter' && first && query.trim()) {
              event.preventDefault();
              onOpen(first.id);
            }
          }}
        />
      </div>
      <ErrorNote error={searchError ?? failure} testId="customer-error" />
      {status === 'ready' && results.length === 0 && (
        <p className="form__hint" data-testid="customer-none">
          {t('sell.customer.none')}
        </p>
      )}
      <ul className="pick-list" data-testid="customer-results">
        {results.map((c) => (
          <li key={c.id}>
            <button type="button" className="pick-list__item" data-testid={`customer-result-${c.id}`} aria-current={c.id === current ? 'true' : undefined} onClick={() => onOpen(c.id)}>
              <span className="pick-list__main">{c.name}</span>
              <span className="pick-list__meta">{[documentText(c.documentType, c.document, i18n.resolvedLanguage), c.email, c.phone].filter(Boolean).join(' · ')}</span>
              {c.creditBalance > 0 && <span className="pick-list__amount">{t('sell.customer.credit', { amount: money.format(c.creditBalance) })}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        {current !== null && (
          <button type="button" className="button button--quiet" data-testid="customer-walkin" onClick={() => void walkIn()}>
            {t('sell.customer.useWalkIn')}
          </button>
        )}
        <button type="button" className="button" data-testid="customer-new" onClick={onCreate}>
          {t('sell.customer.new')}
        </button>
      </div>
    </div>
  );
}
