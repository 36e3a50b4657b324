import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../../i18n/error-message';
import { useMoney } from '../../lib/use-money';

/** A label, its control and the error for it underneath. */
export function Field({ label, htmlFor, error, errorTestId, children }: { label: string; htmlFor: string; error?: string | null; errorTestId?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error && (
        <p className="field__error" id={`${htmlFor}-error`} role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A failed call, translated, in the store's money and locale. */
export function useErrorText(): (error: ErrorInfo) => string {
  const { t } = useTranslation();
  const money = useMoney();
  return (error) => errorMessage(t, error, money.locale, new Date(), money.currency);
}

export function ErrorNote({ error, testId }: { error: ErrorInfo | null; testId: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="dialog__error" role="alert" data-testid={testId} data-code={error.code}>
      {text(error)}
    </p>
  );
}

/** Ready-made reasons: one tap instead of typing while the queue waits. */
export function ReasonChips({ reasons, onPick }: { reasons: string[]; onPick: (reason: string) => void }) {
  return (
    <div className="chips">
      {reasons.map((reason) => (
        <button key={reason} type="button" className="chip" onClick={() => onPick(reason)}>
          {reason}
        </button>
      ))}
    </div>
  );
}

/**
 * The reason every discount, price change or void needs: a text field with
 * ready-made reasons under it. `id` is also its data-testid; its error's is `<id>-error`.
 */
export function ReasonField({ id, value, onChange, error, reasons }: { id: string; value: string; onChange: (reason: string) => void; error?: string | null; reasons: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('sell.discount.reason')} htmlFor={id} error={error} errorTestId={`${id}-error`}>
        <input
          id={id}
          className="input"
          data-testid={id}
          autoComplete="off"
          maxLength={200}
          value={value}
          aria-invalid={Boolean(error)}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
      <ReasonChips reasons={reasons} onPick={onChange} />
    </>
  );
}
