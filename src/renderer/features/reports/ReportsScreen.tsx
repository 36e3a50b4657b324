import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';

/** Placeholder until the reports issue fills it. */
export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <ScreenFrame name="reports" title={t('screens.reports.title')}>
      <p className="screen__lead">{t('screens.reports.body')}</p>
    </ScreenFrame>
  );
}
