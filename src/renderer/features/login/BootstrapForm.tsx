import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { useSession } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { PIN_MAX } from './PinPad';
import { PIN_PATTERN, pinDigits, USERNAME_PATTERN } from './staff-rules';

type BootstrapField = 'displayName' | 'username' | 'pin' | 'pinConfirm';
type Values = Record<BootstrapField, string>;

/**
 * A new store has nobody to sign in as: its first administrator is created
 * here (name, username, PIN twice) and signed in straight away.
 */
export function BootstrapForm({ onRefused }: { onRefused: () => void }) {
  const { t } = useTranslation();
  const bootstrapAdmin = useSession((s) => s.bootstrapAdmin);
  const [values, setValues] = useState<Values>({ displayName: '', username: '', pin: '', pinConfirm: '' });
  const [errors, setErrors] = useState<Partial<Record<BootstrapField, string>>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const set = (field: BootstrapField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  /** Main's answer, at the field it names. The PIN's format is checked here first, so a PIN main refuses is a weak one. */
  const serverError = (error: ErrorInfo): boolean => {
    const field = error.field ?? '';
    if (error.code === 'CONFLICT' && field === 'username') setErrors({ username: t('login.bootstrap.errors.usernameTaken') });
    else if (error.code !== 'VALIDATION') return false;
    else if (field === 'pin') setErrors({ pin: t('login.bootstrap.errors.pinWeak') });
    else if (field === 'username') setErrors({ username: t('login.bootstrap.errors.username') });
    else if (field === 'displayName') setErrors({ displayName: t('login.bootstrap.errors.name') });
    else return false;
    return true;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const displayName = values.displayName.trim();
    const username = values.username.trim().toLowerCase();
    const next: Partial<Record<BootstrapField, string>> = {};
    if (!displayName || displayName.length > 60) next.displayName = t('login.bootstrap.errors.name');
    if (!USERNAME_PATTERN.test(username)) next.username = t('login.bootstrap.errors.username');
    if (!PIN_PATTERN.test(values.pin)) next.pin = t('login.bootstrap.errors.pin');
    else if (values.pinConfirm !== values.pin) next.pinConfirm = t('login.bootstrap.errors.pinMismatch');
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length > 0) return;

    setSaving(true);
    const error = await bootstrapAdmin({ displayName, username, pin: values.pin });
    // On success the shell replaces this screen.
    if (!error) return;
    setSaving(false);
    if (serverError(error)) return;
    // Main refuses once the store has any staff (someone set it up meanwhile).
    if (error.code === 'FORBIDDEN') onRefused();
    else setFailure(error);
  };

  const input = (field: BootstrapField, label: string, props: { hint?: string; secret?: boolean; maxLength?: number }) => {
    const id = `bootstrap-${field}`;
    const testId = field === 'displayName' ? 'bootstrap-name' : field === 'pinConfirm' ? 'bootstrap-pin-confirm' : id;
    const hintId = props.hint ? `${id}-hint` : undefined;
    return (
      <Field label={label} htmlFor={id} error={errors[field]} errorTestId={`bootstrap-error-${field}`}>
        <input
          id={id}
          ref={field === 'displayName' ? first : undefined}
          className={props.secret ? 'input input--pin' : 'input'}
          data-testid={testId}
          type={props.secret ? 'password' : 'text'}
          inputMode={props.secret ? 'numeric' : 'text'}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={props.maxLength ?? 60}
          value={values[field]}
          aria-invalid={Boolean(errors[field])}
          aria-describedby={[hintId, errors[field] ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
          onChange={(event) => set(field, props.secret ? pinDigits(event.target.value) : event.target.value)}
        />
        {props.hint && (
          <p className="form__hint" id={hintId}>
            {props.hint}
          </p>
        )}
      </Field>
    );
  };

  return (
    <section className="login__bootstrap" aria-labelledby="bootstrap-title">
      <h2 id="bootstrap-title" className="login__subtitle">
        {t('login.bootstrap.title')}
      </h2>
      <p className="login__hint">{t('login.bootstrap.intro')}</p>
      <form className="form bootstrap-form" data-testid="bootstrap-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form__grid">
          {input('displayName', t('login.bootstrap.name'), {})}
          {input('username', t('login.bootstrap.username'), { hint: t('login.bootstrap.usernameHint'), maxLength: 32 })}
          {input('pin', t('login.bootstrap.pin'), { hint: t('login.bootstrap.pinHint'), secret: true, maxLength: PIN_MAX })}
          {input('pinConfirm', t('login.bootstrap.pinConfirm'), { secret: true, maxLength: PIN_MAX })}
        </div>
        <ErrorNote error={failure} testId="bootstrap-error" />
        <div className="form__actions">
          <button type="submit" className="button button--primary button--huge" data-testid="bootstrap-submit" disabled={saving}>
            {saving ? t('login.bootstrap.creating') : t('login.bootstrap.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
