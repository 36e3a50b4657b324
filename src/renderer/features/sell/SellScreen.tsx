import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';

/** Placeholder until the sell issue fills it. */
export function SellScreen() {
  const { t } = useTranslation();
  return (
    <ScreenFrame name="sell" title={t('screens.sell.title')}>
      <p className="screen__lead">{t('screens.sell.body')}</p>
    </ScreenFrame>
  );
}
