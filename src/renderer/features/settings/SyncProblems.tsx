import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { ConvergenceDto, RejectedDocumentDto } from '../../../shared/ipc/dto';
import { formatMoment, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useSettings } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { ListError } from './TaxesPanel';

/** The convergence check's answer after "Sync now", in words. */
export function ConvergenceNote({ result }: { result: ConvergenceDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  if (result.status === 'match') {
    return (
      <p className="settings-actions__feedback" data-testid="sync-convergence" data-status="match">
        {t('settings.sync.convergenceMatch', { variants: n(result.variants), rows: n(result.rows) })}
      </p>
    );
  }
  if (result.status === 'not_settled') {
    return (
      <p className="form__hint" data-testid="sync-convergence" data-status="not_settled">
        {t('settings.sync.convergenceNotSettled', { pending: n(result.pending) })}
      </p>
    );
  }
  const what = result.what.map((w) => t(w === 'stock' ? 'settings.sync.convergenceStock' : 'settings.sync.convergenceCatalog')).join(' + ');
  return (
    <p className="dialog__error" role="alert" data-testid="sync-convergence" data-status="mismatch">
      {t('settings.sync.convergenceMismatch', {
        what,
        localVariants: n(result.local.variants),
        localRows: n(result.local.rows),
        cloudVariants: n(result.cloud.variants),
        cloudRows: n(result.cloud.rows),
      })}
    </p>
  );
}

/** One rejected document: its reason, and for a manager "send again" or "drop" (with a reason). */
export function RejectedRow({ doc, canAct, onDone }: { doc: RejectedDocumentDto; canAct: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const retry = useSettings((s) => s.retryRejected);
  const drop = useSettings((s) => s.dropRejected);
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => ReturnType<typeof retry>, message: string) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (result.ok) onDone(message);
    else setError(result.error);
  };

  return (
    <tr data-testid={`sync-rejected-${doc.seq}`}>
      <td className="table__num">{formatNumber(doc.seq, locale)}</td>
      <td className="table__code">{doc.type}</td>
      <td>
        {doc.lastError}
        <ErrorNote error={error} testId={`sync-rejected-error-${doc.seq}`} />
      </td>
      <td className="table__num">{formatNumber(doc.attempts, locale)}</td>
      {canAct && (
        <td>
          {dropping ? (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => drop(doc.seq, reason), t('settings.sync.rejectedDropped', { seq: doc.seq }));
              }}
            >
              <label>
                <span className="visually-hidden">{t('settings.sync.dropReason')}</span>
                <input className="input" value={reason} placeholder={t('settings.sync.dropReason')} onChange={(e) => setReason(e.target.value)} data-testid={`sync-drop-reason-${doc.seq}`} autoFocus maxLength={200} />
              </label>
              <button type="submit" className="button button--danger" disabled={busy || !reason.trim()} data-testid={`sync-drop-confirm-${doc.seq}`}>
                {t('settings.sync.dropConfirm')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setDropping(false)}>
                {t('settings.sync.cancel')}
              </button>
            </form>
          ) : (
            <div className="button-row">
              <button type="button" className="button" disabled={busy} data-testid={`sync-retry-${doc.seq}`} onClick={() => void act(() => retry(doc.seq), t('settings.sync.rejectedRetried', { seq: doc.seq }))}>
                {t('settings.sync.retry')}
              </button>
              <button type="button" className="button button--quiet" disabled={busy} data-testid={`sync-drop-${doc.seq}`} onClick={() => setDropping(true)}>
                {t('settings.sync.drop')}
              </button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

/** Edits the cloud refused because another register changed the row first: keep the cloud's, or apply ours again. */
export function ConflictsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const conflicts = useSettings((s) => s.conflicts);
  const loadConflicts = useSettings((s) => s.loadConflicts);
  const resolve = useSettings((s) => s.resolveConflict);
  const [feedback, setFeedback] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    void loadConflicts();
  }, [loadConflicts]);

  const settle = async (id: number, resolution: 'keep_cloud' | 'reapply_mine') => {
    setError(null);
    const result = await resolve(id, resolution);
    if (result.ok) setFeedback(t('settings.sync.conflictResolved'));
    else setError(result.error);
  };

  return (
    <section className="settings-section" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title" className="settings-section__title">
        {t('settings.sync.conflictsHeading')}
      </h2>
      <p className="form__hint">{t('settings.sync.conflictsHelp')}</p>
      {feedback && (
        <p className="settings-actions__feedback" role="status" data-testid="sync-conflict-feedback">
          {feedback}
        </p>
      )}
      <ErrorNote error={error} testId="sync-conflict-error" />
      <ListError error={conflicts.status === 'error' ? conflicts.error : null} testId="sync-conflicts-error" onRetry={() => void loadConflicts()} />
      {conflicts.items.length === 0 ? (
        conflicts.status === 'ready' && (
          <p className="notice" data-testid="sync-conflicts-none">
            {t('settings.sync.conflictsNone')}
          </p>
        )
      ) : (
        <table className="table" data-testid="sync-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('settings.sync.conflictWhat')}</th>
              <th scope="col">{t('settings.sync.conflictChanges')}</th>
              <th scope="col">{t('settings.sync.conflictWhen')}</th>
              <th scope="col">{t('settings.sync.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.items.map((c) => (
              <tr key={c.id} data-testid={`sync-conflict-${c.id}`}>
                <td>
                  <strong>{c.label}</strong>
                  <div className="table__code">{c.type}</div>
                </td>
                <td>
                  <ul className="plain-list">
                    {c.differences.map((d) => (
                      <li key={d.field}>
                        <span className="table__code">{d.field}</span>: {d.mine || '—'} / {d.cloud || '—'}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{formatMoment(c.detectedAt, locale)?.text ?? c.detectedAt}</td>
                <td>
                  <div className="button-row">
                    <button type="button" className="button" data-testid={`sync-keep-cloud-${c.id}`} onClick={() => void settle(c.id, 'keep_cloud')}>
                      {t('settings.sync.keepCloud')}
                    </button>
                    <button type="button" className="button button--quiet" data-testid={`sync-reapply-${c.id}`} onClick={() => void settle(c.id, 'reapply_mine')}>
                      {t('settings.sync.reapplyMine')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
