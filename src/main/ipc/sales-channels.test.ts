import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompleteOutcome, ScanOutcome } from '../../shared/ipc/contract';
import type { Cart } from '../../shared/ipc/dto-sales';
import { testStore, type TestStore } from '../../../test/store';
import { createRouter, type Router } from './router';
import { newSessionState, type SessionState } from './session-state';

let t: TestStore;
let router: Router;
let session: SessionState;

beforeEach(async () => {
  t = await testStore();
  router = createRouter(t.services);
  session = newSessionState();
  const login = await router.call('pos:session.login', { userId: t.cashier.id, pin: '2468' }, session);
  expect(login.ok).toBe(true);
});
afterEach(() => t.cleanup());

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await router.call(channel, input, session);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

describe('the sell channels end to end through the router', () => {
  it('scan, pay split, get the receipt, reprint it as ESC/POS', async () => {
    const v = t.variant(0);
    const scanned = await call<ScanOutcome>('pos:sales.scan', { code: v.barcode });
    expect(scanned.kind).toBe('added');
    const cart = (scanned as Extract<ScanOutcome, { kind: 'added' }>).cart;
    const total = cart.totals.total;
    const done = await call<CompleteOutcome>('pos:sales.complete', {
      draftId: cart.draftId,
      payments: [
        { method: 'card', amount: 1000, reference: 'AUTH-9' },
        { method: 'cash', amount: total },
      ],
      completionKey: 'router-test-0001',
    });
    expect(done.receipt).toMatchObject({ invoiceNumber: 'R01-000001', change: 1000, totals: { total } });
    expect(done.receipt.lines[0]).toMatchObject({ plu: v.plu, quantity: 1 });
    const escpos = await call<{ base64: string; bytes: number }>('pos:sales.receiptEscpos', { invoiceId: done.invoiceId, openDrawer: true });
    expect(Buffer.from(escpos.base64, 'base64').includes(Buffer.from('R01-000001'))).toBe(true);
    const history = await call<{ invoiceNumber: string }[]>('pos:sales.history', {});
    expect(history.map((h) => h.invoiceNumber)).toEqual(['R01-000001']);
  });

  it('a PLU opens the picker; a misread barcode and bad input are named', async () => {
    const v = t.variant(0);
    const picked = await call<ScanOutcome>('pos:sales.scan', { code: v.plu });
    expect(picked).toMatchObject({ kind: 'pick', grid: { product: { productId: v.productId } } });
    const wrong = v.barcode.slice(0, 12) + String((Number(v.barcode[12]) + 5) % 10);
    expect(await router.call('pos:sales.scan', { code: wrong }, session)).toMatchObject({ ok: false, error: { code: 'BARCODE_INVALID' } });
    expect(await router.call('pos:sales.complete', { draftId: 1, payments: [], completionKey: 'x' }, session)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'payments' } });
    expect(await router.call('pos:sales.setQuantity', { lineId: 1, quantity: 0 }, session)).toMatchObject({ ok: false, error: { field: 'quantity' } });
    expect((await call<Cart>('pos:sales.current', {})).lines).toEqual([]);
  });

  it('names the sale a call is about: a screen showing a sale parked elsewhere is told, not obeyed', async () => {
    const first = (await call<Extract<ScanOutcome, { kind: 'added' }>>('pos:sales.scan', { code: t.variant(0).barcode, draftId: null })).cart;
    // Another window parks that sale and starts a new one.
    await call<Cart>('pos:sales.park', { draftId: first.draftId, label: 'otra ventana' });
    const second = (await call<Extract<ScanOutcome, { kind: 'added' }>>('pos:sales.scan', { code: t.variant(1).barcode, draftId: null })).cart;
    expect(second.draftId).not.toBe(first.draftId);
    // The first window still shows the parked sale and tries to finish it.
    for (const [channel, input] of [
      ['pos:sales.complete', { draftId: first.draftId, payments: [{ method: 'cash', amount: 10_000_000 }], completionKey: 'stale-window-1' }],
      ['pos:sales.voidCurrent', { draftId: first.draftId, reason: 'x' }],
      ['pos:sales.setOrderDiscount', { draftId: first.draftId, discount: null }],
      ['pos:sales.scan', { code: t.variant(2).barcode, draftId: first.draftId }],
    ] as const) {
      expect(await router.call(channel, input, session), channel).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'draftId' } });
    }
    expect((await call<Cart>('pos:sales.current', {})).lines).toHaveLength(1);
  });

  it('nothing sells without a signed-in cashier', async () => {
    const anon = newSessionState();
    expect(await router.call('pos:sales.scan', { code: t.variant(0).barcode }, anon)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await router.call('pos:customers.search', { query: 'a' }, anon)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
