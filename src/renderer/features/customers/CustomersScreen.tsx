import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';

/** Placeholder until the customers issue fills it. */
export function CustomersScreen() {
  const { t } = useTranslation();
  return (
    <ScreenFrame name="customers" title={t('screens.customers.title')}>
      <p className="screen__lead">{t('screens.customers.body')}</p>
    </ScreenFrame>
  );
}
