import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';
import { contract } from '../../../shared/ipc/contract';
import type { StaffUserDto } from '../../../shared/ipc/dto';
import { PIN_MAX } from '../../../shared/pin';
import { STAFF_ROLE_NAMES } from '../../../shared/roles';
import { Dialog } from '../../components/Dialog';
import { setServerIssues } from '../../lib/form-errors';
import { formatMoment } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useSession, useSettings } from '../../stores/stores-context';
import { pinDigits, staffFieldText } from '../login/staff-form';
import { ConfirmDialog } from '../sell/ConfirmDialog';
import { ErrorNote, Field, useErrorText } from '../sell/FormBits';
import { ListError } from './TaxesPanel';

/** Who works here. Managers see the list; admins also add and disable users. */
export function StaffPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const staff = useSettings((s) => s.staff);
  const loadStaff = useSettings((s) => s.loadStaff);
  const disableStaff = useSettings((s) => s.disableStaff);
  const setStaffRole = useSettings((s) => s.setStaffRole);
  const me = useSession((s) => s.current?.user.id);
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [disabling, setDisabling] = useState<StaffUserDto | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  const stateText = (user: StaffUserDto) => {
    if (!user.active) return t('settings.staff.disabled');
    const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
    const until = locked && user.lockedUntil ? formatMoment(user.lockedUntil, locale) : null;
    return until ? t('settings.staff.lockedUntil', { until: until.text }) : t('settings.staff.active');
  };

  const confirmDisable = async () => {
    const user = disabling;
    if (!user) return;
    setDisabling(null);
    setFailure(null);
    setDone(null);
    const result = await disableStaff(user.id);
    if (result.ok) setDone(t('settings.staff.disabledDone', { name: user.displayName }));
    else setFailure(result.error);
  };

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="staff-title">
        <div className="settings-section__head">
          <h2 id="staff-title" className="settings-section__title">
            {t('settings.staff.heading')}
          </h2>
          {canManage && (
            <button
              type="button"
              className="button"
              data-testid="staff-add"
              onClick={() => {
                setDone(null);
                setAdding(true);
              }}
            >
              + {t('settings.staff.add')}
            </button>
          )}
        </div>
        {!canManage && (
          <p className="form__hint" data-testid="staff-admin-only">
            {t('settings.staff.adminOnly')}
          </p>
        )}
        <ListError error={staff.status === 'error' ? staff.error : null} testId="staff-list-error" onRetry={() => void loadStaff()} />
        {failure && (
          <p className="dialog__error" role="alert" data-testid="staff-error" data-code={failure.code}>
            {failure.code === 'CONFLICT' ? t('settings.staff.errors.lastAdmin') : errorText(failure)}
          </p>
        )}
        {done && (
          <p className="settings-actions__feedback" role="status" data-testid="staff-done">
            ✓ {done}
          </p>
        )}
        <table className="table" data-testid="staff-list">
          <thead>
            <tr>
              <th scope="col">{t('settings.staff.name')}</th>
              <th scope="col">{t('settings.staff.username')}</th>
              <th scope="col">{t('settings.staff.role')}</th>
              <th scope="col">{t('settings.staff.state')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('settings.staff.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {staff.items.map((user) => (
              <tr key={user.id} data-testid={`staff-row-${user.id}`} data-active={user.active} className={user.active ? undefined : 'table__row--muted'}>
                <th scope="row">
                  {user.displayName} {user.id === me && <span className="table__note">{t('settings.staff.you')}</span>}
                </th>
                <td className="table__code">{user.username}</td>
                <td>
                  {canManage && user.active ? (
                    <select
                      className="input input--narrow"
                      value={user.role}
                      data-testid={`staff-role-${user.id}`}
                      aria-label={t('perms.changeRole', { name: user.displayName })}
                      onChange={(e) => {
                        const role = e.target.value as StaffUserDto['role'];
                        setFailure(null);
                        setDone(null);
                        void setStaffRole(user.id, role).then((r) => {
                          if (r.ok) setDone(t('perms.roleChanged', { name: user.displayName, role: t(`roles.${role}`) }));
                          else setFailure(r.error);
                        });
                      }}
                    >
                      {STAFF_ROLE_NAMES.map((name) => (
                        <option key={name} value={name}>
                          {t(`roles.${name}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${user.role}`)
                  )}
                </td>
                <td data-testid={`staff-state-${user.id}`}>{stateText(user)}</td>
                {canManage && (
                  <td className="table__actions">
                    {user.active && user.id !== me && (
                      <button
                        type="button"
                        className="button button--danger-quiet"
                        data-testid={`staff-disable-${user.id}`}
                        aria-label={t('settings.staff.disableLabel', { name: user.displayName })}
                        onClick={() => {
                          setFailure(null);
                          setDisabling(user);
                        }}
                      >
                        {t('settings.staff.disable')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {staff.status === 'ready' && staff.items.length === 0 && <p className="notice">{t('settings.staff.empty')}</p>}
      </section>

      {adding && (
        <StaffDialog
          onClose={() => setAdding(false)}
          onAdded={(user) => {
            setAdding(false);
            setDone(t('settings.staff.added', { name: user.displayName }));
          }}
        />
      )}
      {disabling && (
        <ConfirmDialog
          title={t('settings.staff.disableTitle')}
          message={t('settings.staff.disableMessage', { name: disabling.displayName, username: disabling.username })}
          confirmLabel={t('settings.staff.disable')}
          onConfirm={() => void confirmDisable()}
          onClose={() => setDisabling(null)}
        />
      )}
    </div>
  );
}

const AddStaffSchema = contract.staff.add.input;
type AddStaffInput = z.input<typeof AddStaffSchema>;
type AddStaffOutput = z.output<typeof AddStaffSchema>;
const FIELDS = ['displayName', 'username', 'role', 'pin'] as const;

/** A new user: name, username, role and a starting PIN (admins only), checked by the contract's schema before main sees them. */
function StaffDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (user: StaffUserDto) => void }) {
  const { t } = useTranslation();
  const addStaff = useSettings((s) => s.addStaff);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<AddStaffInput, unknown, AddStaffOutput>({
    resolver: zodResolver(AddStaffSchema),
    defaultValues: { displayName: '', username: '', role: 'cashier', pin: '' },
    reValidateMode: 'onSubmit',
  });
  const text = (field: Exclude<(typeof FIELDS)[number], 'role'>) => staffFieldText(t, field, errors[field]);
  const field = <F extends (typeof FIELDS)[number]>(name: F) => register(name, { onChange: () => clearErrors(name) });
  const pin = field('pin');

  const submit = handleSubmit(
    async (input) => {
      setFailure(null);
      const result = await addStaff(input);
      if (result.ok) {
        onAdded(result.value);
        return;
      }
      const { error } = result;
      if ((error.code === 'VALIDATION' || error.code === 'CONFLICT') && setServerIssues(error, FIELDS, setError).length > 0) return;
      setFailure(error);
    },
    () => setFailure(null),
  );

  return (
    <Dialog testId="staff-dialog" title={t('settings.staff.addTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form__grid">
          <Field label={t('settings.staff.name')} htmlFor="staff-name" error={text('displayName')} errorTestId="staff-error-displayName">
            <input {...field('displayName')} id="staff-name" className="input" data-testid="staff-name" autoComplete="off" maxLength={60} aria-invalid={Boolean(errors.displayName)} />
          </Field>
          <Field label={t('settings.staff.username')} htmlFor="staff-username" error={text('username')} errorTestId="staff-error-username">
            <input
              {...field('username')}
              id="staff-username"
              className="input"
              data-testid="staff-username"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={32}
              aria-invalid={Boolean(errors.username)}
              aria-describedby="staff-username-hint"
            />
            <p className="form__hint" id="staff-username-hint">
              {t('login.bootstrap.usernameHint')}
            </p>
          </Field>
          <Field label={t('settings.staff.role')} htmlFor="staff-role" error={errors.role ? t('errors.VALIDATION') : undefined} errorTestId="staff-error-role">
            <select {...field('role')} id="staff-role" className="input" data-testid="staff-role">
              {STAFF_ROLE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {t(`roles.${name}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.staff.pin')} htmlFor="staff-pin" error={text('pin')} errorTestId="staff-error-pin">
            <input
              {...pin}
              id="staff-pin"
              className="input input--pin"
              data-testid="staff-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={PIN_MAX}
              aria-invalid={Boolean(errors.pin)}
              aria-describedby="staff-pin-hint"
              onChange={(event) => {
                event.target.value = pinDigits(event.target.value);
                return pin.onChange(event);
              }}
            />
            <p className="form__hint" id="staff-pin-hint">
              {t('settings.staff.pinHint')}
            </p>
          </Field>
        </div>
        <ErrorNote error={failure} testId="staff-save-error" />
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="staff-save" disabled={isSubmitting}>
            {isSubmitting ? t('settings.store.saving') : t('settings.staff.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
