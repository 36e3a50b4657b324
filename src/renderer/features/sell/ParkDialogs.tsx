import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { ParkedSale } from '../../../shared/ipc/dto-sales';
import { Dialog } from '../../components/Dialog';
import { formatMoment, formatNumber } from '../../lib/format';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNote, Field } from './FormBits';

/** Hold the sale in progress (an optional label says whose it is) and start an empty one. */
export function ParkDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const park = useSell((s) => s.park);
  const [label, setLabel] = useState('');
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const outcome = await park(label.trim() || null);
    setSaving(false);
    if (outcome.status === 'done') onClose();
    else if (outcome.status === 'failed') setFailure(outcome.error);
  };

  return (
    <Dialog testId="park-dialog" title={t('sell.park.title')} onClose={onClose} size="small">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('sell.park.label')} htmlFor="park-label">
          <input
            id="park-label"
            className="input"
            data-testid="park-label"
            autoComplete="off"
            maxLength={40}
            placeholder={t('sell.park.placeholder')}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </Field>
        <ErrorNote error={failure} testId="park-error" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="park-submit" disabled={saving}>
            {t('sell.park.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The sales on hold at this register; choosing one brings it back (the current one is held in its place). */
export function ParkedDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const parked = useSell((s) => s.parked);
  const loadParked = useSell((s) => s.loadParked);
  const resume = useSell((s) => s.resume);
  const openLines = useSell((s) => s.cart.lines.length);
  const openTotal = useSell((s) => s.cart.totals.total);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  /** A parked sale chosen while another sale with lines is open: main parks that one in its place, so ask first. */
  const [replacing, setReplacing] = useState<ParkedSale | null>(null);

  useEffect(() => {
    void loadParked();
  }, [loadParked]);

  const name = (p: ParkedSale) => p.label || p.customerName || t('sell.parked.unnamed');

  const choose = async (draftId: number, confirmed = false) => {
    const chosen = parked.find((p) => p.draftId === draftId);
    if (!confirmed && openLines > 0 && chosen) {
      setReplacing(chosen);
      return;
    }
    setReplacing(null);
    const outcome = await resume(draftId);
    if (outcome.status === 'done') onClose();
    else if (outcome.status === 'failed') setFailure(outcome.error);
  };

  return (
    <Dialog testId="parked-dialog" title={t('sell.parked.title')} onClose={onClose}>
      {parked.length === 0 ? (
        <p className="form__hint" data-testid="parked-empty">
          {t('sell.parked.empty')}
        </p>
      ) : (
        <ul className="pick-list" data-testid="parked-list">
          {parked.map((p) => (
            <li key={p.draftId}>
              <button type="button" className="pick-list__item" data-testid={`parked-${p.draftId}`} onClick={() => void choose(p.draftId)}>
                <span className="pick-list__main">{name(p)}</span>
                <span className="pick-list__meta">
                  {[formatMoment(p.parkedAt, money.locale)?.text, t('sell.parked.lines', { count: p.lineCount, n: formatNumber(p.lineCount, money.locale) })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className="pick-list__amount">{money.format(p.total)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={failure} testId="parked-error" />
      {replacing && (
        <ConfirmDialog
          testId="resume-confirm"
          title={t('sell.parked.replaceTitle')}
          message={t('sell.parked.replace', {
            lines: t('sell.parked.lines', { count: openLines, n: formatNumber(openLines, money.locale) }),
            total: money.format(openTotal),
            name: name(replacing),
          })}
          confirmLabel={t('sell.parked.replaceOk')}
          onClose={() => setReplacing(null)}
          onConfirm={() => void choose(replacing.draftId, true)}
        />
      )}
    </Dialog>
  );
}
