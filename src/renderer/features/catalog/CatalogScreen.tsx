import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../../components/ScreenFrame';

/** Placeholder until the catalog issue fills it. */
export function CatalogScreen() {
  const { t } = useTranslation();
  return (
    <ScreenFrame name="catalog" title={t('screens.catalog.title')}>
      <p className="screen__lead">{t('screens.catalog.body')}</p>
    </ScreenFrame>
  );
}
