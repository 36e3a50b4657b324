import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { SyncNowResult } from '../../../shared/ipc/dto';
import { formatMoment, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useSettings, useStatus } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { ConflictsSection, ConvergenceNote, RejectedRow } from './SyncProblems';
import { ListError } from './TaxesPanel';

export const REGISTER_COMMAND = 'npm run admin -- register --db FILE --server URL --code CODE';

/**
 * Settings > Sync: server, register, state, last sync, queue, the documents
 * the cloud rejected, and "Sync now" (managers and admins; cashiers read).
 * Not registered yet: how IT registers the till.
 */
export function SyncPanel({ canSync }: { canSync: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const info = useSettings((s) => s.syncInfo);
  const infoError = useSettings((s) => s.syncInfoError);
  const rejected = useSettings((s) => s.rejected);
  const loadSync = useSettings((s) => s.loadSync);
  const syncNow = useSettings((s) => s.syncNow);
  const refreshStatus = useStatus((s) => s.refreshStatus);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SyncNowResult | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [rejectedFeedback, setRejectedFeedback] = useState<string | null>(null);

  useEffect(() => {
    void loadSync();
  }, [loadSync]);

  const runNow = async () => {
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    const result = await syncNow();
    setBusy(false);
    if (result.ok) setOutcome(result.value);
    else setFailure(result.error);
    void refreshStatus();
  };

  if (!info) {
    return infoError ? (
      <div className="settings-list-error">
        <p>{t('settings.sync.loadFailed')}</p>
        <ErrorNote error={infoError} testId="sync-load-error" />
        <button type="button" className="button button--quiet" onClick={() => void loadSync()}>
          {t('app.retry')}
        </button>
      </div>
    ) : (
      <p className="notice">{t('app.loading')}</p>
    );
  }

  const { status } = info;
  const na = t('app.notAvailable');
  const lastSync = status.lastSyncAt ? formatMoment(status.lastSyncAt, locale) : null;
  const reason = (error: { code: string; message: string }) => t(`settings.sync.errorCode.${error.code}`, { defaultValue: error.message });
  const rows: Array<[label: string, value: string, testId: string]> = [
    [t('settings.sync.state'), t(`status.sync.${status.state}`), 'sync-state'],
    [t('settings.sync.server'), info.serverUrl ?? na, 'sync-server'],
    [t('settings.sync.store'), info.storeId ?? na, 'sync-store'],
    [t('settings.sync.register'), info.registerCode, 'sync-register-code'],
    [t('settings.sync.registerId'), info.registerId, 'sync-register-id'],
    [t('settings.sync.lastSync'), lastSync ? lastSync.text : t('status.never'), 'sync-last-sync'],
    [t('settings.sync.pending'), formatNumber(status.pending, locale), 'sync-pending'],
    [t('settings.sync.rejected'), formatNumber(status.rejected, locale), 'sync-rejected-count'],
  ];
  if (status.lastError) rows.push([t('settings.sync.lastError'), `${reason(status.lastError)} (${status.lastError.message})`, 'sync-last-error']);

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="sync-title">
        <div className="settings-section__head">
          <h2 id="sync-title" className="settings-section__title">
            {t('settings.sync.heading')}
          </h2>
          {info.configured && canSync && (
            <button type="button" className="button" data-testid="sync-now" disabled={busy} onClick={() => void runNow()}>
              {busy ? t('settings.sync.running') : t('settings.sync.now')}
            </button>
          )}
        </div>
        {!info.configured && (
          <div className="notice" data-testid="sync-not-configured">
            <p>{t('settings.sync.notConfigured')}</p>
            <pre data-testid="sync-register-command">
              <code>{REGISTER_COMMAND}</code>
            </pre>
            <p>{t('settings.sync.notConfiguredAfter')}</p>
          </div>
        )}
        {info.configured && !canSync && (
          <p className="form__hint" data-testid="sync-manager-only">
            {t('settings.sync.managerOnly')}
          </p>
        )}
        {outcome && (
          <p className={outcome.ok ? 'settings-actions__feedback' : 'dialog__error'} role="status" data-testid="sync-now-result" data-ok={String(outcome.ok)}>
            {outcome.ok || !outcome.error
              ? t('settings.sync.nowDone', { pushed: formatNumber(outcome.pushed, locale), pulled: formatNumber(outcome.pulled, locale), rejected: formatNumber(outcome.rejected, locale) })
              : t('settings.sync.nowFailed', { reason: reason(outcome.error) })}
          </p>
        )}
        {outcome?.convergence && <ConvergenceNote result={outcome.convergence} />}
        <ErrorNote error={failure} testId="sync-now-error" />
        <dl className="facts">
          {rows.map(([label, value, testId]) => (
            <div className="facts__row" key={testId}>
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="settings-section" aria-labelledby="sync-rejected-title">
        <h2 id="sync-rejected-title" className="settings-section__title">
          {t('settings.sync.rejectedHeading')}
        </h2>
        <p className="form__hint">{t('settings.sync.rejectedHelp')}</p>
        {rejectedFeedback && (
          <p className="settings-actions__feedback" role="status" data-testid="sync-rejected-feedback">
            {rejectedFeedback}
          </p>
        )}
        <ListError error={rejected.status === 'error' ? rejected.error : null} testId="sync-rejected-error" onRetry={() => void loadSync()} />
        {rejected.items.length === 0 ? (
          rejected.status === 'ready' && (
            <p className="notice" data-testid="sync-rejected-none">
              {t('settings.sync.rejectedNone')}
            </p>
          )
        ) : (
          <table className="table" data-testid="sync-rejected">
            <thead>
              <tr>
                <th scope="col" className="table__num">
                  {t('settings.sync.seq')}
                </th>
                <th scope="col">{t('settings.sync.type')}</th>
                <th scope="col">{t('settings.sync.reason')}</th>
                <th scope="col" className="table__num">
                  {t('settings.sync.attempts')}
                </th>
                {canSync && <th scope="col">{t('settings.sync.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rejected.items.map((doc) => (
                <RejectedRow key={doc.seq} doc={doc} canAct={canSync} onDone={setRejectedFeedback} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {info.configured && canSync && <ConflictsSection />}
    </div>
  );
}
