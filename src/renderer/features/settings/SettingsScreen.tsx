import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useStatus } from '../../stores/stores-context';

/** Read-only store facts for now; editing arrives with the settings issue. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useStatus((s) => s.settings);
  const version = useStatus((s) => s.status?.version);
  const na = t('app.notAvailable');

  const rows: Array<[label: string, value: string | undefined, testId: string]> = [
    [t('screens.settings.storeName'), settings?.storeName, 'setting-store-name'],
    [t('screens.settings.register'), settings?.registerCode, 'setting-register'],
    [t('screens.settings.currency'), settings?.currency, 'setting-currency'],
    [t('screens.settings.locale'), settings?.locale, 'setting-locale'],
    [t('screens.settings.version'), version, 'setting-version'],
  ];

  return (
    <ScreenFrame name="settings" title={t('screens.settings.title')}>
      <p className="screen__lead">{t('screens.settings.body')}</p>
      <h2 className="screen__subtitle">{t('screens.settings.storeHeading')}</h2>
      <dl className="facts">
        {rows.map(([label, value, testId]) => (
          <div className="facts__row" key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value || na}</dd>
          </div>
        ))}
      </dl>
    </ScreenFrame>
  );
}
