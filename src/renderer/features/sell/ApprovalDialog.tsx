import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { formatPercent } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { ErrorNote } from './FormBits';
import type { ApprovalSubject } from './sell-store';

function useSubjectText(): (subject: ApprovalSubject) => string {
  const { t } = useTranslation();
  const money = useMoney();
  return (subject) => {
    if (subject.kind === 'price') return t('sell.approval.what.price', { name: subject.name, from: money.format(subject.from), to: money.format(subject.to) });
    if (subject.kind === 'discountGrowth') {
      const values = { name: subject.name, percent: formatPercent(subject.percentBp, money.locale), threshold: formatPercent(subject.thresholdBp, money.locale) };
      return subject.name ? t('sell.approval.what.lineGrowth', values) : t('sell.approval.what.orderGrowth', values);
    }
    const d = subject.discount;
    const value = !d ? '' : d.kind === 'percent' ? formatPercent(d.percentBp, money.locale) : money.format(d.amount);
    const reason = d?.reason ?? '';
    return subject.kind === 'lineDiscount' ? t('sell.approval.what.lineDiscount', { name: subject.name, value, reason }) : t('sell.approval.what.orderDiscount', { value, reason });
  };
}

/**
 * A manager approves at the till: pick who, type their PIN; the action that
 * needed it is retried with the approval. Escape gives up.
 */
export function ApprovalDialog() {
  const { t } = useTranslation();
  const approval = useSell((s) => s.approval);
  const managers = useSell((s) => s.managers);
  const submitApproval = useSell((s) => s.submitApproval);
  const cancel = useSell((s) => s.cancelApproval);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const subjectText = useSubjectText();
  if (!approval) return null;
  const who = chosen ?? (managers.length === 1 ? (managers[0]?.id ?? null) : null);
  const canSubmit = who !== null && /^\d{4,8}$/.test(pin) && !approval.submitting;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || who === null) return;
    await submitApproval(who, pin);
    setPin('');
  };

  return (
    <Dialog testId="approval-dialog" title={t('sell.approval.title')} onClose={cancel} closeLabel={t('sell.approval.cancel')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="approval__subject" data-testid="approval-subject">
          {subjectText(approval.subject)}
        </p>
        <p className="form__hint">{t('sell.approval.hint')}</p>
        <div className="approval__managers" role="radiogroup" aria-label={t('sell.approval.who')}>
          {managers.length === 0 && <p className="form__hint">{t('app.loading')}</p>}
          {managers.map((m) => (
            <button
              key={m.id}
              type="button"
              role="radio"
              aria-checked={who === m.id}
              className="approval__manager"
              data-testid={`approval-user-${m.id}`}
              onClick={() => {
                setChosen(m.id);
                document.getElementById('approval-pin')?.focus();
              }}
            >
              <span className="approval__name">{m.displayName}</span>
              <span className="approval__role">{t(`roles.${m.role}`)}</span>
            </button>
          ))}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="approval-pin">
            {t('sell.approval.pin')}
          </label>
          <input
            id="approval-pin"
            className="input input--big input--pin"
            data-testid="approval-pin"
            data-scanner="off"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
          />
        </div>
        <ErrorNote error={approval.error} testId="approval-error" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="approval-submit" disabled={!canSubmit}>
            {approval.submitting ? t('login.checking') : t('sell.approval.approve')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
