/**
 * The Sell screen's state. It talks only to the PosApi. The cart lives in
 * main (a draft invoice); this keeps the last cart main returned, what the
 * screen is showing (picker, dialogs, payment, receipt), busy state and the
 * last error. Every cart change goes through one queue, so answers are
 * applied in the order the cashier acted.
 */
import { createStore } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { PosApi } from '../../../shared/ipc/api';
import type { CompleteOutcome } from '../../../shared/ipc/contract';
import type { StaffSummary } from '../../../shared/ipc/dto';
import { emptyCart, type Cart, type DiscountDto, type ParkedSale, type ProductHit, type Receipt, type SaleSummary, type VariantGrid } from '../../../shared/ipc/dto-sales';
import { roleAtLeast } from '../../../shared/roles';
import type { TenderDraft } from './tender-math';

export const EMPTY_CART: Cart = emptyCart(true);

export interface Approval {
  userId: number;
  pin: string;
}

/** Sales shown per page of the history. */
export const HISTORY_PAGE = 30;

/** What a manager is asked to approve, for the approval dialog to say. */
export type ApprovalSubject =
  | { kind: 'lineDiscount'; name: string; discount: DiscountDto | null }
  | { kind: 'orderDiscount'; discount: DiscountDto | null }
  | { kind: 'price'; name: string; from: number; to: number }
  /** A change (quantity, removed line) that makes a discount a larger share than was allowed. */
  | { kind: 'discountGrowth'; name: string | null; percentBp: number; thresholdBp: number };

/** How a dialog's request ended: done, given up at the approval dialog, or refused. */
export type Outcome = { status: 'done' } | { status: 'cancelled' } | { status: 'failed'; error: ErrorInfo };

/** Errors that keep the approval dialog open for another try. */
const APPROVAL_RETRY_CODES = new Set<ErrorInfo['code']>(['PIN_INVALID', 'USER_LOCKED', 'FORBIDDEN', 'USER_DISABLED']);

export interface ScanFailure {
  code: string;
  error: ErrorInfo;
  /** Bumped on every failure so the message re-announces. */
  seq: number;
}

export interface PaymentState {
  /** One key per payment attempt, reused by every retry of it: main completes a key once. */
  completionKey: string;
  tenders: TenderDraft[];
  completing: boolean;
  error: ErrorInfo | null;
}

export interface ThermalState {
  status: 'idle' | 'printing' | 'printed' | 'failed';
  error: ErrorInfo | null;
}

export interface SellState {
  cart: Cart;
  loaded: boolean;
  /** Cart calls in flight. */
  pending: number;
  /** The last failed action not shown elsewhere. */
  error: ErrorInfo | null;
  scanError: ScanFailure | null;
  /** The line the last scan or add touched (highlighted); seq restarts the highlight. */
  flash: { lineId: number; seq: number } | null;
  selectedLineId: number | null;

  search: { query: string; results: ProductHit[]; status: 'idle' | 'loading' | 'ready' | 'error' };
  picker: { grid: VariantGrid; fromSearch: boolean } | null;

  /** Open while an action waits for a manager's PIN. */
  approval: { subject: ApprovalSubject; submitting: boolean; error: ErrorInfo | null } | null;
  managers: StaffSummary[];

  parked: ParkedSale[];
  payment: PaymentState | null;
  /** The sale just completed (its receipt is on screen). */
  completed: CompleteOutcome | null;
  thermal: ThermalState;

  history: { items: SaleSummary[]; status: 'idle' | 'loading' | 'ready' | 'error'; error: ErrorInfo | null; query: string; hasMore: boolean };
  /** A past receipt opened from the history. */
  reprint: Receipt | null;

  enter(): Promise<void>;
  refresh(): Promise<void>;
  scan(code: string): Promise<void>;
  clearScanError(): void;
  clearError(): void;

  searchProducts(query: string): Promise<void>;
  clearSearch(): void;
  openProduct(productId: number, fromSearch: boolean): Promise<void>;
  closePicker(): void;
  addVariant(variantId: number, quantity: number, fromSearch: boolean): Promise<boolean>;

  selectLine(lineId: number | null): void;
  moveSelection(delta: 1 | -1): void;
  setQuantity(lineId: number, quantity: number): Promise<boolean>;
  changeQuantity(lineId: number, delta: 1 | -1): Promise<void>;
  removeLine(lineId: number): Promise<boolean>;

  setLineDiscount(lineId: number, discount: DiscountDto | null): Promise<Outcome>;
  overridePrice(lineId: number, unitPrice: number, reason: string): Promise<Outcome>;
  setOrderDiscount(discount: DiscountDto | null): Promise<Outcome>;
  submitApproval(userId: number, pin: string): Promise<void>;
  cancelApproval(): void;

  setCustomer(customerId: number | null, billingAddressId?: number | null, shippingAddressId?: number | null): Promise<Outcome>;

  loadParked(): Promise<void>;
  park(label: string | null): Promise<Outcome>;
  resume(draftId: number): Promise<Outcome>;
  voidSale(reason: string): Promise<Outcome>;

  openPayment(): void;
  closePayment(): void;
  addTender(tender: TenderDraft): void;
  removeTender(index: number): void;
  complete(): Promise<void>;
  newSale(): void;
  printThermal(invoiceId: number, openDrawer: boolean, copy?: boolean): Promise<void>;

  /** The newest sales matching the query; `more` appends the next page of older ones. */
  loadHistory(query?: string, more?: boolean): Promise<void>;
  openReprint(invoiceId: number): Promise<void>;
  closeReprint(): void;
}

export type SellStore = ReturnType<typeof createSellStore>;

const newCompletionKey = (): string => globalThis.crypto.randomUUID();

/** The line an add touched: a new line, else the one of that variant whose quantity grew. */
function touchedLine(before: Cart, after: Cart, variantId: number): number | null {
  const known = new Set(before.lines.map((l) => l.lineId));
  const fresh = after.lines.find((l) => !known.has(l.lineId) && l.variant.variantId === variantId);
  if (fresh) return fresh.lineId;
  const grown = after.lines.find((l) => {
    const old = before.lines.find((o) => o.lineId === l.lineId);
    return l.variant.variantId === variantId && old !== undefined && l.quantity > old.quantity;
  });
  return grown?.lineId ?? null;
}

export function createSellStore(api: PosApi) {
  /** Cart calls run one after another. */
  let queue: Promise<unknown> = Promise.resolve();
  let flashSeq = 0;
  let scanSeq = 0;
  let searchSeq = 0;
  /** The action waiting for a manager's PIN, and who waits for its outcome. */
  let awaitingApproval: { call: (approval: Approval) => Promise<Result<Cart>>; resolve: (outcome: Outcome) => void } | null = null;
  /** A completion whose answer never arrived: its key is reused so a retry cannot sell twice. */
  let uncertainKey: string | null = null;

  return createStore<SellState>()((set, get) => {
    function enqueue<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    }

    /** Runs a cart call in the queue, counts it as pending, and adopts the cart it returns. */
    async function mutate(call: () => Promise<Result<Cart>>): Promise<Result<Cart>> {
      set((s) => ({ pending: s.pending + 1 }));
      try {
        const result = await enqueue(call);
        if (result.ok) adopt(result.value);
        return result;
      } finally {
        set((s) => ({ pending: s.pending - 1 }));
      }
    }

    function adopt(cart: Cart, touched: number | null = null): void {
      const ids = new Set(cart.lines.map((l) => l.lineId));
      const { selectedLineId, flash } = get();
      const selected = touched ?? (selectedLineId !== null && ids.has(selectedLineId) ? selectedLineId : (cart.lines.at(-1)?.lineId ?? null));
      set({
        cart,
        selectedLineId: selected,
        flash: touched !== null ? { lineId: touched, seq: ++flashSeq } : flash && ids.has(flash.lineId) ? flash : null,
      });
    }

    /**
     * The sale a call is about, as this screen shows it, read when the queued
     * call runs (after the calls before it): main refuses a call about a sale
     * that is no longer the open one (parked or finished in another window).
     */
    const shownDraft = () => get().cart.draftId;
    const openDraft = () => get().cart.draftId ?? 0;

    /** Stores the payment dialog's tenders with the sale (in order, behind any cart change). */
    function keepTenders(): void {
      const tenders = get().payment?.tenders;
      if (!tenders) return;
      const input = tenders.map((t) => ({ method: t.method, amount: t.amount, ...(t.reference ? { reference: t.reference } : {}) }));
      void enqueue(() => api.sales.setTenders({ draftId: openDraft(), tenders: input })).then((result) => {
        if (result.ok) adopt(result.value);
        else set((s) => ({ payment: s.payment ? { ...s.payment, error: result.error } : null }));
      });
    }

    const toOutcome = (result: Result<unknown>): Outcome => (result.ok ? { status: 'done' } : { status: 'failed', error: result.error });

    /** Runs a call; when main asks for a manager's PIN, opens the approval dialog and retries with it. */
    async function withApproval(
      subjectOf: ApprovalSubject | ((error: ErrorInfo) => ApprovalSubject),
      call: (approval?: Approval) => Promise<Result<Cart>>,
    ): Promise<Outcome> {
      const first = await mutate(() => call());
      if (first.ok || first.error.code !== 'APPROVAL_REQUIRED') return toOutcome(first);
      const subject = typeof subjectOf === 'function' ? subjectOf(first.error) : subjectOf;
      awaitingApproval?.resolve({ status: 'cancelled' });
      void loadManagers();
      return new Promise<Outcome>((resolve) => {
        awaitingApproval = { call: (approval) => call(approval), resolve };
        set({ approval: { subject, submitting: false, error: null } });
      });
    }

    /** What main said would grow: a line's discount (named) or the order discount, to what share. */
    const discountGrowth = (error: ErrorInfo): ApprovalSubject => {
      const d = error.details ?? {};
      return {
        kind: 'discountGrowth',
        name: typeof d.lineId === 'number' ? lineName(d.lineId) : null,
        percentBp: typeof d.percentBp === 'number' ? d.percentBp : 0,
        thresholdBp: typeof d.thresholdBp === 'number' ? d.thresholdBp : 0,
      };
    };

    const lineName = (lineId: number) => {
      const line = get().cart.lines.find((l) => l.lineId === lineId);
      return line ? `${line.variant.name} ${line.variant.colorName} ${line.variant.sizeCode}` : '';
    };

    async function loadManagers(): Promise<void> {
      if (get().managers.length > 0) return;
      const result = await api.session.staffList();
      if (result.ok) set({ managers: result.value.filter((u) => roleAtLeast(u.role, 'manager')) });
    }

    return {
      cart: EMPTY_CART,
      loaded: false,
      pending: 0,
      error: null,
      scanError: null,
      flash: null,
      selectedLineId: null,
      search: { query: '', results: [], status: 'idle' },
      picker: null,
      approval: null,
      managers: [],
      parked: [],
      payment: null,
      completed: null,
      thermal: { status: 'idle', error: null },
      history: { items: [], status: 'idle', error: null, query: '', hasMore: false },
      reprint: null,

      async enter() {
        // A fresh screen: nothing half-open from last time, except a completion whose answer was lost.
        awaitingApproval?.resolve({ status: 'cancelled' });
        awaitingApproval = null;
        set({
          picker: null,
          approval: null,
          payment: null,
          completed: null,
          reprint: null,
          scanError: null,
          error: null,
          search: { query: '', results: [], status: 'idle' },
        });
        await Promise.all([get().refresh(), get().loadParked()]);
        // Back after a reload in the middle of paying: reopen the payment with what was entered.
        if (get().cart.pendingTenders.length > 0) get().openPayment();
      },

      async refresh() {
        const result = await mutate(() => api.sales.current());
        if (!result.ok) set({ error: result.error });
        set({ loaded: true });
      },

      async scan(raw) {
        const code = raw.trim();
        if (!code) return;
        // The next customer's first scan starts their sale from the receipt screen.
        // One update, and only of what changed: every render here delays the scan's line.
        set((s) => ({
          pending: s.pending + 1,
          ...(s.completed !== null ? { completed: null } : {}),
          ...(s.reprint !== null ? { reprint: null } : {}),
          ...(s.scanError !== null ? { scanError: null } : {}),
          ...(s.thermal.status !== 'idle' || s.thermal.error !== null ? { thermal: { status: 'idle' as const, error: null } } : {}),
        }));
        try {
          const result = await enqueue(() => api.sales.scan({ code, draftId: shownDraft() }));
          if (!result.ok) {
            const details = { ...result.error.details, code: result.error.details?.code ?? code };
            set({ scanError: { code, error: { ...result.error, details }, seq: ++scanSeq } });
            return;
          }
          if (result.value.kind === 'added') {
            adopt(result.value.cart, result.value.lineId);
          } else {
            set({ picker: { grid: result.value.grid, fromSearch: false } });
          }
        } finally {
          set((s) => ({ pending: s.pending - 1 }));
        }
      },

      clearScanError() {
        set({ scanError: null });
      },

      clearError() {
        set({ error: null });
      },

      async searchProducts(query) {
        const seq = ++searchSeq;
        const text = query.trim();
        if (text.length < 2) {
          set({ search: { query, results: [], status: 'idle' } });
          return;
        }
        set((s) => ({ search: { ...s.search, query, status: 'loading' } }));
        const result = await api.catalog.search({ query: text.slice(0, 100), limit: 8 });
        if (seq !== searchSeq) return;
        set({ search: { query, results: result.ok ? result.value : [], status: result.ok ? 'ready' : 'error' } });
      },

      clearSearch() {
        searchSeq++;
        set({ search: { query: '', results: [], status: 'idle' } });
      },

      async openProduct(productId, fromSearch) {
        set({ error: null });
        const result = await api.catalog.grid({ productId });
        if (result.ok) set({ picker: { grid: result.value, fromSearch } });
        else set({ error: result.error });
      },

      closePicker() {
        set({ picker: null });
      },

      async addVariant(variantId, quantity, fromSearch) {
        const before = get().cart;
        set({ completed: null, reprint: null, error: null });
        const result = await mutate(() => api.sales.addVariant({ variantId, quantity, draftId: shownDraft(), ...(fromSearch ? { fromSearch: true } : {}) }));
        if (!result.ok) {
          set({ error: result.error });
          return false;
        }
        set({ scanError: null });
        adopt(result.value, touchedLine(before, result.value, variantId));
        return true;
      },

      selectLine(lineId) {
        set({ selectedLineId: lineId });
      },

      moveSelection(delta) {
        const { cart, selectedLineId } = get();
        if (cart.lines.length === 0) return;
        const index = cart.lines.findIndex((l) => l.lineId === selectedLineId);
        const next = index < 0 ? (delta > 0 ? 0 : cart.lines.length - 1) : Math.min(cart.lines.length - 1, Math.max(0, index + delta));
        set({ selectedLineId: cart.lines[next]?.lineId ?? null });
      },

      async setQuantity(lineId, quantity) {
        const outcome = await withApproval(discountGrowth, (approval) => api.sales.setQuantity({ lineId, quantity, ...(approval ? { approval } : {}) }));
        if (outcome.status === 'failed') set({ error: outcome.error });
        return outcome.status === 'done';
      },

      async changeQuantity(lineId, delta) {
        const line = get().cart.lines.find((l) => l.lineId === lineId);
        if (!line) return;
        const quantity = line.quantity + delta;
        if (quantity < 1 || quantity > 9999) return;
        await get().setQuantity(lineId, quantity);
      },

      async removeLine(lineId) {
        const outcome = await withApproval(discountGrowth, (approval) => api.sales.removeLine({ lineId, ...(approval ? { approval } : {}) }));
        if (outcome.status === 'failed') set({ error: outcome.error });
        return outcome.status === 'done';
      },

      setLineDiscount(lineId, discount) {
        return withApproval({ kind: 'lineDiscount', name: lineName(lineId), discount }, (approval) => api.sales.setLineDiscount({ lineId, discount, ...(approval ? { approval } : {}) }));
      },

      overridePrice(lineId, unitPrice, reason) {
        const from = get().cart.lines.find((l) => l.lineId === lineId)?.unitPrice ?? 0;
        return withApproval({ kind: 'price', name: lineName(lineId), from, to: unitPrice }, (approval) => api.sales.overridePrice({ lineId, unitPrice, reason, ...(approval ? { approval } : {}) }));
      },

      setOrderDiscount(discount) {
        return withApproval({ kind: 'orderDiscount', discount }, (approval) => api.sales.setOrderDiscount({ draftId: openDraft(), discount, ...(approval ? { approval } : {}) }));
      },

      async submitApproval(userId, pin) {
        const waiting = awaitingApproval;
        const approval = get().approval;
        if (!waiting || !approval || approval.submitting) return;
        set({ approval: { ...approval, submitting: true, error: null } });
        const result = await mutate(() => waiting.call({ userId, pin }));
        if (awaitingApproval !== waiting) return;
        if (!result.ok && (APPROVAL_RETRY_CODES.has(result.error.code) || result.error.field?.startsWith('approval'))) {
          set({ approval: { ...approval, submitting: false, error: result.error } });
          return;
        }
        awaitingApproval = null;
        set({ approval: null });
        waiting.resolve(toOutcome(result));
      },

      cancelApproval() {
        const waiting = awaitingApproval;
        awaitingApproval = null;
        set({ approval: null });
        waiting?.resolve({ status: 'cancelled' });
      },

      async setCustomer(customerId, billingAddressId = null, shippingAddressId = null) {
        return toOutcome(await mutate(() => api.sales.setCustomer({ draftId: shownDraft(), customerId, billingAddressId, shippingAddressId })));
      },

      async loadParked() {
        const result = await api.sales.parked();
        if (result.ok) set({ parked: result.value });
      },

      async park(label) {
        const result = await mutate(() => api.sales.park({ draftId: openDraft(), label: label?.trim() || null }));
        if (result.ok) {
          set({ selectedLineId: null, flash: null });
          void get().loadParked();
        }
        return toOutcome(result);
      },

      async resume(draftId) {
        const result = await mutate(() => api.sales.resume({ draftId }));
        if (result.ok) {
          set({ completed: null, reprint: null, flash: null, scanError: null });
          void get().loadParked();
        }
        return toOutcome(result);
      },

      async voidSale(reason) {
        const result = await mutate(() => api.sales.voidCurrent({ draftId: openDraft(), reason }));
        if (result.ok) set({ selectedLineId: null, flash: null });
        return toOutcome(result);
      },

      openPayment() {
        const { cart, payment } = get();
        if (payment || cart.lines.length === 0) return;
        const completionKey = uncertainKey ?? newCompletionKey();
        // Tenders entered before a reload or a closed dialog come back: a card may already be charged.
        const tenders = cart.pendingTenders.map((t): TenderDraft => ({ method: t.method, amount: t.amount, reference: t.reference ?? null }));
        set({ payment: { completionKey, tenders, completing: false, error: null }, error: null });
      },

      closePayment() {
        const payment = get().payment;
        if (!payment || payment.completing) return;
        set({ payment: null });
      },

      addTender(tender) {
        set((s) => (s.payment ? { payment: { ...s.payment, tenders: [...s.payment.tenders, tender], error: null } } : {}));
        keepTenders();
      },

      removeTender(index) {
        set((s) => (s.payment ? { payment: { ...s.payment, tenders: s.payment.tenders.filter((_, i) => i !== index), error: null } } : {}));
        keepTenders();
      },

      async complete() {
        const payment = get().payment;
        // A second click, Enter or retry while one is in flight does nothing.
        if (!payment || payment.completing || payment.tenders.length === 0) return;
        const { completionKey, tenders } = payment;
        set({ payment: { ...payment, completing: true, error: null } });
        const payments = tenders.map((t) => ({ method: t.method, amount: t.amount, ...(t.reference ? { reference: t.reference } : {}) }));
        const result = await enqueue(() => api.sales.complete({ draftId: openDraft(), payments, completionKey }));
        if (result.ok) {
          uncertainKey = null;
          set({
            payment: null,
            completed: result.value,
            cart: EMPTY_CART,
            selectedLineId: null,
            flash: null,
            thermal: { status: 'idle', error: null },
          });
          void get().refresh();
          return;
        }
        // No answer (the bridge or main went away): the sale may exist. Keep the key for the retry.
        if (result.error.code === 'INTERNAL') uncertainKey = completionKey;
        set((s) => ({ payment: s.payment ? { ...s.payment, completing: false, error: result.error } : null }));
      },

      newSale() {
        set({ completed: null, reprint: null, thermal: { status: 'idle', error: null } });
      },

      async printThermal(invoiceId, openDrawer, copy = false) {
        if (get().thermal.status === 'printing') return;
        set({ thermal: { status: 'printing', error: null } });
        const result = await api.sales.printThermal({ invoiceId, openDrawer, ...(copy ? { copy } : {}) });
        set({ thermal: result.ok ? { status: 'printed', error: null } : { status: 'failed', error: result.error } });
      },

      async loadHistory(query, more = false) {
        const text = (query ?? '').trim().slice(0, 40);
        const kept = more && get().history.query === text ? get().history.items : [];
        set((s) => ({ history: { ...s.history, status: 'loading', error: null } }));
        // One more than a page: its presence says there are older sales.
        const result = await api.sales.history({ ...(text ? { query: text } : {}), limit: HISTORY_PAGE + 1, offset: kept.length });
        set({
          history: result.ok
            ? { items: [...kept, ...result.value.slice(0, HISTORY_PAGE)], status: 'ready', error: null, query: text, hasMore: result.value.length > HISTORY_PAGE }
            : { items: kept, status: 'error', error: result.error, query: text, hasMore: false },
        });
      },

      async openReprint(invoiceId) {
        const result = await api.sales.receipt({ invoiceId });
        if (result.ok) set({ reprint: result.value, thermal: { status: 'idle', error: null } });
        else set((s) => ({ history: { ...s.history, error: result.error } }));
      },

      closeReprint() {
        set({ reprint: null });
      },
    };
  });
}
