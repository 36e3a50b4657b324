import { forwardRef, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductHit } from '../../../shared/ipc/dto-sales';
import { Kbd } from '../../components/Kbd';
import { formatNumber } from '../../lib/format';
import { useMoney } from '../../lib/use-money';
import { useSell, useSellStore } from '../../stores/stores-context';
import { SEARCH_DEBOUNCE_MS } from './sell-keys';

/**
 * The scan / search box. Enter scans what is typed (a barcode or a PLU);
 * words show products as you type; arrow keys and Enter pick one, which
 * opens the variant picker.
 */
export const ScanBox = forwardRef<HTMLInputElement>(function ScanBox(_props, ref) {
  const { t } = useTranslation();
  const money = useMoney();
  const scan = useSell((s) => s.scan);
  const searchProducts = useSell((s) => s.searchProducts);
  const store = useSellStore();
  const openProduct = useSell((s) => s.openProduct);
  const completed = useSell((s) => s.completed !== null);
  const newSale = useSell((s) => s.newSale);
  const results = useSell((s) => s.search.results);
  const searchedFor = useSell((s) => s.search.query);
  const status = useSell((s) => s.search.status);
  /**
   * The typed text lives in the input only (uncontrolled): a scanner's burst
   * of characters re-renders nothing. `query` is the text a search was sent
   * for, set when typing pauses; the results show while it is what the box holds.
   */
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = useId();

  const setInput = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );

  /** Forgets the search; when there is none, leaves the store alone (a scan would otherwise re-render its readers). */
  const clearSearch = () => {
    const state = store.getState();
    const { search } = state;
    if (search.query !== '' || search.results.length > 0 || search.status !== 'idle') state.clearSearch();
  };

  const stopTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);

  // Type-ahead, debounced: one query per pause, not one per key, and no render per key.
  const onChange = (value: string) => {
    stopTimer();
    if (active !== -1) setActive(-1);
    if (value.trim().length < 2) {
      if (query !== '') {
        setQuery('');
        clearSearch();
      }
      return;
    }
    // Results for other text stop showing at once; the new search waits for a pause.
    if (query !== '' && query !== value) setQuery('');
    timer.current = setTimeout(() => {
      timer.current = null;
      setQuery(value);
      void searchProducts(value);
    }, SEARCH_DEBOUNCE_MS);
  };

  const showing = query !== '' && searchedFor === query ? results : [];
  const open = showing.length > 0;

  const reset = () => {
    stopTimer();
    if (input.current) input.current.value = '';
    setQuery('');
    setActive(-1);
    clearSearch();
  };

  const pick = (hit: ProductHit) => {
    reset();
    void openProduct(hit.productId, true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((i) => Math.min(showing.length - 1, i + 1));
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Words (not a code) with results for this very text showing: Enter takes the first one.
      const words = /\s/.test(text.trim()) || !/\d/.test(text);
      const current = query === text ? showing : [];
      const hit = active >= 0 ? current[active] : words ? current[0] : undefined;
      if (hit) {
        pick(hit);
        return;
      }
      const code = text.trim();
      if (!code) {
        // Enter on the empty box after a sale: on to the next one.
        if (completed) newSale();
        return;
      }
      reset();
      void scan(code);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      reset();
    }
  };

  return (
    <div className="scan-box">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t('sell.scan.label')}
      </label>
      <div className="scan-box__field">
        <input
          id={`${listId}-input`}
          ref={setInput}
          className="scan-box__input"
          data-testid="scan-input"
          type="text"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="enter"
          placeholder={t('sell.scan.placeholder')}
          defaultValue=""
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="F7"
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Kbd>F7</Kbd>
        {status === 'loading' && <span className="scan-box__busy" aria-hidden="true" />}
      </div>
      {open && (
        <ul className="search-results" id={listId} role="listbox" data-testid="search-results" aria-label={t('sell.scan.results')}>
          {showing.map((hit, index) => (
            <li
              key={hit.productId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'search-result search-result--active' : 'search-result'}
              data-testid={`search-result-${hit.productId}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(hit)}
            >
              <span className="search-result__name">{hit.name}</span>
              <span className="search-result__meta">
                {[hit.brand, `PLU ${hit.plu}`, t('sell.scan.variants', { count: hit.variantCount })].filter(Boolean).join(' · ')}
              </span>
              <span className="search-result__price">{money.format(hit.price)}</span>
              <span className={hit.stock > 0 ? 'search-result__stock' : 'search-result__stock search-result__stock--out'}>
                {t('sell.stock', { n: formatNumber(hit.stock, money.locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {query !== '' && status === 'ready' && searchedFor === query && results.length === 0 && (
        <p className="scan-box__none" role="status">
          {t('sell.scan.noResults')}
        </p>
      )}
    </div>
  );
});
