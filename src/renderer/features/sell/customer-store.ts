/**
 * The customer dialog of the Sell screen: find a customer, create one at the
 * till, read their addresses. Attaching one to the sale is the sell store's
 * job (it changes the cart).
 */
import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { InputOf } from '../../../shared/ipc/contract';
import type { Contract } from '../../../shared/ipc/contract';
import type { AddressDto, CustomerDetail, ReferenceLists } from '../../../shared/ipc/dto-customers';
import type { CustomerSummary } from '../../../shared/ipc/dto-sales';

export type NewCustomer = InputOf<Contract['customers']['create']>;
export type NewAddress = InputOf<Contract['customers']['addAddress']>;

export interface CustomerState {
  lists: ReferenceLists | null;
  listsError: ErrorInfo | null;
  query: string;
  results: CustomerSummary[];
  searchStatus: 'idle' | 'loading' | 'ready' | 'error';
  searchError: ErrorInfo | null;
  /** The customer whose addresses are shown. */
  detail: CustomerDetail | null;

  loadLists(): Promise<void>;
  search(query: string): Promise<void>;
  reset(): void;
  create(input: NewCustomer): Promise<Result<CustomerDetail>>;
  open(id: number): Promise<Result<CustomerDetail>>;
  addAddress(input: NewAddress): Promise<Result<AddressDto>>;
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;

export function createCustomerStore(api: PosApi) {
  let searchSeq = 0;
  return createStore<CustomerState>()((set, get) => ({
    lists: null,
    listsError: null,
    query: '',
    results: [],
    searchStatus: 'idle',
    searchError: null,
    detail: null,

    async loadLists() {
      if (get().lists) return;
      const result = await api.reference.lists();
      if (result.ok) set({ lists: result.value, listsError: null });
      else set({ listsError: result.error });
    },

    async search(query) {
      const seq = ++searchSeq;
      const text = query.trim();
      if (!text) {
        set({ query, results: [], searchStatus: 'idle', searchError: null });
        return;
      }
      set({ query, searchStatus: 'loading', searchError: null });
      const result = await api.customers.search({ query: text.slice(0, 80) });
      if (seq !== searchSeq) return;
      if (result.ok) set({ results: result.value, searchStatus: 'ready' });
      else set({ results: [], searchStatus: 'error', searchError: result.error });
    },

    reset() {
      searchSeq++;
      set({ query: '', results: [], searchStatus: 'idle', searchError: null, detail: null });
    },

    async create(input) {
      const result = await api.customers.create(input);
      if (result.ok) set({ detail: result.value });
      return result;
    },

    async open(id) {
      const result = await api.customers.get({ id });
      if (result.ok) set({ detail: result.value });
      return result;
    },

    async addAddress(input) {
      const result = await api.customers.addAddress(input);
      if (result.ok) {
        set((s) =>
          s.detail && s.detail.id === input.customerId ? { detail: { ...s.detail, addresses: [...s.detail.addresses, result.value] } } : {},
        );
      }
      return result;
    },
  }));
}
