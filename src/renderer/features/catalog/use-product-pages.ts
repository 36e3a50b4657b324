/**
 * The product list's data for a virtualised view: how many products match
 * the filters, and the rows of the pages the view has shown, fetched a page
 * at a time as it scrolls. A filter change starts over; an answer to an old
 * filter is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { ProductListRow, ProductPage } from '../../../shared/ipc/dto-catalog';
import type { ProductQueryInput } from './catalog-store';

export const PAGE_SIZE = 100;

export type ProductFilter = Omit<ProductQueryInput, 'offset' | 'limit'>;

export interface ProductPages {
  /** null until the first answer for these filters. */
  total: number | null;
  row(index: number): ProductListRow | undefined;
  /** Asks for the pages covering rows first..last (the visible window). */
  want(first: number, last: number): void;
  error: ErrorInfo | null;
  /** Forgets what was loaded (after an edit) and loads again. */
  reload(): void;
}

interface Loaded {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, ProductListRow[]>;
  error: ErrorInfo | null;
}

const fresh = (key: string): Loaded => ({ key, total: null, pages: new Map(), error: null });

/** `version`: bump it to load again after an edit elsewhere. */
export function useProductPages(filter: ProductFilter, query: (q: ProductQueryInput) => Promise<Result<ProductPage>>, version = 0): ProductPages {
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify([filter, nonce, version]);
  const [loaded, setLoaded] = useState<Loaded>(() => fresh(key));
  const latest = useRef(key);
  const inFlight = useRef(new Set<string>());
  const current = loaded.key === key ? loaded : fresh(key);

  const load = useCallback(
    async (forKey: string, page: number) => {
      const tag = `${forKey}#${page}`;
      if (inFlight.current.has(tag)) return;
      inFlight.current.add(tag);
      const [f] = JSON.parse(forKey) as [ProductFilter];
      const result = await query({ ...f, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      inFlight.current.delete(tag);
      if (forKey !== latest.current) return;
      setLoaded((prev) => {
        const base = prev.key === forKey ? prev : fresh(forKey);
        if (!result.ok) return { ...base, error: result.error };
        const pages = new Map(base.pages);
        pages.set(page, result.value.rows);
        return { ...base, pages, total: result.value.total, error: null };
      });
    },
    [query],
  );

  useEffect(() => {
    latest.current = key;
    void load(key, 0);
  }, [key, load]);

  const { pages } = current;
  const want = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) if (!pages.has(p)) void load(key, p);
    },
    [pages, key, load],
  );

  return {
    total: current.total,
    error: current.error,
    row: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    want,
    reload: () => setNonce((n) => n + 1),
  };
}
