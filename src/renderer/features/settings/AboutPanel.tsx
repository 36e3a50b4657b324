import { useTranslation } from 'react-i18next';
import { formatMoment, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useStatus } from '../../stores/stores-context';

/** The app's version, where it runs and how sync is doing (read-only, from app.status). */
export function AboutPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useStatus((s) => s.status);
  const na = t('app.notAvailable');
  const sync = status?.sync;
  const lastSync = sync?.lastSyncAt ? formatMoment(sync.lastSyncAt, locale) : null;

  const rows: Array<[label: string, value: string, testId: string]> = [
    [t('settings.about.version'), status?.version ?? na, 'about-version'],
    [t('settings.about.shell'), status ? t(`status.shell.${status.shell}`) : na, 'about-shell'],
    [t('settings.about.sync'), sync ? t(`status.sync.${sync.state}`) : t('status.sync.unknown'), 'about-sync'],
    [t('settings.about.pending'), sync ? formatNumber(sync.pending, locale) : na, 'about-pending'],
    [t('settings.about.lastSync'), lastSync ? lastSync.text : sync ? t('status.never') : na, 'about-last-sync'],
  ];

  return (
    <section className="settings-section" aria-labelledby="about-title">
      <h2 id="about-title" className="settings-section__title">
        {t('settings.about.heading')}
      </h2>
      <dl className="facts">
        {rows.map(([label, value, testId]) => (
          <div className="facts__row" key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
