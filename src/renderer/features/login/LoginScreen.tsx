import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/ipc/dto';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorMessage } from '../../i18n/error-message';
import { useLocale } from '../../lib/use-locale';
import { useSession, useStatus } from '../../stores/stores-context';
import { StatusBar } from '../shell/StatusBar';
import { BootstrapForm } from './BootstrapForm';
import { PinPad } from './PinPad';
import { StaffTiles } from './StaffTiles';

/** Choose who you are, then type your PIN. A store with nobody yet creates its first administrator. */
export function LoginScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const staff = useSession((s) => s.staff);
  const staffStatus = useSession((s) => s.staffStatus);
  const staffError = useSession((s) => s.staffError);
  const loadStaff = useSession((s) => s.loadStaff);
  const clearLoginError = useSession((s) => s.clearLoginError);
  const storeName = useStatus((s) => s.publicSettings?.storeName ?? s.settings?.storeName);
  const endedElsewhere = useSession((s) => s.endedElsewhere);
  const [chosen, setChosen] = useState<StaffSummary | null>(null);
  const [lastChosenId, setLastChosenId] = useState<number | null>(null);
  /** Main refused a first administrator: the store has staff after all (maybe none active). */
  const [bootstrapRefused, setBootstrapRefused] = useState(false);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  const choose = (user: StaffSummary) => {
    clearLoginError();
    setChosen(user);
    setLastChosenId(user.id);
  };
  const back = () => {
    clearLoginError();
    setChosen(null);
  };

  return (
    <div className="login" data-testid="screen-login">
      <header className="login__header">
        <div>
          <p className="login__store">{storeName || t('app.title')}</p>
          <h1 className="login__title">{t('login.title')}</h1>
        </div>
        <LanguageSwitch />
      </header>

      <main className="login__body">
        {endedElsewhere && (
          <p className="notice" role="status" data-testid="session-ended">
            {t('login.sessionEnded')}
          </p>
        )}
        {chosen ? (
          <PinPad user={chosen} onBack={back} />
        ) : staffStatus === 'ready' && staff.length === 0 && !bootstrapRefused ? (
          <BootstrapForm
            onRefused={() => {
              setBootstrapRefused(true);
              void loadStaff();
            }}
          />
        ) : (
          <section className="login__staff" aria-labelledby="login-choose">
            <h2 id="login-choose" className="login__subtitle">
              {t('login.chooseUser')}
            </h2>
            {staffStatus === 'error' && staffError && (
              <div className="notice notice--error" role="alert" data-testid="staff-error">
                <p>
                  {t('login.staffLoadFailed')} {errorMessage(t, staffError, locale)}
                </p>
                <button type="button" className="button" onClick={() => void loadStaff()}>
                  {t('app.retry')}
                </button>
              </div>
            )}
            {staffStatus === 'ready' && staff.length === 0 && (
              <p className="notice" data-testid="staff-empty">
                {t('login.noStaff')}
              </p>
            )}
            {bootstrapRefused && staff.length > 0 && (
              <p className="notice" role="status" data-testid="bootstrap-refused">
                {t('login.bootstrap.errors.alreadySetUp')}
              </p>
            )}
            {staff.length > 0 && (
              <>
                <p className="login__hint">{t('login.staffHint')}</p>
                <StaffTiles staff={staff} focusId={lastChosenId} onChoose={choose} />
              </>
            )}
          </section>
        )}
      </main>

      <StatusBar />
    </div>
  );
}
