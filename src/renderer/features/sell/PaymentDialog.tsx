import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../shared/payment-methods';
import { Dialog } from '../../components/Dialog';
import { formatMoneyInput, parseMoneyInput } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell, useStatus } from '../../stores/stores-context';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNote, Field } from './FormBits';
import { KeyHint } from './KeyHint';
import { quickCashAmounts, summarizeTenders, type TenderDraft } from './tender-math';

const METHODS: { method: PaymentMethod; testId: string }[] = [
  { method: 'cash', testId: 'tender-cash' },
  { method: 'card', testId: 'tender-card' },
  { method: 'transfer', testId: 'tender-transfer' },
  { method: 'store_credit', testId: 'tender-credit' },
];

const needsReference = (method: PaymentMethod) => method === 'card' || method === 'transfer';

/** Cash handed over above this many times the amount due is confirmed before it is added (a slip of the keyboard, not a customer). */
export const IMPLAUSIBLE_CASH_FACTOR = 10;

/** A figure whose text is long gets a smaller font, so it fits its box (which may also grow). */
const figureSize = (text: string) => (text.length > 16 ? 'small' : text.length > 12 ? 'medium' : undefined);

/**
 * Take payment: one or more tenders until the sale is covered. Cash is what
 * the customer hands over (change is shown live); card and transfer need the
 * terminal's reference. Complete is enabled only when paid in full, and sends
 * the one completion key of this payment however many times it is pressed.
 */
export function PaymentDialog() {
  const { t } = useTranslation();
  const money = useMoney();
  const payment = useSell((s) => s.payment);
  const total = useSell((s) => s.cart.totals.total);
  const customer = useSell((s) => s.cart.customer);
  const addTender = useSell((s) => s.addTender);
  const removeTender = useSell((s) => s.removeTender);
  const complete = useSell((s) => s.complete);
  const closePayment = useSell((s) => s.closePayment);
  const increment = useStatus((s) => s.settings?.cashRoundingIncrement ?? 0);
  const tenders = payment?.tenders ?? [];

  const remainingFor = (method: PaymentMethod, list: readonly TenderDraft[]) =>
    summarizeTenders(total, list, increment, method === 'cash').remaining;
  const creditUsed = tenders.filter((x) => x.method === 'store_credit').reduce((a, x) => a + x.amount, 0);
  const creditLeft = Math.max((customer?.creditBalance ?? 0) - creditUsed, 0);
  const prefill = (method: PaymentMethod, list: readonly TenderDraft[]) => {
    const remaining = remainingFor(method, list);
    const amount = method === 'store_credit' ? Math.min(remaining, creditLeft) : remaining;
    return amount > 0 ? formatMoneyInput(amount, money.currency, money.locale) : '';
  };

  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(() => prefill('cash', tenders));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reference?: string }>({});
  /** Cash far beyond the amount due, waiting for the cashier's yes. */
  const [implausible, setImplausible] = useState<{ tender: TenderDraft; due: number } | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const completeButton = useRef<HTMLButtonElement>(null);

  const summary = summarizeTenders(total, tenders, increment, method === 'cash');
  const paid = summarizeTenders(total, tenders, increment).paidInFull;
  const completing = payment?.completing ?? false;

  // Paid in full: the next Enter completes.
  useEffect(() => {
    if (paid) completeButton.current?.focus();
  }, [paid]);

  if (!payment) return null;

  const choose = (next: PaymentMethod) => {
    setMethod(next);
    setAmount(prefill(next, tenders));
    setErrors({});
    amountInput.current?.focus();
  };

  const push = (tender: TenderDraft) => {
    const list = [...tenders, tender];
    addTender(tender);
    setReference('');
    setErrors({});
    setAmount(prefill(method, list));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseMoneyInput(amount, money.currency, money.locale);
    const next: { amount?: string; reference?: string } = {};
    if (value === null || value <= 0) next.amount = t('sell.pay.badAmount');
    else if (method !== 'cash' && value > remainingFor(method, tenders)) next.amount = t('sell.pay.tooMuch', { max: money.format(remainingFor(method, tenders)) });
    else if (method === 'store_credit' && value > creditLeft) next.amount = t('sell.pay.creditTooLow', { balance: money.format(creditLeft) });
    if (needsReference(method) && !reference.trim()) next.reference = t('sell.pay.referenceRequired');
    setErrors(next);
    if (next.amount || next.reference || value === null) return;
    const tender: TenderDraft = { method, amount: value, reference: needsReference(method) ? reference.trim() : null };
    const due = remainingFor('cash', tenders);
    if (method === 'cash' && value > IMPLAUSIBLE_CASH_FACTOR * Math.max(due, 1)) {
      setImplausible({ tender, due });
      return;
    }
    push(tender);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'F9' && paid) {
      event.preventDefault();
      void complete();
    }
  };

  const cashDue = summarizeTenders(total, tenders, increment, true).remaining;
  const quick = quickCashAmounts(cashDue, money.digits);
  const methodLabel = (m: PaymentMethod) => t(`sell.pay.methods.${m}`);

  return (
    <Dialog testId="payment-dialog" title={t('sell.pay.title')} onClose={closePayment} size="large">
      <div className="pay" onKeyDown={onKeyDown}>
        <div className="pay__summary">
          <div className="pay__figure">
            <span>{t('sell.pay.total')}</span>
            <strong data-testid="payment-total" data-size={figureSize(money.format(total))}>
              {money.format(total)}
            </strong>
          </div>
          <div className="pay__figure">
            <span>{t('sell.pay.remaining')}</span>
            <strong data-testid="payment-remaining">{money.format(summarizeTenders(total, tenders, increment).remaining)}</strong>
          </div>
          <div className="pay__figure pay__figure--change">
            <span>{t('sell.pay.change')}</span>
            <strong data-testid="change-due" data-size={figureSize(money.format(summary.change))} title={money.format(summary.change)}>
              {money.format(summary.change)}
            </strong>
          </div>
        </div>

        <div className="pay__methods" role="radiogroup" aria-label={t('sell.pay.method')}>
          {METHODS.map(({ method: m, testId }) => {
            const disabled = m === 'store_credit' && creditLeft <= 0;
            return (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={method === m}
                className="pay__method"
                data-testid={testId}
                disabled={disabled}
                title={disabled ? t('sell.pay.noCredit') : undefined}
                onClick={() => choose(m)}
              >
                {methodLabel(m)}
                {m === 'store_credit' && customer && <small>{money.format(creditLeft)}</small>}
              </button>
            );
          })}
        </div>

        <form className="pay__entry" onSubmit={submit} noValidate>
          <Field label={t('sell.pay.amountFor', { method: methodLabel(method) })} htmlFor="tender-amount" error={errors.amount} errorTestId="tender-amount-error">
            <input
              id="tender-amount"
              ref={amountInput}
              className="input input--big"
              data-testid="tender-amount"
              data-autofocus
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              aria-invalid={Boolean(errors.amount)}
              onFocus={(event) => event.target.select()}
              onChange={(event) => setAmount(event.target.value)}
            />
          </Field>
          {needsReference(method) && (
            <Field label={t('sell.pay.reference')} htmlFor="tender-reference" error={errors.reference} errorTestId="tender-reference-error">
              <input
                id="tender-reference"
                className="input"
                data-testid="tender-reference"
                autoComplete="off"
                maxLength={64}
                value={reference}
                aria-invalid={Boolean(errors.reference)}
                onChange={(event) => setReference(event.target.value)}
              />
            </Field>
          )}
          <button type="submit" className="button" data-testid="tender-add" disabled={completing}>
            {t('sell.pay.add')} <KeyHint keys="Enter" />
          </button>
        </form>

        {method === 'cash' && cashDue > 0 && (
          <div className="pay__quick" aria-label={t('sell.pay.quickCash')}>
            <button type="button" className="button button--quiet" data-testid="quick-cash-exact" onClick={() => push({ method: 'cash', amount: cashDue, reference: null })}>
              {t('sell.pay.exact', { amount: money.format(cashDue) })}
            </button>
            {quick.map((value) => (
              <button key={value} type="button" className="button button--quiet" data-testid={`quick-cash-${value}`} onClick={() => push({ method: 'cash', amount: value, reference: null })}>
                {money.format(value)}
              </button>
            ))}
          </div>
        )}

        {tenders.length > 0 && (
          <ul className="pay__tenders" data-testid="tender-list" aria-label={t('sell.pay.tenders')}>
            {tenders.map((tender, index) => (
              <li key={index} className="pay__tender" data-testid={`tender-line-${index}`}>
                <span>{methodLabel(tender.method)}</span>
                {tender.reference && <span className="pay__ref">{t('sell.pay.refShort', { reference: tender.reference })}</span>}
                <strong>{money.format(tender.amount)}</strong>
                <button
                  type="button"
                  className="button button--quiet pay__remove"
                  data-testid={`tender-remove-${index}`}
                  aria-label={t('sell.pay.removeTender', { method: methodLabel(tender.method), amount: money.format(tender.amount) })}
                  disabled={completing}
                  onClick={() => {
                    removeTender(index);
                    setAmount(prefill(method, tenders.filter((_, i) => i !== index)));
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {summary.overpaidNonCash && <p className="dialog__error">{t('sell.pay.overpaid')}</p>}

        <ErrorNote error={payment.error} testId="payment-error" />

        <button
          type="button"
          ref={completeButton}
          className="button button--primary button--huge"
          data-testid="complete-sale"
          disabled={!paid || completing}
          aria-busy={completing}
          onClick={() => void complete()}
        >
          {completing ? t('sell.pay.completing') : t('sell.pay.complete')} <KeyHint keys="F9" />
        </button>
      </div>
      {implausible && (
        <ConfirmDialog
          testId="cash-confirm"
          title={t('sell.pay.bigCashTitle')}
          message={t('sell.pay.bigCash', { amount: money.format(implausible.tender.amount), due: money.format(implausible.due), times: IMPLAUSIBLE_CASH_FACTOR })}
          confirmLabel={t('sell.pay.bigCashOk', { amount: money.format(implausible.tender.amount) })}
          onClose={() => setImplausible(null)}
          onConfirm={() => {
            push(implausible.tender);
            setImplausible(null);
          }}
        />
      )}
    </Dialog>
  );
}
