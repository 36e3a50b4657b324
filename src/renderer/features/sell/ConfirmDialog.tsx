import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { KeyHint } from './KeyHint';

/** Yes or no; Enter confirms (the confirm button has focus), Escape says no. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  testId = 'confirm-dialog',
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog testId={testId} title={title} onClose={onClose} size="small">
      <p className="confirm__message">{message}</p>
      <div className="form__actions">
        <button type="button" className="button button--quiet" data-testid="confirm-cancel" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="button button--danger" data-testid="confirm-ok" data-autofocus onClick={onConfirm}>
          {confirmLabel} <KeyHint keys="Enter" />
        </button>
      </div>
    </Dialog>
  );
}
