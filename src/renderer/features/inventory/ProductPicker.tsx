import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { ProductHit } from '../../../shared/ipc/dto-sales';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

/** Finds a product by name, PLU or barcode (a scan ends in Enter); picking one opens its colour x size grid. */
export function ProductPicker({ onPick, testId }: { onPick: (hit: ProductHit) => void; testId: string }) {
  const { t } = useTranslation();
  const pos = usePos();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProductHit[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const text = query.trim();
    if (!text) return;
    const result = await pos.catalog.search({ query: text, limit: 12 });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setHits(result.value);
    // One hit (a scanned barcode or exact PLU): open it at once.
    if (result.value.length === 1) {
      onPick(result.value[0]!);
      setHits([]);
    }
  };

  return (
    <div className="product-picker">
      <form className="filters" onSubmit={(e) => void search(e)}>
        <label className="filters__field filters__field--wide">
          <span className="field__label">{t('inv.findProduct')}</span>
          <input className="input" value={query} onChange={(e) => setQuery(e.target.value)} data-testid={`${testId}-query`} maxLength={100} autoComplete="off" />
        </label>
        <button type="submit" className="button" data-testid={`${testId}-search`}>
          {t('inv.search')}
        </button>
      </form>
      <ErrorNote error={failure} testId={`${testId}-error`} />
      {hits.length > 0 && (
        <ul className="pick-list" data-testid={`${testId}-hits`}>
          {hits.map((h) => (
            <li key={h.productId}>
              <button
                type="button"
                className="button button--quiet pick-list__item"
                onClick={() => {
                  onPick(h);
                  setHits([]);
                }}
              >
                <span className="table__code">{h.plu}</span> {h.name} <span className="table__note">{h.brand ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
