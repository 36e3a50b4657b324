import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { InventoryFilters, MovementDto, StockPage, StockRowDto } from '../../../shared/ipc/dto-inventory';
import { useMoney } from '../../lib/use-money';
import { useLocale } from '../../lib/use-locale';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

interface Filters {
  text: string;
  categoryId: string;
  manufacturerId: string;
  lowOnly: boolean;
}
const PAGE = 200;

/** Stock per variant with filters (text, category, manufacturer, low stock), and the movements of the variant picked. */
export function StockTab({ lowOnly = false, testId }: { lowOnly?: boolean; testId: string }) {
  const { t } = useTranslation();
  const pos = usePos();
  const money = useMoney();
  const [lists, setLists] = useState<InventoryFilters>({ categories: [], manufacturers: [] });
  const [filters, setFilters] = useState<Filters>({ text: '', categoryId: '', manufacturerId: '', lowOnly });
  const [page, setPage] = useState<StockPage | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [picked, setPicked] = useState<StockRowDto | null>(null);

  const show = useCallback((r: Result<StockPage>, append: boolean) => {
    if (!r.ok) {
      setFailure(r.error);
      return;
    }
    setFailure(null);
    setPage((old) => (append && old ? { ...r.value, rows: [...old.rows, ...r.value.rows] } : r.value));
  }, []);

  const query = (f: Filters, offset: number) => ({
    text: f.text.trim() || null,
    categoryId: f.categoryId ? Number(f.categoryId) : null,
    manufacturerId: f.manufacturerId ? Number(f.manufacturerId) : null,
    lowOnly: f.lowOnly,
    limit: PAGE,
    offset,
  });

  useEffect(() => {
    let live = true;
    void pos.inventory.filters().then((r) => live && r.ok && setLists(r.value));
    void pos.inventory.stock({ lowOnly, limit: PAGE, offset: 0 }).then((r) => live && show(r, false));
    return () => {
      live = false;
    };
  }, [pos, show, lowOnly]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    show(await pos.inventory.stock(query(filters, 0)), false);
  };

  return (
    <div className="backoffice-split">
      <div className="backoffice-scroll">
        <form className="filters" onSubmit={(e) => void submit(e)}>
          <label className="filters__field filters__field--wide">
            <span className="field__label">{t('inv.filterText')}</span>
            <input className="input" value={filters.text} onChange={(e) => setFilters({ ...filters, text: e.target.value })} data-testid={`${testId}-text`} maxLength={100} />
          </label>
          <label className="filters__field">
            <span className="field__label">{t('inv.category')}</span>
            <select className="input" value={filters.categoryId} onChange={(e) => setFilters({ ...filters, categoryId: e.target.value })}>
              <option value="">{t('inv.all')}</option>
              {lists.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="filters__field">
            <span className="field__label">{t('inv.manufacturer')}</span>
            <select className="input" value={filters.manufacturerId} onChange={(e) => setFilters({ ...filters, manufacturerId: e.target.value })}>
              <option value="">{t('inv.all')}</option>
              {lists.manufacturers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="filters__check">
            <input type="checkbox" className="checkbox" checked={filters.lowOnly} onChange={(e) => setFilters({ ...filters, lowOnly: e.target.checked })} /> {t('inv.lowOnly')}
          </label>
          <button type="submit" className="button button--primary" data-testid={`${testId}-apply`}>
            {t('inv.search')}
          </button>
        </form>
        <ErrorNote error={failure} testId={`${testId}-error`} />
        {page && (
          <p className="form__hint" data-testid={`${testId}-total`}>
            {t('inv.variants', { count: page.total })}
            {page.stockValue !== null && ` · ${t('inv.stockValue')}: ${money.format(page.stockValue)}`}
          </p>
        )}
        <table className="table" data-testid={`${testId}-list`}>
          <thead>
            <tr>
              <th scope="col">{t('inv.product')}</th>
              <th scope="col">{t('inv.variant')}</th>
              <th scope="col">{t('inv.barcode')}</th>
              <th scope="col" className="table__num">
                {t('inv.stock')}
              </th>
              <th scope="col" className="table__num">
                {t('inv.threshold')}
              </th>
              {page?.stockValue !== null && page?.stockValue !== undefined && (
                <th scope="col" className="table__num">
                  {t('inv.unitCost')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((r) => (
              <tr
                key={r.variantId}
                data-testid={`${testId}-row-${r.variantId}`}
                className={r.variantId === picked?.variantId ? 'table__row--picked' : r.active ? undefined : 'table__row--muted'}
                onClick={() => setPicked(r)}
              >
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => setPicked(r)}>
                    <span className="table__code">{r.plu}</span> {r.name}
                  </button>
                </th>
                <td>
                  <span className="matrix__swatch" style={{ background: r.colorHex }} aria-hidden="true" />
                  {r.colorName} · {r.sizeCode}
                </td>
                <td className="table__code">{r.barcode}</td>
                <td className={r.low ? 'table__num delta--down' : 'table__num'} data-testid={`${testId}-stock-${r.variantId}`}>
                  {r.stock}
                  {r.low && ` ⚠`}
                </td>
                <td className="table__num">{r.lowStockThreshold ?? '—'}</td>
                {page.stockValue !== null && <td className="table__num">{r.unitCost === null ? '—' : money.format(r.unitCost)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.rows.length === 0 && <p className="notice">{t('inv.none')}</p>}
        {page && page.rows.length < page.total && (
          <button type="button" className="button" onClick={() => void pos.inventory.stock(query(filters, page.rows.length)).then((r) => show(r, true))}>
            {t('inv.more')}
          </button>
        )}
      </div>
      <div className="backoffice-scroll">{picked ? <MovementHistory row={picked} /> : <p className="notice">{t('inv.pickForHistory')}</p>}</div>
    </div>
  );
}

/** A variant's movements, newest first, each with the stock it left and the document behind it. */
function MovementHistory({ row }: { row: StockRowDto }) {
  const { t } = useTranslation();
  const pos = usePos();
  const locale = useLocale();
  const [moves, setMoves] = useState<MovementDto[] | null>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  useEffect(() => {
    let live = true;
    void pos.inventory.movements({ variantId: row.variantId }).then((r) => live && r.ok && setMoves(r.value));
    return () => {
      live = false;
    };
  }, [pos, row.variantId]);

  return (
    <section aria-labelledby="moves-title" data-testid="movement-history">
      <h2 id="moves-title" className="settings-section__title">
        {t('inv.history', { name: `${row.name} ${row.colorName} ${row.sizeCode}` })}
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('inv.when')}</th>
            <th scope="col">{t('inv.reason')}</th>
            <th scope="col" className="table__num">
              {t('inv.change')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.balance')}
            </th>
            <th scope="col">{t('inv.by')}</th>
          </tr>
        </thead>
        <tbody>
          {moves?.map((m) => (
            <tr key={m.id} data-testid="movement-row" data-reason={m.reason}>
              <td>{when.format(new Date(m.occurredAt))}</td>
              <td>
                {t(`inv.reasons.${m.reason as 'sale'}`)}
                {m.document && <span className="table__note"> {m.document.kind === 'adjustment' ? t(`inv.adjustReasons.${m.document.label as 'damage'}`) : m.document.label}</span>}
                {m.note && <span className="table__note"> · {m.note}</span>}
              </td>
              <td className={m.quantity > 0 ? 'table__num delta--up' : 'table__num delta--down'}>{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
              <td className="table__num">{m.balance}</td>
              <td>{m.staffName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
