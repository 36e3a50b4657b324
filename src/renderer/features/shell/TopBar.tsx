import { useTranslation } from 'react-i18next';
import { Kbd } from '../../components/Kbd';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorMessage } from '../../i18n/error-message';
import { ariaShortcut, LOGOUT_BINDING, shortcutLabel } from '../../lib/shortcuts';
import { useLocale } from '../../lib/use-locale';
import { useSession, useStatus } from '../../stores/stores-context';

export function TopBar({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = useStatus((s) => s.settings);
  const user = useSession((s) => s.current?.user);
  const logoutError = useSession((s) => s.logoutError);
  const na = t('app.notAvailable');

  return (
    <header className="topbar">
      <div className="topbar__store">
        <span className="topbar__store-name" data-testid="topbar-store">
          {settings?.storeName || na}
        </span>
        <span className="topbar__register" data-testid="topbar-register">
          {t('topbar.register', { code: settings?.registerCode || na })}
        </span>
      </div>
      {logoutError && (
        <p className="topbar__error" role="alert" data-testid="logout-error">
          {errorMessage(t, logoutError, locale)}
        </p>
      )}
      <div className="topbar__actions">
        {user && (
          <div className="topbar__user" data-testid="topbar-user" aria-label={t('topbar.user')}>
            <span className="topbar__user-name">{user.displayName}</span>
            <span className="topbar__user-role">{t(`roles.${user.role}`)}</span>
          </div>
        )}
        <LanguageSwitch />
        <button
          type="button"
          className="button button--quiet topbar__logout"
          data-testid="logout"
          aria-keyshortcuts={ariaShortcut(LOGOUT_BINDING)}
          onClick={onLogout}
        >
          {t('topbar.logout')} <Kbd>{shortcutLabel(LOGOUT_BINDING)}</Kbd>
        </button>
      </div>
    </header>
  );
}
