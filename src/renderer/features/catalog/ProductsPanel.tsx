import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductSort } from '../../../shared/catalog/product-query';
import type { ProductListRow } from '../../../shared/ipc/dto-catalog';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useMoney } from '../../lib/use-money';
import { useCatalog } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { useProductPages, type ProductFilter } from './use-product-pages';

const ROW_HEIGHT = 56;

/**
 * Every product, filtered by text, category, manufacturer, gender, status and
 * low stock. Virtualised: only the rows on screen are in the DOM, and only
 * their pages are fetched, so 20,000 products scroll like 20.
 */
export function ProductsPanel({ onOpen, toolbar, version = 0 }: { onOpen: ((productId: number) => void) | null; toolbar?: React.ReactNode; version?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = useMoney();
  const lists = useCatalog((s) => s.lists);
  const loadLists = useCatalog((s) => s.loadLists);
  const queryProducts = useCatalog((s) => s.queryProducts);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Omit<ProductFilter, 'text'>>({ status: 'active', sort: 'name' });
  // Typing stays responsive: the query follows the text when React has time.
  const deferredText = useDeferredValue(text);
  const pages = useProductPages({ ...filter, text: deferredText }, queryProducts, version);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!lists) void loadLists();
  }, [lists, loadLists]);

  const count = pages.total ?? 0;
  // The virtualizer's functions change as it measures; this component reads them fresh on every render by design.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is meant to be used this way.
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { want } = pages;
  useEffect(() => {
    if (count > 0) want(first, last);
  }, [first, last, count, want]);

  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    scroller.current?.scrollTo({ top: 0 });
  };

  return (
    <div className="catalog-products">
      <div className="catalog-filters" role="search">
        <input
          className="input catalog-filters__text"
          type="search"
          data-testid="product-filter-text"
          placeholder={t('catalog.products.searchPlaceholder')}
          aria-label={t('catalog.products.search')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            scroller.current?.scrollTo({ top: 0 });
          }}
        />
        <select className="input" data-testid="product-filter-category" aria-label={t('catalog.products.category')} value={filter.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('catalog.products.allCategories')}</option>
          {lists?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select className="input" data-testid="product-filter-manufacturer" aria-label={t('catalog.products.manufacturer')} value={filter.manufacturerId ?? ''} onChange={(e) => set({ manufacturerId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('catalog.products.allManufacturers')}</option>
          {lists?.manufacturers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <select className="input" data-testid="product-filter-department" aria-label={t('catalog.products.department')} value={filter.departmentCode ?? ''} onChange={(e) => set({ departmentCode: e.target.value || null })}>
          <option value="">{t('catalog.products.allDepartments')}</option>
          {lists?.departments.map((d) => (
            <option key={d.code} value={d.code}>
              {locale.startsWith('en') ? d.nameEn : d.name}
            </option>
          ))}
        </select>
        <select className="input" data-testid="product-filter-status" aria-label={t('catalog.products.status')} value={filter.status ?? 'active'} onChange={(e) => set({ status: e.target.value as 'active' | 'inactive' | 'all' })}>
          <option value="active">{t('catalog.products.statusActive')}</option>
          <option value="inactive">{t('catalog.products.statusInactive')}</option>
          <option value="all">{t('catalog.products.statusAll')}</option>
        </select>
        <label className="check">
          <input type="checkbox" data-testid="product-filter-low" checked={filter.lowStock ?? false} onChange={(e) => set({ lowStock: e.target.checked })} />
          {t('catalog.products.lowStock')}
        </label>
        <select className="input" data-testid="product-sort" aria-label={t('catalog.products.sort')} value={filter.sort ?? 'name'} onChange={(e) => set({ sort: e.target.value as ProductSort })}>
          {(['name', 'plu', 'newest', 'price'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`catalog.products.sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="catalog-products__bar">
        <p className="catalog-products__count" role="status" data-testid="product-count">
          {pages.total === null ? t('app.loading') : t('catalog.products.count', { count: pages.total, formatted: formatNumber(pages.total, locale) })}
        </p>
        {toolbar}
      </div>
      <ErrorNote error={pages.error} testId="product-list-error" />
      <div className="product-table">
        <div className="product-table__row product-table__head" aria-hidden="true">
          <span>{t('catalog.products.plu')}</span>
          <span>{t('catalog.products.name')}</span>
          <span>{t('catalog.products.manufacturer')}</span>
          <span className="table__num">
            {t('catalog.products.price')}
          </span>
          <span className="table__num">
            {t('catalog.products.variants')}
          </span>
          <span className="table__num">
            {t('catalog.products.stock')}
          </span>
        </div>
        <div className="product-table__body" ref={scroller} data-testid="product-scroller" role="list" aria-label={t('catalog.products.title')}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages.row(item.index);
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-posinset={item.index + 1}
                  aria-setsize={count}
                  className="product-table__row-slot"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  {row ? <ProductRow row={row} money={money.format} locale={locale} onOpen={onOpen} /> : <span className="product-table__placeholder">{t('app.loading')}</span>}
                </div>
              );
            })}
          </div>
          {pages.total === 0 && <p className="notice">{t('catalog.products.none')}</p>}
        </div>
      </div>
    </div>
  );
}

function ProductRow({ row, money, locale, onOpen }: { row: ProductListRow; money: (minor: number) => string; locale: string; onOpen: ((id: number) => void) | null }) {
  const { t } = useTranslation();
  const className = row.active ? 'product-table__row' : 'product-table__row product-table__row--inactive';
  const cells = (
    <>
      <span className="table__code">
        {row.plu}
      </span>
      <span className="product-table__name" title={row.name}>
        <span className="product-table__name-text">{row.name}</span>
        {!row.active && <span className="badge">{t('catalog.products.inactive')}</span>}
        {row.lowStockCount > 0 && <span className="badge badge--warn">{t('catalog.products.lowBadge', { count: row.lowStockCount })}</span>}
      </span>
      <span>{row.manufacturer ?? ''}</span>
      <span className="table__num">
        {money(row.price)}
      </span>
      <span className="table__num">
        {formatNumber(row.variantCount, locale)}
      </span>
      <span className="table__num">
        {formatNumber(row.stock, locale)}
      </span>
    </>
  );
  // Managers open the editor; others read the row.
  return onOpen ? (
    <button type="button" className={className} data-testid={`product-row-${row.plu}`} onClick={() => onOpen(row.productId)}>
      {cells}
    </button>
  ) : (
    <div className={className} data-testid={`product-row-${row.plu}`}>
      {cells}
    </div>
  );
}
