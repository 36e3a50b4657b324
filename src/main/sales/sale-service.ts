/**
 * The till's cart: every change is one transaction that edits the draft
 * invoice and reprices it, so what the cashier sees is always what is stored.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { Cart, DiscountDto, ParkedSale } from '../../shared/ipc/dto-sales';
import type { StaffSummary } from '../../shared/ipc/dto';
import { roleAtLeast } from '../../shared/roles';
import type { AuditLog } from '../audit/audit-log';
import type { CatalogService } from '../catalog/catalog-service';
import { isoNow, type Clock } from '../db/clock';
import type { SettingsService } from '../settings/settings-service';
import type { StaffService } from '../staff/staff-service';
import type { CustomerService } from '../customers/customer-service';
import { createCartView } from './cart-view';
import { createDraftStore, discountOf, type DraftRow, type LineRow } from './draft-store';
import type { InvoiceStateCode } from './invoice-states';
import { priceCart, type Discount } from './pricing';

export interface Approval {
  userId: number;
  pin: string;
}

export const MAX_LINE_QUANTITY = 9_999;


export interface SaleServiceDeps {
  sqlite: Database.Database;
  clock: Clock;
  audit: AuditLog;
  catalog: CatalogService;
  settings: SettingsService;
  staff: StaffService;
  customers: Pick<CustomerService, 'summary'>;
  states: Record<InvoiceStateCode, number>;
}

export function createSaleService(deps: SaleServiceDeps) {
  const { sqlite, clock, audit, catalog, settings, staff, customers, states } = deps;
  const q = createDraftStore(sqlite);
  const addressOwner = {
    billing: sqlite.prepare(`SELECT ID_cliente FROM tbldirecciones_facturacion WHERE id_direccion_facturacion = ?`).pluck(),
    shipping: sqlite.prepare(`SELECT ID_cliente FROM tbldirecciones_envio WHERE id_direccion_envio = ?`).pluck(),
  };

  const registerCode = () => settings.store().registerCode;
  const currentDraft = () => q.currentDraft.get(registerCode(), states.DRAFT) as DraftRow | undefined;

  function requireDraft(): DraftRow {
    const draft = currentDraft();
    if (!draft) throw new DomainError('NOT_FOUND', 'there is no sale in progress', 'draftId');
    return draft;
  }

  function ensureDraft(actor: StaffSummary): DraftRow {
    const existing = currentDraft();
    if (existing) return existing;
    const now = isoNow(clock);
    const { lastInsertRowid } = q.insertDraft.run(now, states.DRAFT, newGlobalId(), now, registerCode(), actor.id, settings.store().pricesIncludeTax ? 1 : 0);
    return q.draftById.get(Number(lastInsertRowid)) as DraftRow;
  }

  function findLine(draft: DraftRow, lineId: number): LineRow {
    const line = (q.lines.all(draft.id) as LineRow[]).find((l) => l.id === lineId);
    if (!line) throw new DomainError('NOT_FOUND', `line ${lineId} is not in the sale`, 'lineId');
    return line;
  }

  /** Recomputes every line and the totals from what is stored; call inside the change's transaction. */
  function reprice(draft: DraftRow): void {
    const lines = q.lines.all(draft.id) as LineRow[];
    const priced = priceCart(
      lines.map((l) => ({
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        taxRateBp: l.taxRateBp,
        taxCode: l.taxCode,
        discount: discountOf(l.discountKind, l.discountValue),
      })),
      discountOf(draft.orderDiscountKind, draft.orderDiscountValue),
      draft.pricesIncludeTax === 1,
    );
    lines.forEach((l, i) => {
      const p = priced.lines[i]!;
      const same = p.total === l.storedTotal && p.lineDiscount === l.storedDiscount && p.orderDiscount === l.storedShare && p.tax === l.storedTax && p.base === l.storedBase;
      if (!same) q.writeLineAmounts.run(p.total, p.lineDiscount, p.orderDiscount, p.tax, p.base, l.id);
    });
    q.writeDraftTotals.run(priced.total, priced.gross, priced.discount, priced.tax, isoNow(clock), draft.id);
  }

  /** Checks an approval: the approver's PIN (rate-limited like any login) and a manager role. */
  async function approve(actor: StaffSummary, approval: Approval | undefined, what: string): Promise<number> {
    if (roleAtLeast(actor.role, 'manager')) return actor.id;
    if (!approval) throw new DomainError('APPROVAL_REQUIRED', `${what} needs a manager's PIN`, 'approval');
    const approver = await staff.authenticate(approval.userId, approval.pin);
    if (!roleAtLeast(approver.role, 'manager')) {
      throw new DomainError('FORBIDDEN', `${approver.displayName} cannot approve ${what}: a manager must`, 'approval');
    }
    return approver.id;
  }

  function needsApproval(discount: DiscountDto, gross: number): boolean {
    const threshold = settings.store().discountApprovalBp;
    if (discount.kind === 'percent') return discount.percentBp > threshold;
    return gross > 0 ? discount.amount * 10_000 > gross * threshold : discount.amount > 0;
  }

  function validateDiscount(discount: DiscountDto, field: string): Discount {
    if (!discount.reason.trim()) throw new DomainError('VALIDATION', 'give a reason for the discount', `${field}.reason`);
    if (discount.kind === 'percent') {
      if (!Number.isInteger(discount.percentBp) || discount.percentBp <= 0 || discount.percentBp > 10_000) {
        throw new DomainError('VALIDATION', 'a percent discount must be above 0 % and at most 100 %', `${field}.percentBp`);
      }
      return { kind: 'percent', percentBp: discount.percentBp };
    }
    if (!Number.isSafeInteger(discount.amount) || discount.amount <= 0) {
      throw new DomainError('VALIDATION', 'a discount amount must be positive', `${field}.amount`);
    }
    return { kind: 'amount', amount: discount.amount };
  }

  function quantityInCart(draft: DraftRow, variantId: number, exceptLineId?: number): number {
    return (q.lines.all(draft.id) as LineRow[])
      .filter((l) => l.variantId === variantId && l.id !== exceptLineId)
      .reduce((a, l) => a + l.quantity, 0);
  }

  function checkStock(draft: DraftRow, variantId: number, wanted: number, exceptLineId?: number): void {
    if (settings.store().stockPolicy !== 'block') return;
    const v = catalog.variant(variantId);
    const total = quantityInCart(draft, variantId, exceptLineId) + wanted;
    if (total > v.stock) {
      throw new DomainError('STOCK_SHORT', `only ${Math.max(v.stock, 0)} of ${v.name} ${v.colorName} ${v.sizeCode} in stock`, 'quantity', {
        stock: v.stock,
      });
    }
  }

  function validQuantity(quantity: number): void {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      throw new DomainError('VALIDATION', `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`, 'quantity');
    }
  }

  const cartOf = createCartView(sqlite, settings, customers, q);
  const current = () => cartOf(currentDraft());

  return {
    current,
    /** The draft row of this register (used by completion). */
    currentDraftRow: currentDraft,
    reprice,
    approve,

    /** Adds a variant; the same variant without a discount or price change just gets one more. */
    addVariant(actor: StaffSummary, variantId: number, quantity: number, fromSearch = false): Cart {
      validQuantity(quantity);
      const variant = catalog.variant(variantId);
      sqlite.transaction(() => {
        const draft = ensureDraft(actor);
        checkStock(draft, variantId, quantity);
        const same = (q.lines.all(draft.id) as LineRow[]).find(
          (l) => l.variantId === variantId && l.discountKind === null && l.originalUnitPrice === null,
        );
        if (same) {
          validQuantity(same.quantity + quantity);
          q.setQuantity.run(same.quantity + quantity, same.id, draft.id);
        } else {
          q.insertLine.run(draft.id, variant.productId, quantity, variantId, newGlobalId(), draft.id, variant.unitPrice, variant.taxCode, variant.taxRateBp);
        }
        if (fromSearch) catalog.recordSearchPick(variant.productId);
        reprice(draft);
      })();
      return current();
    },

    setQuantity(lineId: number, quantity: number): Cart {
      validQuantity(quantity);
      sqlite.transaction(() => {
        const draft = requireDraft();
        const line = findLine(draft, lineId);
        checkStock(draft, line.variantId, quantity, line.id);
        q.setQuantity.run(quantity, lineId, draft.id);
        reprice(draft);
      })();
      return current();
    },

    removeLine(actor: StaffSummary, lineId: number): Cart {
      sqlite.transaction(() => {
        const draft = requireDraft();
        const line = findLine(draft, lineId);
        q.deleteLine.run(lineId, draft.id);
        audit.record({
          staffId: actor.id,
          action: 'sale.line_removed',
          entity: 'tblfacturas',
          entityId: draft.globalId,
          details: { variantId: line.variantId, quantity: line.quantity, unitPrice: line.unitPrice },
        });
        reprice(draft);
      })();
      return current();
    },

    async setLineDiscount(actor: StaffSummary, lineId: number, discount: DiscountDto | null, approval?: Approval): Promise<Cart> {
      const draft = requireDraft();
      const line = findLine(draft, lineId);
      let approvedBy: number | null = null;
      if (discount) {
        validateDiscount(discount, 'discount');
        if (needsApproval(discount, line.unitPrice * line.quantity)) approvedBy = await approve(actor, approval, 'this discount');
      }
      sqlite.transaction(() => {
        const fresh = requireDraft();
        findLine(fresh, lineId);
        q.setLineDiscount.run(
          discount?.kind ?? null,
          discount ? (discount.kind === 'percent' ? discount.percentBp : discount.amount) : null,
          discount?.reason.trim() ?? null,
          approvedBy,
          lineId,
          fresh.id,
        );
        audit.record({
          staffId: actor.id,
          action: discount ? 'sale.line_discount' : 'sale.line_discount_removed',
          entity: 'tblfacturas',
          entityId: fresh.globalId,
          details: { lineId, ...(discount ? { discount } : {}), approvedBy },
        });
        reprice(fresh);
      })();
      return current();
    },

    async overridePrice(actor: StaffSummary, lineId: number, unitPrice: number, reason: string, approval?: Approval): Promise<Cart> {
      if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) throw new DomainError('VALIDATION', 'price must be zero or more', 'unitPrice');
      if (!reason.trim()) throw new DomainError('VALIDATION', 'give a reason for the price change', 'reason');
      const draft = requireDraft();
      const line = findLine(draft, lineId);
      const approvedBy = await approve(actor, approval, 'a price change');
      sqlite.transaction(() => {
        const fresh = requireDraft();
        findLine(fresh, lineId);
        const original = line.originalUnitPrice ?? line.unitPrice;
        q.setLinePrice.run(unitPrice, original, reason.trim(), approvedBy, lineId, fresh.id);
        audit.record({
          staffId: actor.id,
          action: 'sale.price_override',
          entity: 'tblfacturas',
          entityId: fresh.globalId,
          details: { lineId, from: original, to: unitPrice, reason: reason.trim(), approvedBy },
        });
        reprice(fresh);
      })();
      return current();
    },

    async setOrderDiscount(actor: StaffSummary, discount: DiscountDto | null, approval?: Approval): Promise<Cart> {
      const draft = requireDraft();
      let approvedBy: number | null = null;
      if (discount) {
        validateDiscount(discount, 'discount');
        const gross = cartOf(draft).totals.gross;
        if (needsApproval(discount, gross)) approvedBy = await approve(actor, approval, 'this discount');
      }
      sqlite.transaction(() => {
        const fresh = requireDraft();
        q.setOrderDiscount.run(
          discount?.kind ?? null,
          discount ? (discount.kind === 'percent' ? discount.percentBp : discount.amount) : null,
          discount?.reason.trim() ?? null,
          approvedBy,
          fresh.id,
        );
        audit.record({
          staffId: actor.id,
          action: discount ? 'sale.order_discount' : 'sale.order_discount_removed',
          entity: 'tblfacturas',
          entityId: fresh.globalId,
          details: { ...(discount ? { discount } : {}), approvedBy },
        });
        reprice(requireDraft());
      })();
      return current();
    },

    setCustomer(actor: StaffSummary, customerId: number | null, billingAddressId: number | null = null, shippingAddressId: number | null = null): Cart {
      sqlite.transaction(() => {
        const draft = ensureDraft(actor);
        if (customerId !== null && !customers.summary(customerId)) throw new DomainError('NOT_FOUND', `no customer ${customerId}`, 'customerId');
        if (customerId === null && (billingAddressId !== null || shippingAddressId !== null)) {
          throw new DomainError('VALIDATION', 'a walk-in sale has no addresses', 'customerId');
        }
        if (billingAddressId !== null && addressOwner.billing.get(billingAddressId) !== customerId) {
          throw new DomainError('VALIDATION', 'that billing address belongs to another customer', 'billingAddressId');
        }
        if (shippingAddressId !== null && addressOwner.shipping.get(shippingAddressId) !== customerId) {
          throw new DomainError('VALIDATION', 'that shipping address belongs to another customer', 'shippingAddressId');
        }
        q.setCustomer.run(customerId, billingAddressId, shippingAddressId, draft.id);
      })();
      return current();
    },

    /** Holds the current sale and starts an empty one. */
    park(actor: StaffSummary, label: string | null): Cart {
      sqlite.transaction(() => {
        const draft = requireDraft();
        if ((q.lines.all(draft.id) as LineRow[]).length === 0) throw new DomainError('VALIDATION', 'there is nothing to park', 'draftId');
        const now = isoNow(clock);
        q.setState.run(states.PARKED, now, label?.trim() || null, now, draft.id);
        audit.record({ staffId: actor.id, action: 'sale.parked', entity: 'tblfacturas', entityId: draft.globalId });
      })();
      return current();
    },

    parked(): ParkedSale[] {
      return q.parked.all(registerCode(), states.PARKED) as ParkedSale[];
    },

    /** Brings a parked sale back; a sale in progress with lines is parked in its place. */
    resume(actor: StaffSummary, draftId: number): Cart {
      sqlite.transaction(() => {
        const target = q.draftById.get(draftId) as DraftRow | undefined;
        if (!target || target.stateId !== states.PARKED) throw new DomainError('NOT_FOUND', `no parked sale ${draftId}`, 'draftId');
        const now = isoNow(clock);
        const open = currentDraft();
        if (open) {
          const hasLines = (q.lines.all(open.id) as LineRow[]).length > 0;
          if (hasLines) q.setState.run(states.PARKED, now, null, now, open.id);
          else q.setState.run(states.VOIDED, null, null, now, open.id);
        }
        q.setState.run(states.DRAFT, null, null, now, draftId);
        audit.record({ staffId: actor.id, action: 'sale.resumed', entity: 'tblfacturas', entityId: target.globalId });
        reprice(q.draftById.get(draftId) as DraftRow);
      })();
      return current();
    },

    /** Abandons the sale in progress (kept as VOIDED for the audit trail). */
    voidCurrent(actor: StaffSummary, reason: string): Cart {
      if (!reason.trim()) throw new DomainError('VALIDATION', 'give a reason to cancel the sale', 'reason');
      sqlite.transaction(() => {
        const draft = requireDraft();
        const now = isoNow(clock);
        q.setState.run(states.VOIDED, null, null, now, draft.id);
        audit.record({ staffId: actor.id, action: 'sale.voided', entity: 'tblfacturas', entityId: draft.globalId, details: { reason: reason.trim() } });
      })();
      return current();
    },
  };
}

export type SaleService = ReturnType<typeof createSaleService>;
