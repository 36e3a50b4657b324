import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { ProductHit } from '../../../shared/ipc/dto-sales';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { GridEntry, quantitiesOf, type GridValues } from './GridEntry';
import { ProductPicker } from './ProductPicker';

export const ADJUST_REASONS = ['damage', 'theft', 'correction', 'found', 'expired', 'sample', 'other'] as const;

/** Adjusts a product's stock on its colour x size grid: a signed change per cell, one reason code for all. */
export function AdjustTab() {
  const { t } = useTranslation();
  const pos = usePos();
  const [product, setProduct] = useState<ProductHit | null>(null);
  const [values, setValues] = useState<GridValues>({});
  const [bad, setBad] = useState<number[]>([]);
  const [reason, setReason] = useState<(typeof ADJUST_REASONS)[number]>('correction');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const apply = async () => {
    const { lines, bad: wrong } = quantitiesOf(values, true);
    setBad(wrong);
    setDone(null);
    if (wrong.length > 0) return;
    const result = await pos.inventory.adjust({ reasonCode: reason, note: note.trim() || null, lines });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setValues({});
    setNote('');
    setRound((r) => r + 1);
    setDone(t('inv.adjusted', { count: result.value.movements }));
  };

  return (
    <div className="backoffice-scroll" data-testid="inv-adjust">
      <ProductPicker testId="adjust-pick" onPick={(hit) => (setProduct(hit), setValues({}), setBad([]), setDone(null))} />
      {product && (
        <>
          <h2 className="settings-section__title">
            {product.plu} {product.name}
          </h2>
          <p className="form__hint">{t('inv.adjustHint')}</p>
          <GridEntry key={`${product.productId}-${round}`} productId={product.productId} values={values} onChange={setValues} signed bad={bad} testId="adjust-grid" label={t('inv.adjustGrid', { name: product.name })} />
          <div className="filters">
            <label className="filters__field">
              <span className="field__label">{t('inv.reason')}</span>
              <select className="input" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)} data-testid="adjust-reason">
                {ADJUST_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`inv.adjustReasons.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filters__field filters__field--wide">
              <span className="field__label">{t('inv.note')}</span>
              <input className="input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} data-testid="adjust-note" />
            </label>
            <button type="button" className="button button--primary" onClick={() => void apply()} data-testid="adjust-apply">
              {t('inv.applyAdjust')}
            </button>
          </div>
          {bad.length > 0 && (
            <p className="dialog__error" role="alert">
              {t('inv.badCells')}
            </p>
          )}
        </>
      )}
      <ErrorNote error={failure} testId="adjust-error" />
      {done && (
        <p className="settings-actions__feedback" role="status" data-testid="adjust-done">
          ✓ {done}
        </p>
      )}
    </div>
  );
}
