import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';
import { NewStaffSchema } from '../../../shared/ipc/contract';
import { PIN_MAX } from '../../../shared/pin';
import { setServerIssues } from '../../lib/form-errors';
import { useSession } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { pinDigits, staffFieldText, type StaffFormField } from './staff-form';

/** The contract's new-staff rules, and the PIN typed twice alike. */
const BootstrapSchema = NewStaffSchema.extend({ pinConfirm: z.string() }).refine((v) => v.pinConfirm === v.pin, { path: ['pinConfirm'], message: 'the two PINs differ' });
type BootstrapInput = z.input<typeof BootstrapSchema>;
type BootstrapOutput = z.output<typeof BootstrapSchema>;
const FIELDS = ['displayName', 'username', 'pin', 'pinConfirm'] as const satisfies readonly StaffFormField[];

/**
 * A new store has nobody to sign in as: its first administrator is created
 * here (name, username, PIN twice) and signed in straight away.
 */
export function BootstrapForm({ onRefused }: { onRefused: () => void }) {
  const { t } = useTranslation();
  const bootstrapAdmin = useSession((s) => s.bootstrapAdmin);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<BootstrapInput, unknown, BootstrapOutput>({
    resolver: zodResolver(BootstrapSchema),
    defaultValues: { displayName: '', username: '', pin: '', pinConfirm: '' },
    // Typing clears a field's problem; the form is judged again when sent.
    reValidateMode: 'onSubmit',
  });

  useEffect(() => {
    setFocus('displayName');
  }, [setFocus]);

  const submit = handleSubmit(
    async ({ displayName, username, pin }) => {
      setFailure(null);
      const error = await bootstrapAdmin({ displayName, username, pin });
      // On success the shell replaces this screen.
      if (!error) return;
      if ((error.code === 'VALIDATION' || error.code === 'CONFLICT') && setServerIssues(error, FIELDS, setError).length > 0) return;
      // Main refuses once the store has any staff (someone set it up meanwhile).
      if (error.code === 'FORBIDDEN') onRefused();
      else setFailure(error);
    },
    () => setFailure(null),
  );

  const input = (field: StaffFormField, label: string, props: { hint?: string; secret?: boolean; maxLength?: number }) => {
    const id = `bootstrap-${field}`;
    const testId = field === 'displayName' ? 'bootstrap-name' : field === 'pinConfirm' ? 'bootstrap-pin-confirm' : id;
    const hintId = props.hint ? `${id}-hint` : undefined;
    const error = staffFieldText(t, field, errors[field]);
    const registered = register(field, { onChange: () => clearErrors(field) });
    return (
      <Field label={label} htmlFor={id} error={error} errorTestId={`bootstrap-error-${field}`}>
        <input
          {...registered}
          id={id}
          className={props.secret ? 'input input--pin' : 'input'}
          data-testid={testId}
          type={props.secret ? 'password' : 'text'}
          inputMode={props.secret ? 'numeric' : 'text'}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={props.maxLength ?? 60}
          aria-invalid={Boolean(error)}
          aria-describedby={[hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
          onChange={(event) => {
            if (props.secret) event.target.value = pinDigits(event.target.value);
            return registered.onChange(event);
          }}
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
          <button type="submit" className="button button--primary button--huge" data-testid="bootstrap-submit" disabled={isSubmitting}>
            {isSubmitting ? t('login.bootstrap.creating') : t('login.bootstrap.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
