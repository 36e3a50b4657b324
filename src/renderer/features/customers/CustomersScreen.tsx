import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { CustomerDetail, CustomerImportReport, PurchaseHistoryDto } from '../../../shared/ipc/dto-customers';
import type { CustomerSummary } from '../../../shared/ipc/dto-sales';
import { Dialog } from '../../components/Dialog';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useMoney } from '../../lib/use-money';
import { useLocale } from '../../lib/use-locale';
import { useCan, useCustomers, usePos } from '../../stores/stores-context';
import { AddressForm } from '../sell/CustomerDetailView';
import { CustomerForm, type CustomerValues } from '../sell/CustomerForm';
import { ErrorNote, Field } from '../sell/FormBits';
import { downloadText } from './download';

/**
 * Customers (F4): search by document, name, email or phone; create and edit;
 * addresses; purchase history with totals; a customer's data as JSON and
 * erasure on request; CSV import (checked whole first) and export.
 */
export function CustomersScreen() {
  const { t } = useTranslation();
  const pos = usePos();
  const canManage = useCan('customers.manage');
  const loadLists = useCustomers((s) => s.loadLists);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerSummary[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    void loadLists();
  }, [loadLists]);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = query.trim();
    if (!text) return;
    const result = await pos.customers.search({ query: text });
    if (result.ok) {
      setResults(result.value);
      setFailure(null);
      if (result.value.length === 1) setPicked(result.value[0]!.id);
    } else setFailure(result.error);
  };

  const exportCsv = async () => {
    const result = await pos.customerAdmin.exportCsv();
    if (result.ok) downloadText(result.value.fileName, result.value.csv, 'text/csv');
    else setFailure(result.error);
  };

  return (
    <ScreenFrame name="customers" title={t('screens.customers.title')}>
      <div className="backoffice-split backoffice-split--wide-right">
        <div className="backoffice-scroll">
          <form className="filters" onSubmit={(e) => void search(e)}>
            <label className="filters__field filters__field--wide">
              <span className="field__label">{t('cust.searchLabel')}</span>
              <input className="input" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="cust-query" maxLength={80} autoComplete="off" />
            </label>
            <button type="submit" className="button button--primary" data-testid="cust-search">
              {t('inv.search')}
            </button>
          </form>
          <div className="form__actions form__actions--start">
            <button type="button" className="button" onClick={() => (setCreating(true), setPicked(null))} data-testid="cust-new">
              + {t('cust.new')}
            </button>
            {canManage && (
              <>
                <button type="button" className="button button--quiet" onClick={() => setImporting(true)} data-testid="cust-import">
                  {t('cust.importCsv')}
                </button>
                <button type="button" className="button button--quiet" onClick={() => void exportCsv()} data-testid="cust-export-csv">
                  {t('cust.exportCsv')}
                </button>
              </>
            )}
          </div>
          <ErrorNote error={failure} testId="cust-error" />
          {results && results.length === 0 && <p className="notice">{t('cust.none')}</p>}
          <ul className="pick-list" data-testid="cust-results">
            {results?.map((c) => (
              <li key={c.id}>
                <button type="button" className={picked === c.id ? 'button pick-list__item' : 'button button--quiet pick-list__item'} onClick={() => (setPicked(c.id), setCreating(false))}>
                  <strong>{c.name}</strong> <span className="table__note">{[c.documentType && `${c.documentType} ${c.document}`, c.email, c.phone].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="backoffice-scroll">
          {creating && (
            <section data-testid="cust-create">
              <h2 className="settings-section__title">{t('cust.new')}</h2>
              <CustomerForm
                save={(values) => pos.customers.create(values)}
                onCreated={(id) => (setCreating(false), setPicked(id))}
                onBack={() => setCreating(false)}
              />
            </section>
          )}
          {picked !== null && !creating && <CustomerRecord key={picked} id={picked} canManage={canManage} onErased={() => void search()} />}
        </div>
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </ScreenFrame>
  );
}

function CustomerRecord({ id, canManage, onErased }: { id: number; canManage: boolean; onErased: () => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const money = useMoney();
  const locale = useLocale();
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [history, setHistory] = useState<PurchaseHistoryDto | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingAddress, setAddingAddress] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  const reload = async () => {
    const [d, h] = await Promise.all([pos.customers.get({ id }), pos.customerAdmin.history({ id })]);
    if (d.ok) setDetail(d.value);
    else setFailure(d.error);
    if (h.ok) setHistory(h.value);
  };

  useEffect(() => {
    let live = true;
    void Promise.all([pos.customers.get({ id }), pos.customerAdmin.history({ id })]).then(([d, h]) => {
      if (!live) return;
      if (d.ok) setDetail(d.value);
      else setFailure(d.error);
      if (h.ok) setHistory(h.value);
    });
    return () => {
      live = false;
    };
  }, [pos, id]);

  if (!detail) return <ErrorNote error={failure} testId="cust-record-error" />;
  const erased = detail.document === null && detail.firstName === 'ERASED';

  const exportJson = async () => {
    const result = await pos.customerAdmin.exportData({ id });
    if (result.ok) {
      downloadText(result.value.fileName, result.value.json, 'application/json');
      setDone(t('cust.exported'));
    } else setFailure(result.error);
  };

  const values: CustomerValues = {
    documentTypeCode: detail.documentType ?? '',
    document: detail.document ?? '',
    firstName: detail.firstName,
    middleName: detail.middleName ?? '',
    lastName: detail.lastName,
    secondLastName: detail.secondLastName ?? '',
    email: detail.email ?? '',
    phoneTypeCode: detail.phoneType ?? '',
    phone: detail.phone ?? '',
    countryCode: detail.countryCode ?? 'CO',
  };

  return (
    <section data-testid="cust-record">
      <h2 className="settings-section__title" data-testid="cust-name">
        {erased ? t('cust.erasedName') : detail.name}
      </h2>
      {!editing && !erased && (
        <dl className="facts">
          <dt>{t('sell.customer.fields.document')}</dt>
          <dd>
            {detail.documentType} {detail.document}
          </dd>
          <dt>{t('sell.customer.fields.email')}</dt>
          <dd>{detail.email ?? '—'}</dd>
          <dt>{t('sell.customer.fields.phone')}</dt>
          <dd>{detail.phone ? `${detail.phone} (${detail.phoneType ?? ''})` : '—'}</dd>
          <dt>{t('sell.customer.fields.country')}</dt>
          <dd>{detail.countryCode ?? '—'}</dd>
        </dl>
      )}
      {editing && (
        <CustomerForm
          initial={values}
          submitLabel={t('cust.save')}
          save={(v) => pos.customerAdmin.update({ id, ...v })}
          onCreated={() => (setEditing(false), setDone(t('cust.saved')), void reload())}
          onBack={() => setEditing(false)}
        />
      )}
      {!erased && !editing && (
        <div className="form__actions form__actions--start">
          {canManage && (
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="cust-edit">
              {t('cust.edit')}
            </button>
          )}
          {canManage && (
            <button type="button" className="button button--quiet" onClick={() => void exportJson()} data-testid="cust-export-json">
              {t('cust.exportJson')}
            </button>
          )}
          {canManage && (
            <button type="button" className="button button--danger-quiet" onClick={() => setErasing(true)} data-testid="cust-erase">
              {t('cust.erase')}
            </button>
          )}
        </div>
      )}
      <ErrorNote error={failure} testId="cust-record-error" />
      {done && (
        <p className="settings-actions__feedback" role="status" data-testid="cust-done">
          ✓ {done}
        </p>
      )}

      {!erased && (
        <>
          <h3>{t('cust.addresses')}</h3>
          <ul className="address-list" data-testid="cust-addresses">
            {detail.addresses.map((a) => (
              <li key={`${a.kind}-${a.id}`}>
                <span className="badge">{t(`sell.customer.${a.kind}`)}</span> {a.address} {a.zipCode ?? ''} · {a.countryCode}
              </li>
            ))}
          </ul>
          {addingAddress ? (
            <AddressForm customerId={id} onAdded={() => (setAddingAddress(false), void reload())} onCancel={() => setAddingAddress(false)} />
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setAddingAddress(true)} data-testid="cust-add-address">
              {t('sell.customer.addAddress')}
            </button>
          )}
        </>
      )}

      <h3>{t('cust.purchases')}</h3>
      {history && (
        <>
          <p className="form__hint" data-testid="cust-totals">
            {t('cust.totals', { count: history.count, items: history.items, total: money.format(history.total) })}
          </p>
          <table className="table" data-testid="cust-purchases">
            <tbody>
              {history.purchases.map((p) => (
                <tr key={p.invoiceId}>
                  <th scope="row" className="table__code">
                    {p.invoiceNumber}
                  </th>
                  <td>{p.completedAt ? day.format(new Date(p.completedAt)) : ''}</td>
                  <td className="table__num">{t('cust.items', { count: p.items })}</td>
                  <td className="table__num">{money.format(p.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {erasing && (
        <EraseDialog
          name={detail.name}
          onClose={() => setErasing(false)}
          onErase={async (reason) => {
            const result = await pos.customerAdmin.erase({ id, reason });
            if (!result.ok) return result.error;
            setErasing(false);
            setDetail(result.value);
            setDone(t('cust.erasedDone'));
            onErased();
            return null;
          }}
        />
      )}
    </section>
  );
}

function EraseDialog({ name, onClose, onErase }: { name: string; onClose: () => void; onErase: (reason: string) => Promise<ErrorInfo | null> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  return (
    <Dialog testId="cust-erase-dialog" title={t('cust.eraseTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void onErase(reason).then(setFailure);
        }}
      >
        <p>{t('cust.eraseMessage', { name })}</p>
        <Field label={t('cust.eraseReason')} htmlFor="erase-reason">
          <input id="erase-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="cust-erase-reason" />
        </Field>
        <ErrorNote error={failure} testId="cust-erase-error" />
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button--danger" data-testid="cust-erase-confirm" disabled={!reason.trim()}>
            {t('cust.erase')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const file = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<CustomerImportReport | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const f = file.current?.files?.[0];
    if (!f) return;
    setBusy(true);
    const result = await pos.customerAdmin.importCsv({ text: await f.text() });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setFailure(null);
    } else setFailure(result.error);
  };

  return (
    <Dialog testId="cust-import-dialog" title={t('cust.importCsv')} onClose={onClose}>
      <p className="form__hint">{t('cust.importHint')}</p>
      <input ref={file} type="file" accept=".csv,text/csv" data-testid="cust-import-file" className="input" />
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('app.close')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void run()} disabled={busy} data-testid="cust-import-run">
          {busy ? t('sell.working') : t('cust.importRun')}
        </button>
      </div>
      <ErrorNote error={failure} testId="cust-import-error" />
      {report?.ok && (
        <p className="settings-actions__feedback" role="status" data-testid="cust-import-done">
          ✓ {t('cust.imported', { created: report.created, updated: report.updated })}
        </p>
      )}
      {report && !report.ok && (
        <>
          <p className="dialog__error" role="alert" data-testid="cust-import-failed">
            {t('cust.importFailed', { count: report.errors.length })}
          </p>
          <div className="backoffice-scroll import-report">
            <table className="table" data-testid="cust-import-report">
              <thead>
                <tr>
                  <th scope="col">{t('cust.row')}</th>
                  <th scope="col">{t('cust.column')}</th>
                  <th scope="col">{t('cust.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="table__num">{e.row}</td>
                    <td className="table__code">{e.column}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
