import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { formatMoneyInput, parseMoneyInput } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { ErrorNote, Field, ReasonField, useErrorText } from './FormBits';

/** A new unit price for one line, with a reason; always a manager's call. */
export function PriceDialog({ lineId, onClose }: { lineId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const line = useSell((s) => s.cart.lines.find((l) => l.lineId === lineId));
  const overridePrice = useSell((s) => s.overridePrice);
  const [value, setValue] = useState(() => (line ? formatMoneyInput(line.unitPrice, money.currency, money.locale) : ''));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  if (!line) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const unitPrice = parseMoneyInput(value, money.currency, money.locale);
    const next: { value?: string; reason?: string } = {};
    if (unitPrice === null || unitPrice < 0) next.value = t('sell.price.badPrice');
    if (!reason.trim()) next.reason = t('sell.discount.reasonRequired');
    setErrors(next);
    if (next.value || next.reason || unitPrice === null) return;
    setSaving(true);
    setFailure(null);
    const outcome = await overridePrice(lineId, unitPrice, reason.trim());
    setSaving(false);
    if (outcome.status === 'done') onClose();
    else if (outcome.status === 'failed') {
      if (outcome.error.field === 'unitPrice') setErrors({ value: errorText(outcome.error) });
      else if (outcome.error.field === 'reason') setErrors({ reason: errorText(outcome.error) });
      else setFailure(outcome.error);
    }
  };

  return (
    <Dialog testId="price-dialog" title={t('sell.price.title', { name: line.variant.name })} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="form__hint">
          {t('sell.price.catalog', { price: money.format(line.originalUnitPrice ?? line.variant.unitPrice) })} · {t('sell.price.managerOnly')}
        </p>
        <Field label={t('sell.price.newPrice')} htmlFor="price-value" error={errors.value} errorTestId="price-value-error">
          <input
            id="price-value"
            className="input input--big"
            data-testid="price-value"
            data-autofocus
            inputMode="decimal"
            autoComplete="off"
            value={value}
            aria-invalid={Boolean(errors.value)}
            onFocus={(event) => event.target.select()}
            onChange={(event) => setValue(event.target.value)}
          />
        </Field>
        <ReasonField id="price-reason" value={reason} onChange={setReason} error={errors.reason} reasons={[t('sell.price.reasons.match'), t('sell.price.reasons.tagError'), t('sell.discount.reasons.damaged')]} />
        <ErrorNote error={failure} testId="price-error" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="price-submit" disabled={saving}>
            {saving ? t('sell.working') : t('sell.price.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
