import { actorOf } from '../actor';
import type { DomainHandlers } from '../types';

export const salesHandlers: DomainHandlers<'sales'> = {
  current: (_input, { services }) => services.sales.current(),

  /** One round trip from the scanner's Enter to the priced line: lookup and add together. */
  scan: ({ code, draftId }, { services, session }) => {
    const found = services.catalog.scan(code);
    if (found.kind === 'product') return { kind: 'pick', grid: services.catalog.grid(found.productId) };
    const cart = services.sales.addVariant(actorOf(session), found.variant.variantId, 1, false, draftId);
    const line = cart.lines.find((l) => l.variant.variantId === found.variant.variantId && l.discount === null && l.originalUnitPrice === null);
    return { kind: 'added', cart, lineId: line?.lineId ?? cart.lines.at(-1)!.lineId };
  },

  addVariant: ({ variantId, quantity, fromSearch, draftId }, { services, session }) =>
    services.sales.addVariant(actorOf(session), variantId, quantity ?? 1, fromSearch ?? false, draftId),
  setQuantity: ({ lineId, quantity, approval }, { services, session }) =>
    services.sales.setQuantity(actorOf(session), lineId, quantity, approval),
  removeLine: ({ lineId, approval }, { services, session }) => services.sales.removeLine(actorOf(session), lineId, approval),
  setLineDiscount: ({ lineId, discount, approval }, { services, session }) =>
    services.sales.setLineDiscount(actorOf(session), lineId, discount, approval),
  overridePrice: ({ lineId, unitPrice, reason, approval }, { services, session }) =>
    services.sales.overridePrice(actorOf(session), lineId, unitPrice, reason, approval),
  setOrderDiscount: ({ draftId, discount, approval }, { services, session }) =>
    services.sales.setOrderDiscount(actorOf(session), discount, approval, draftId),
  setCustomer: ({ draftId, customerId, billingAddressId, shippingAddressId }, { services, session }) =>
    services.sales.setCustomer(actorOf(session), customerId, billingAddressId ?? null, shippingAddressId ?? null, draftId),
  park: ({ draftId, label }, { services, session }) => services.sales.park(actorOf(session), label ?? null, draftId),
  parked: (_input, { services }) => services.sales.parked(),
  resume: ({ draftId }, { services, session }) => services.sales.resume(actorOf(session), draftId),
  voidCurrent: ({ draftId, reason }, { services, session }) => services.sales.voidCurrent(actorOf(session), reason, draftId),
  setTenders: ({ draftId, tenders }, { services, session }) => services.sales.setTenders(actorOf(session), tenders, draftId),

  complete: ({ draftId, payments, completionKey }, { services, session }) => {
    const done = services.completeSale(actorOf(session), payments, completionKey, draftId);
    // A new sale in the outbox: the sync loop sends it soon rather than at the end of its interval.
    if (!done.replayed) services.sync.nudge();
    return { ...done, receipt: services.receipts.build(done.invoiceId) };
  },
  history: ({ query, limit, offset }, { services }) => services.receipts.history(query, limit ?? 50, offset ?? 0),
  /** A receipt asked for after the sale (history, reprint) is a copy. */
  receipt: ({ invoiceId }, { services }) => services.receipts.build(invoiceId, { copy: true }),
  receiptEscpos: ({ invoiceId, openDrawer, columns, copy }, { services }) => {
    const bytes = services.receipts.escpos(invoiceId, { openDrawer: openDrawer ?? false, columns, copy: copy ?? false });
    return { base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
  },
  printThermal: async ({ invoiceId, openDrawer, copy }, { services }) => {
    const bytes = services.receipts.escpos(invoiceId, { openDrawer: openDrawer ?? false, copy: copy ?? false });
    await services.receipts.printThermal(bytes);
    return { printed: true, bytes: bytes.length };
  },
};
