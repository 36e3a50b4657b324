/**
 * The Catalog screen's state: the editable lists (what main last returned)
 * and the calls the product list and editor make. Saves return main's answer
 * so a form can show the error at its field.
 */
import { createStore } from 'zustand/vanilla';
import type { ListEntryInput } from '../../../shared/catalog/list-schemas';
import type { CatalogListName } from '../../../shared/catalog/list-schemas';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { Contract, InputOf } from '../../../shared/ipc/contract';
import type { CatalogLists, ProductPage } from '../../../shared/ipc/dto-catalog';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
export type ProductQueryInput = InputOf<Contract['catalog']['products']>;

export interface CatalogState {
  lists: CatalogLists | null;
  listsStatus: LoadStatus;
  listsError: ErrorInfo | null;
  loadLists(): Promise<void>;
  saveEntry(entry: ListEntryInput): Promise<Result<CatalogLists>>;
  deleteEntry(list: CatalogListName, id: number): Promise<Result<CatalogLists>>;
  queryProducts(query: ProductQueryInput): Promise<Result<ProductPage>>;
  /** The API for the catalog's own calls (editor, import, labels). */
  api: PosApi;
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

export function createCatalogStore(api: PosApi) {
  return createStore<CatalogState>()((set) => {
    const take = (result: Result<CatalogLists>) => {
      if (result.ok) set({ lists: result.value, listsStatus: 'ready', listsError: null });
      return result;
    };
    return {
      lists: null,
      listsStatus: 'idle',
      listsError: null,
      api,

      async loadLists() {
        set({ listsStatus: 'loading', listsError: null });
        const result = await api.catalog.lists();
        if (result.ok) set({ lists: result.value, listsStatus: 'ready' });
        else set({ listsStatus: 'error', listsError: result.error });
      },

      saveEntry: async (entry) => take(await api.catalog.saveListEntry(entry)),
      deleteEntry: async (list, id) => take(await api.catalog.deleteListEntry({ list, id })),
      queryProducts: (query) => api.catalog.products(query),
    };
  });
}
