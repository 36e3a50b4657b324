/**
 * What the till shows of the sale in progress: the stored draft, its lines
 * with their variants (one query), priced, with stock warnings and names.
 */
import type Database from 'better-sqlite3';
import { emptyCart, type Cart, type CartLine, type PendingTender, type SellableVariant } from '../../shared/ipc/dto-sales';
import type { CustomerService } from '../customers/customer-service';
import type { SettingsService } from '../settings/settings-service';
import { discountOf, type DraftRow, type DraftStore } from './draft-store';
import { priceCart } from './pricing';

export function createCartView(
  sqlite: Database.Database,
  settings: SettingsService,
  customers: Pick<CustomerService, 'summary'>,
  q: DraftStore,
): (draft: DraftRow | undefined) => Cart {
  const staffName = sqlite.prepare<[staffId: number], string>(`SELECT display_name FROM staff_users WHERE id = ?`).pluck();
  return function cartOf(draft: DraftRow | undefined): Cart {
    const store = settings.store();
    if (!draft) return emptyCart(store.pricesIncludeTax);
    const rows = q.cartLines.all(draft.id);
    const priced = priceCart(
      rows.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, taxRateBp: l.taxRateBp, taxCode: l.taxCode, discount: discountOf(l.discountKind, l.discountValue) })),
      discountOf(draft.orderDiscountKind, draft.orderDiscountValue),
      draft.pricesIncludeTax === 1,
    );
    const inCart = new Map<number, number>();
    for (const l of rows) inCart.set(l.variantId, (inCart.get(l.variantId) ?? 0) + l.quantity);
    const name = (id: number | null) => (id === null ? null : (staffName.get(id) ?? null));
    const lines = rows.map((l, i): CartLine => {
      // The line keeps the tax it was rung up with, even if the catalog changed since.
      const variant: SellableVariant = {
        variantId: l.variantId,
        productId: l.productId,
        plu: l.plu,
        name: l.name,
        colorName: l.colorName,
        colorNameEn: l.colorNameEn,
        colorHex: l.colorHex,
        sizeCode: l.sizeCode,
        barcode: l.barcode,
        unitPrice: l.catalogPrice,
        taxCode: l.taxCode,
        taxRateBp: l.taxRateBp,
        stock: l.stock,
      };
      const p = priced.lines[i]!;
      return {
        lineId: l.id,
        variant,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        originalUnitPrice: l.originalUnitPrice,
        priceOverrideReason: l.priceOverrideReason,
        discount:
          l.discountKind && l.discountValue !== null
            ? l.discountKind === 'percent'
              ? { kind: 'percent', percentBp: l.discountValue, reason: l.discountReason ?? '' }
              : { kind: 'amount', amount: l.discountValue, reason: l.discountReason ?? '' }
            : null,
        approvedBy: name(l.discountApprovedBy ?? l.priceOverrideApprovedBy),
        gross: p.gross,
        discountAmount: p.lineDiscount,
        orderDiscountShare: p.orderDiscount,
        tax: p.tax,
        total: p.total,
        stockShort: Math.max(0, (inCart.get(l.variantId) ?? 0) - Math.max(variant.stock, 0)),
      };
    });
    const customer = draft.customerId === null ? null : (customers.summary(draft.customerId));
    const od = draft.orderDiscountKind && draft.orderDiscountValue !== null
      ? draft.orderDiscountKind === 'percent'
        ? { kind: 'percent' as const, percentBp: draft.orderDiscountValue, reason: draft.orderDiscountReason ?? '' }
        : { kind: 'amount' as const, amount: draft.orderDiscountValue, reason: draft.orderDiscountReason ?? '' }
      : null;
    return {
      draftId: draft.id,
      draftGlobalId: draft.globalId,
      lines,
      customer,
      billingAddressId: draft.billingAddressId,
      shippingAddressId: draft.shippingAddressId,
      orderDiscount: od,
      orderDiscountApprovedBy: name(draft.orderDiscountApprovedBy),
      pricesIncludeTax: draft.pricesIncludeTax === 1,
      totals: { gross: priced.gross, discount: priced.discount, base: priced.base, tax: priced.tax, total: priced.total, taxes: priced.taxes },
      pendingTenders: draft.pendingTenders ? (JSON.parse(draft.pendingTenders) as PendingTender[]) : [],
      updatedAt: draft.updatedAt,
    };
  };
}
