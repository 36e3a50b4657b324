import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';

/** Placeholder until the inventory issue fills it. */
export function InventoryScreen() {
  const { t } = useTranslation();
  return (
    <ScreenFrame name="inventory" title={t('screens.inventory.title')}>
      <p className="screen__lead">{t('screens.inventory.body')}</p>
    </ScreenFrame>
  );
}
