/** Valid outbox documents for the cloud tests, built against the shared schemas. */
import { newGlobalId } from '../../src/shared/ids';
import { SaleCompletedV1, type OutboxDocument } from '../../src/shared/sync/commands';

export function saleDocument(registerId: string, seq: number, registerCode = 'R01'): OutboxDocument {
  const saleId = newGlobalId();
  const variantId = newGlobalId();
  const payload = SaleCompletedV1.parse({
    saleId,
    invoiceNumber: `${registerCode}-${String(seq).padStart(6, '0')}`,
    registerId,
    completedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, seq)).toISOString(),
    staffId: newGlobalId(),
    customerId: null,
    pricesIncludeTax: true,
    gross: 5_000,
    discount: 0,
    tax: 798,
    total: 5_000,
    cashRounding: 0,
    change: 0,
    orderDiscountApprovedBy: null,
    lines: [
      {
        lineId: newGlobalId(),
        productId: newGlobalId(),
        variantId,
        quantity: 2,
        unitPrice: 2_500,
        originalUnitPrice: null,
        discount: 0,
        orderDiscountShare: 0,
        taxCode: 'IVA19',
        taxRateBp: 1_900,
        tax: 798,
        total: 5_000,
        discountApprovedBy: null,
        priceApprovedBy: null,
      },
    ],
    payments: [{ paymentId: newGlobalId(), method: 'cash', amount: 5_000, tendered: 5_000, reference: null }],
    stockMovements: [{ movementId: newGlobalId(), variantId, quantity: -2 }],
    creditSpent: null,
  });
  return { registerId, seq, idempotencyKey: newGlobalId(), type: 'sale.completed', schemaVersion: 1, createdAt: payload.completedAt, payload };
}

export const saleDocuments = (registerId: string, from: number, count: number, registerCode = 'R01'): OutboxDocument[] =>
  Array.from({ length: count }, (_, i) => saleDocument(registerId, from + i, registerCode));
