import { useTranslation } from 'react-i18next';

export function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status" data-testid="splash">
      {t('app.loading')}
    </div>
  );
}
