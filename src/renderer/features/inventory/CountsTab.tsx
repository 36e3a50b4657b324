import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { InventoryFilters, StockCountDto, StockCountSummaryDto } from '../../../shared/ipc/dto-inventory';
import { usePos } from '../../stores/stores-context';
import { ConfirmDialog } from '../sell/ConfirmDialog';
import { ErrorNote } from '../sell/FormBits';

/**
 * Stock counts: start a count sheet (whole store, a category or a
 * manufacturer), scan or type what is on the shelf, read the variances, apply.
 * Sales go on meanwhile: each variant's expected stock is snapshotted when it
 * is counted and the count books counted minus that snapshot.
 */
export function CountsTab() {
  const { t } = useTranslation();
  const pos = usePos();
  const [counts, setCounts] = useState<StockCountSummaryDto[]>([]);
  const [lists, setLists] = useState<InventoryFilters>({ categories: [], manufacturers: [] });
  const [scope, setScope] = useState<'all' | 'category' | 'manufacturer'>('all');
  const [scopeId, setScopeId] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const show = useCallback((r: Result<StockCountSummaryDto[]>) => r.ok && setCounts(r.value), []);

  useEffect(() => {
    let live = true;
    void pos.inventory.counts().then((r) => live && show(r));
    void pos.inventory.filters().then((r) => live && r.ok && setLists(r.value));
    return () => {
      live = false;
    };
  }, [pos, show]);

  const start = async () => {
    const result = await pos.inventory.startCount({ scope, scopeId: scope === 'all' ? null : Number(scopeId) || null });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    show(await pos.inventory.counts());
    setOpen(result.value.id);
  };

  const choices = scope === 'category' ? lists.categories : lists.manufacturers;
  return (
    <div className="backoffice-split backoffice-split--wide-right">
      <div className="backoffice-scroll">
        <div className="filters">
          <label className="filters__field">
            <span className="field__label">{t('inv.countScope')}</span>
            <select className="input" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)} data-testid="count-scope">
              <option value="all">{t('inv.scopes.all')}</option>
              <option value="category">{t('inv.scopes.category')}</option>
              <option value="manufacturer">{t('inv.scopes.manufacturer')}</option>
            </select>
          </label>
          {scope !== 'all' && (
            <label className="filters__field">
              <span className="field__label">{t(`inv.scopes.${scope}`)}</span>
              <select className="input" value={scopeId} onChange={(e) => setScopeId(e.target.value)} data-testid="count-scope-id">
                <option value="">—</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="button button--primary" onClick={() => void start()} data-testid="count-start">
            {t('inv.startCount')}
          </button>
        </div>
        <ErrorNote error={failure} testId="count-error" />
        <table className="table" data-testid="count-list">
          <tbody>
            {counts.map((k) => (
              <tr key={k.id} className={open === k.id ? 'table__row--picked' : undefined}>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => setOpen(k.id)} data-testid={`count-open-${k.id}`}>
                    #{k.id} · {k.scopeName ?? t('inv.scopes.all')}
                  </button>
                </th>
                <td>{t(`inv.countStatus.${k.status}`)}</td>
                <td className="table__num">{t('inv.countedN', { count: k.counted })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="backoffice-scroll">{open !== null && <CountSheet key={open} id={open} onChanged={() => void pos.inventory.counts().then(show)} />}</div>
    </div>
  );
}

function CountSheet({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const [count, setCount] = useState<StockCountDto | null>(null);
  const [scan, setScan] = useState('');
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [onlyCounted, setOnlyCounted] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [confirm, setConfirm] = useState(false);
  const scanBox = useRef<HTMLInputElement>(null);
  const show = useCallback((r: Result<StockCountDto>) => (r.ok ? setCount(r.value) : setFailure(r.error)), []);

  useEffect(() => {
    let live = true;
    void pos.inventory.count({ id }).then((r) => live && show(r));
    return () => {
      live = false;
    };
  }, [pos, id, show]);

  if (!count) return null;
  const editable = count.status === 'open';

  const record = async (input: { variantId?: number; barcode?: string; quantity: number; mode: 'set' | 'add' }) => {
    const result = await pos.inventory.recordCount({ countId: id, ...input });
    if (!result.ok) {
      setFailure(result.error);
      return false;
    }
    setFailure(null);
    setCount((c) => (c ? { ...c, counted: c.lines.filter((l) => l.counted !== null || l.variantId === result.value.variantId).length, lines: c.lines.map((l) => (l.variantId === result.value.variantId ? result.value : l)) } : c));
    return true;
  };

  const onScan = async (event: FormEvent) => {
    event.preventDefault();
    const code = scan.trim();
    if (!code) return;
    setScan('');
    await record({ barcode: code, quantity: 1, mode: 'add' });
    scanBox.current?.focus();
  };

  const apply = async () => {
    setConfirm(false);
    const result = await pos.inventory.applyCount({ id });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    show(await pos.inventory.count({ id }));
    onChanged();
  };

  const counted = count.lines.filter((l) => l.counted !== null);
  const variances = counted.filter((l) => l.variance !== 0);
  // Counted variants first (what was just scanned stays in view), then the rest of the sheet, 500 at a time.
  const rows = onlyCounted ? counted : [...counted, ...count.lines.filter((l) => l.counted === null).slice(0, 500)];
  return (
    <section data-testid="count-sheet">
      <h2 className="settings-section__title">
        #{count.id} · {count.scopeName ?? t('inv.scopes.all')} · <span data-testid="count-status">{t(`inv.countStatus.${count.status}`)}</span>
      </h2>
      <p className="form__hint">{t('inv.countRule')}</p>
      {editable && (
        <form className="filters" onSubmit={(e) => void onScan(e)}>
          <label className="filters__field filters__field--wide">
            <span className="field__label">{t('inv.scanToCount')}</span>
            <input ref={scanBox} className="input" value={scan} onChange={(e) => setScan(e.target.value)} data-testid="count-scan" autoComplete="off" />
          </label>
        </form>
      )}
      <label className="filters__check">
        <input type="checkbox" className="checkbox" checked={onlyCounted} onChange={(e) => setOnlyCounted(e.target.checked)} /> {t('inv.onlyCounted')}
      </label>
      <ErrorNote error={failure} testId="count-sheet-error" />
      <p className="form__hint" data-testid="count-summary">
        {t('inv.countSummary', { counted: counted.length, total: count.lines.length, variances: variances.length })}
      </p>
      <table className="table" data-testid="count-lines">
        <thead>
          <tr>
            <th scope="col">{t('inv.variant')}</th>
            <th scope="col" className="table__num">
              {t('inv.counted')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.expected')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.variance')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.stockNow')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.variantId} data-testid={`count-line-${l.variantId}`}>
              <th scope="row">
                {l.name} · {l.colorName} · {l.sizeCode} <span className="table__note table__code">{l.barcode}</span>
              </th>
              <td className="table__num">
                {editable ? (
                  <input
                    className="input input--narrow"
                    inputMode="numeric"
                    value={typed[l.variantId] ?? (l.counted === null ? '' : String(l.counted))}
                    aria-label={t('inv.countedLabel', { name: `${l.name} ${l.colorName} ${l.sizeCode}` })}
                    data-testid={`count-input-${l.variantId}`}
                    onChange={(e) => setTyped({ ...typed, [l.variantId]: e.target.value })}
                    onBlur={() => {
                      const raw = typed[l.variantId];
                      if (raw === undefined || raw.trim() === '' || raw === String(l.counted)) return;
                      void record({ variantId: l.variantId, quantity: /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : -1, mode: 'set' }).then((ok) => ok && setTyped(({ [l.variantId]: _drop, ...rest }) => rest));
                    }}
                    onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                  />
                ) : (
                  (l.counted ?? '—')
                )}
              </td>
              <td className="table__num">{l.expected ?? '—'}</td>
              <td className={l.variance ? (l.variance > 0 ? 'table__num delta--up' : 'table__num delta--down') : 'table__num'} data-testid={`count-variance-${l.variantId}`}>
                {l.variance === null ? '' : l.variance > 0 ? `+${l.variance}` : l.variance}
              </td>
              <td className="table__num">{l.current}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <div className="form__actions">
          <button type="button" className="button button--danger-quiet" onClick={() => void pos.inventory.cancelCount({ id }).then((r) => (show(r), onChanged()))} data-testid="count-cancel">
            {t('inv.cancelCount')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setConfirm(true)} data-testid="count-apply" disabled={counted.length === 0}>
            {t('inv.applyCount')}
          </button>
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('inv.applyCount')}
          message={t('inv.applyConfirm', { variances: variances.length, units: variances.reduce((a, l) => a + (l.variance ?? 0), 0) })}
          confirmLabel={t('inv.applyCount')}
          onConfirm={() => void apply()}
          onClose={() => setConfirm(false)}
        />
      )}
    </section>
  );
}
