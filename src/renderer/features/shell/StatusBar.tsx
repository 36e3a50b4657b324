import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../../shared/ipc/dto';
import { formatMoment, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useStatus } from '../../stores/stores-context';

const TONE: Record<SyncState, 'neutral' | 'ok' | 'bad' | 'busy'> = {
  not_configured: 'neutral',
  online: 'ok',
  offline: 'bad',
  syncing: 'busy',
  error: 'bad',
};

/** Sync state, outbox length, last sync, why sync fails, rejected documents, and where the app runs. */
export function StatusBar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useStatus((s) => s.status);
  const sync = status?.sync;
  const lastSync = sync?.lastSyncAt ? formatMoment(sync.lastSyncAt, locale) : null;

  return (
    <footer className="statusbar">
      <span className="statusbar__item" data-testid="status-sync" data-state={sync?.state ?? 'unknown'}>
        <span className={`dot dot--${sync ? TONE[sync.state] : 'neutral'}`} aria-hidden="true" />
        {sync ? t(`status.sync.${sync.state}`) : t('status.sync.unknown')}
      </span>
      <span className="statusbar__item" data-testid="status-queue">
        {/* With no sync set up, documents wait in the outbox: say how many, not "0 to send". */}
        {sync?.state === 'not_configured'
          ? t('status.queueWaiting', { count: sync.pending, n: formatNumber(sync.pending, locale) })
          : t('status.queue', { n: sync ? formatNumber(sync.pending, locale) : t('app.notAvailable') })}
      </span>
      <span className="statusbar__item" data-testid="status-last-sync">
        {t('status.lastSync', { time: lastSync ? lastSync.text : t('status.never') })}
      </span>
      {sync?.lastError && (sync.state === 'error' || sync.state === 'offline') && (
        // Why it does not sync (revoked, unreachable...): short here, main's full message on hover and in Settings > Sync.
        <span className="statusbar__item" data-testid="status-sync-error" data-code={sync.lastError.code} title={sync.lastError.message}>
          {t(`settings.sync.errorCode.${sync.lastError.code}`, { defaultValue: sync.lastError.message })}
        </span>
      )}
      {sync && sync.rejected > 0 && (
        <span className="statusbar__item" data-testid="status-rejected">
          <span className="dot dot--bad" aria-hidden="true" />
          {t('status.rejected', { count: sync.rejected, n: formatNumber(sync.rejected, locale) })}
        </span>
      )}
      <span className="statusbar__spacer" />
      {status && (
        <>
          <span className="statusbar__item" data-testid="status-shell" data-shell={status.shell}>
            {t(`status.shell.${status.shell}`)}
          </span>
          <span className="statusbar__item statusbar__version">{t('status.version', { version: status.version })}</span>
        </>
      )}
    </footer>
  );
}
