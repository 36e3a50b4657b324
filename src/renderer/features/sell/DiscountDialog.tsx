import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { DiscountDto } from '../../../shared/ipc/dto-sales';
import { Dialog } from '../../components/Dialog';
import { formatMoneyInput, formatPercent, parseMoneyInput, parsePercentInput } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { ErrorNote, Field, ReasonField, useErrorText } from './FormBits';

/**
 * Percent or amount off, with a reason, for one line or the whole sale.
 * Main decides whether it needs a manager (the approval dialog opens by itself).
 */
export function DiscountDialog({ scope, lineId, onClose }: { scope: 'line' | 'order'; lineId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const line = useSell((s) => (lineId === undefined ? undefined : s.cart.lines.find((l) => l.lineId === lineId)));
  const orderDiscount = useSell((s) => s.cart.orderDiscount);
  const gross = useSell((s) => s.cart.totals.gross);
  const setLineDiscount = useSell((s) => s.setLineDiscount);
  const setOrderDiscount = useSell((s) => s.setOrderDiscount);
  const current = scope === 'line' ? (line?.discount ?? null) : orderDiscount;
  const base = scope === 'line' ? (line?.gross ?? 0) : gross;

  const [kind, setKind] = useState<DiscountDto['kind']>(current?.kind ?? 'percent');
  const [value, setValue] = useState(() =>
    !current
      ? ''
      : current.kind === 'percent'
        ? new Intl.NumberFormat(money.locale, { maximumFractionDigits: 2, useGrouping: false }).format(current.percentBp / 100)
        : formatMoneyInput(current.amount, money.currency, money.locale),
  );
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const apply = async (discount: DiscountDto | null) => {
    setSaving(true);
    setFailure(null);
    const outcome = scope === 'line' && lineId !== undefined ? await setLineDiscount(lineId, discount) : await setOrderDiscount(discount);
    setSaving(false);
    if (outcome.status === 'done') onClose();
    else if (outcome.status === 'failed') {
      const field = outcome.error.field ?? '';
      if (field.endsWith('reason')) setErrors({ reason: errorText(outcome.error) });
      else if (field.endsWith('percentBp') || field.endsWith('amount')) setErrors({ value: errorText(outcome.error) });
      else setFailure(outcome.error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const next: { value?: string; reason?: string } = {};
    const percentBp = kind === 'percent' ? parsePercentInput(value, money.locale) : null;
    const amount = kind === 'amount' ? parseMoneyInput(value, money.currency, money.locale) : null;
    if (kind === 'percent' && percentBp === null) next.value = t('sell.discount.badPercent');
    if (kind === 'amount' && (amount === null || amount <= 0)) next.value = t('sell.discount.badAmount');
    if (kind === 'amount' && amount !== null && amount > base) next.value = t('sell.discount.tooMuch', { max: money.format(base) });
    if (!reason.trim()) next.reason = t('sell.discount.reasonRequired');
    setErrors(next);
    if (next.value || next.reason) return;
    void apply(
      kind === 'percent' ? { kind: 'percent', percentBp: percentBp ?? 0, reason: reason.trim() } : { kind: 'amount', amount: amount ?? 0, reason: reason.trim() },
    );
  };

  const title = scope === 'line' ? t('sell.discount.lineTitle', { name: line?.variant.name ?? '' }) : t('sell.discount.orderTitle');

  return (
    <Dialog testId="discount-dialog" title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} data-scope={scope} noValidate>
        <p className="form__hint">{t('sell.discount.base', { amount: money.format(base) })}</p>
        {current && (
          <p className="form__hint" data-testid="discount-current">
            {t('sell.discount.current', {
              value: current.kind === 'percent' ? formatPercent(current.percentBp, money.locale) : money.format(current.amount),
              reason: current.reason,
            })}
          </p>
        )}
        <div className="segmented" role="radiogroup" aria-label={t('sell.discount.kind')}>
          {(['percent', 'amount'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              className="segmented__option"
              data-testid={`discount-kind-${k}`}
              onClick={() => setKind(k)}
            >
              {k === 'percent' ? t('sell.discount.percent') : t('sell.discount.amount')}
            </button>
          ))}
        </div>
        <Field label={kind === 'percent' ? t('sell.discount.percentLabel') : t('sell.discount.amountLabel')} htmlFor="discount-value" error={errors.value} errorTestId="discount-value-error">
          <input
            id="discount-value"
            className="input input--big"
            data-testid="discount-value"
            data-autofocus
            inputMode="decimal"
            autoComplete="off"
            value={value}
            aria-invalid={Boolean(errors.value)}
            onChange={(event) => setValue(event.target.value)}
          />
        </Field>
        <ReasonField id="discount-reason" value={reason} onChange={setReason} error={errors.reason} reasons={[t('sell.discount.reasons.loyal'), t('sell.discount.reasons.damaged'), t('sell.discount.reasons.promo')]} />
        <ErrorNote error={failure} testId="discount-error" />
        <div className="form__actions">
          {current && (
            <button type="button" className="button button--quiet" data-testid="discount-remove" disabled={saving} onClick={() => void apply(null)}>
              {t('sell.discount.remove')}
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="discount-submit" disabled={saving}>
            {saving ? t('sell.working') : t('sell.discount.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
