import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { useSell } from '../../stores/stores-context';
import { ErrorNote, ReasonField } from './FormBits';

/** Cancel the sale in progress, with a reason (kept for the audit trail). */
export function VoidDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const voidSale = useSell((s) => s.voidSale);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!reason.trim()) {
      setError(t('sell.discount.reasonRequired'));
      return;
    }
    setSaving(true);
    const outcome = await voidSale(reason.trim());
    setSaving(false);
    if (outcome.status === 'done') onClose();
    else if (outcome.status === 'failed') setFailure(outcome.error);
  };

  return (
    <Dialog testId="void-dialog" title={t('sell.void.title')} onClose={onClose} size="small">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="form__hint">{t('sell.void.hint')}</p>
        <ReasonField id="void-reason" value={reason} onChange={setReason} error={error} reasons={[t('sell.void.reasons.changedMind'), t('sell.void.reasons.noPayment'), t('sell.void.reasons.mistake')]} />
        <ErrorNote error={failure} testId="void-error" />
        <div className="form__actions">
          <button type="submit" className="button button--danger" data-testid="void-submit" disabled={saving}>
            {t('sell.void.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
