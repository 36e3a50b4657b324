/**
 * The till's cart: every change is one transaction that edits the draft
 * invoice and reprices it, so what the cashier sees is always what is stored.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { Cart, DiscountDto, ParkedSale, PendingTender } from '../../shared/ipc/dto-sales';
import type { StaffSummary } from '../../shared/ipc/dto';
import type { Permission } from '../../shared/permissions';
import type { CatalogService } from '../catalog/catalog-service';
import { isoNow, type Clock } from '../db/clock';
import { must } from '../db/rows';
import type { DeviceService } from '../device/device-identity';
import type { WriteContext, WritePath } from '../write';
import type { SettingsService } from '../settings/settings-service';
import type { StaffService } from '../staff/staff-service';
import type { PermissionService } from '../staff/permission-service';
import type { CustomerService } from '../customers/customer-service';
import { createCartView } from './cart-view';
import { createDraftStore, discountOf, type DraftRow, type LineRow } from './draft-store';
import { createInvoiceStateMachine, type InvoiceStateCode } from './invoice-states';
import { MAX_LINE_AMOUNT, MAX_SALE_AMOUNT } from '../../shared/money-limits';
import { bpText, discountShareBp, exceedsAllowance } from './discount-guard';
import { priceCart, type Discount, type PricedCart } from './pricing';

export interface Approval {
  userId: number;
  pin: string;
}

export const MAX_LINE_QUANTITY = 9_999;

/**
 * Who lets a discount grow in a change, and how far: the acting user up to
 * their role's discount limit, or the user whose PIN came with the call up to
 * theirs.
 */
export interface Grant {
  by: number;
  limitBp: number;
  /** True when it came with an approval PIN (a refusal then names the approver, not the till). */
  approved: boolean;
  name: string;
}

/** What a reprice may let through (see discount-guard.ts). */
export interface RepriceGuard {
  /** Who may let a discount grow in this change, up to what share; null: none may grow past the store's threshold. */
  grant?: Grant | null;
  /** The line whose discount this change sets: its allowance is measured afresh. */
  touchedLineId?: number;
  /** This change sets the order discount. */
  touchedOrder?: boolean;
  /** False only to reopen a stored sale as it was (resume); completion always enforces. */
  enforce?: boolean;
  /** The change's write context: a re-approval is audited in it. */
  write?: WriteContext;
}


export interface SaleServiceDeps {
  sqlite: Database.Database;
  clock: Clock;
  writes: WritePath;
  device: DeviceService;
  catalog: CatalogService;
  settings: SettingsService;
  staff: StaffService;
  permissions: PermissionService;
  customers: Pick<CustomerService, 'summary'>;
  states: Record<InvoiceStateCode, number>;
}

export function createSaleService(deps: SaleServiceDeps) {
  const { sqlite, clock, writes, device, catalog, settings, staff, permissions, customers, states } = deps;
  const q = createDraftStore(sqlite);
  const machine = createInvoiceStateMachine(sqlite, states);
  const addressOwner = {
    billing: sqlite.prepare<[addressId: number], number>(`SELECT ID_cliente FROM tbldirecciones_facturacion WHERE id_direccion_facturacion = ?`).pluck(),
    shipping: sqlite.prepare<[addressId: number], number>(`SELECT ID_cliente FROM tbldirecciones_envio WHERE id_direccion_envio = ?`).pluck(),
  };

  const registerId = () => device.identity().registerId;
  /** This register's one open sale, if it has one. */
  const currentDraft = () => q.currentDraft.get(registerId(), states.DRAFT);

  /**
   * The open sale, which must be the one the caller names when it names one:
   * a screen showing a sale that was parked, completed or replaced elsewhere
   * is told so instead of changing another sale.
   */
  function requireDraft(draftId?: number | null): DraftRow {
    const draft = currentDraft();
    if (!draft) throw new DomainError('NOT_FOUND', 'there is no sale in progress', 'draftId');
    if (draftId != null && draft.id !== draftId) {
      throw new DomainError('CONFLICT', `sale ${draftId} is no longer the open sale of this register; the screen shows the current one`, 'draftId', { openDraftId: draft.id });
    }
    return draft;
  }

  function ensureDraft(actor: StaffSummary, draftId?: number | null): DraftRow {
    const existing = currentDraft();
    if (existing) return draftId != null ? requireDraft(draftId) : existing;
    if (draftId != null) requireDraft(draftId);
    const now = isoNow(clock);
    const { registerCode } = device.identity();
    const { lastInsertRowid } = q.insertDraft.run(now, states.DRAFT, newGlobalId(), now, registerCode, registerId(), actor.id, settings.store().pricesIncludeTax ? 1 : 0);
    return must(q.draftById.get(Number(lastInsertRowid)), 'the draft just inserted');
  }

  function findLine(draft: DraftRow, lineId: number): LineRow {
    const line = q.lines.all(draft.id).find((l) => l.id === lineId);
    if (!line) throw new DomainError('NOT_FOUND', `line ${lineId} is not in the sale`, 'lineId');
    return line;
  }

  /** The discount a user may give (or approve) on their own: none without the discount permission. */
  function discountLimitOf(user: StaffSummary): number {
    const grant = permissions.grantOf(user.role);
    return grant.permissions.includes('sales.discount') ? grant.discountLimitBp : -1;
  }

  /**
   * Who may let a discount grow in this change: the user whose PIN came with
   * the call (up to their role's limit), else the acting user (up to theirs);
   * null when neither may give more than the store's threshold.
   */
  async function grantOf(actor: StaffSummary, approval: Approval | undefined, what: string): Promise<Grant | null> {
    const own = discountLimitOf(actor);
    if (own >= 10_000 || !approval) return own > 0 ? { by: actor.id, limitBp: own, approved: false, name: actor.displayName } : null;
    const approver = await authenticateApprover(approval, 'sales.discount', what);
    return { by: approver.id, limitBp: Math.max(discountLimitOf(approver), 0), approved: true, name: approver.displayName };
  }

  /** A role without the discount permission gives no discount without someone's approval. */
  function requireDiscountRight(actor: StaffSummary, approval: Approval | undefined): void {
    if (discountLimitOf(actor) < 0 && !approval) {
      throw new DomainError('APPROVAL_REQUIRED', `the ${actor.role} role may not give discounts; a manager must approve`, 'approval', { thresholdBp: 0, percentBp: 0 });
    }
  }

  /**
   * Recomputes every line and the totals from what is stored; call inside the
   * change's transaction. Refuses (rolling the change back) amounts out of
   * range and any discount grown past its allowance without a grant; see
   * discount-guard.ts.
   */
  function reprice(draft: DraftRow, guard: RepriceGuard = {}): void {
    const lines = q.lines.all(draft.id);
    for (const l of lines) {
      if (l.unitPrice * l.quantity > MAX_LINE_AMOUNT) {
        throw new DomainError('VALIDATION', `line ${l.lineNo} would come to more than a sale can hold; lower the quantity or price`, 'quantity', { lineId: l.id });
      }
    }
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
    if (priced.gross > MAX_SALE_AMOUNT) {
      throw new DomainError('VALIDATION', 'the sale would come to more than a sale can hold; split it', 'quantity');
    }
    if (guard.enforce !== false) guardDiscounts(draft, lines, priced, guard);
    lines.forEach((l, i) => {
      const p = priced.lines[i]!;
      const same = p.total === l.storedTotal && p.lineDiscount === l.storedDiscount && p.orderDiscount === l.storedShare && p.tax === l.storedTax && p.base === l.storedBase;
      if (!same) q.writeLineAmounts.run(p.total, p.lineDiscount, p.orderDiscount, p.tax, p.base, l.id);
    });
    q.writeDraftTotals.run(priced.total, priced.gross, priced.discount, priced.tax, isoNow(clock), draft.id);
  }

  function approvalNeeded(what: string, shareBp: number, thresholdBp: number, details: Record<string, number>): DomainError {
    return new DomainError(
      'APPROVAL_REQUIRED',
      `${what} would be ${bpText(shareBp)} % off; above ${bpText(thresholdBp)} % a manager must approve`,
      'approval',
      { ...details, percentBp: shareBp, thresholdBp },
    );
  }

  function guardDiscounts(draft: DraftRow, lines: LineRow[], priced: PricedCart, guard: RepriceGuard): void {
    const threshold = settings.store().discountApprovalBp;
    const grant = guard.grant ?? null;
    /** Records who let a discount reach `share`, or refuses: a PIN is asked for, or the approver's limit is named. */
    const allow = (share: number, what: string, details: Record<string, number>): number => {
      if (grant !== null && share <= Math.max(grant.limitBp, threshold)) return grant.by;
      if (grant?.approved) {
        throw new DomainError('FORBIDDEN', `${grant.name} may approve discounts up to ${bpText(grant.limitBp)} %; ${what} would be ${bpText(share)} % off`, 'approval', { ...details, percentBp: share, limitBp: grant.limitBp });
      }
      throw approvalNeeded(what, share, Math.max(threshold, grant?.limitBp ?? 0), details);
    };
    lines.forEach((l, i) => {
      const discount = discountOf(l.discountKind, l.discountValue);
      if (!discount) return;
      const p = priced.lines[i]!;
      const share = discountShareBp(discount, p.lineDiscount, p.gross);
      const touched = guard.touchedLineId === l.id;
      if (exceedsAllowance(share, threshold, touched ? null : l.discountAllowedBp)) {
        const by = allow(share, `the discount on line ${l.lineNo}`, { lineId: l.id });
        q.setLineDiscountAllowance.run(share, by, l.id);
        if (!touched) guard.write?.audit({ action: 'sale.discount_reapproved', entity: 'tblfacturas', entityId: draft.globalId, details: { lineId: l.id, percentBp: share, approvedBy: by } });
      } else if (touched) {
        q.setLineDiscountAllowance.run(share, null, l.id);
      }
    });
    const orderDiscount = discountOf(draft.orderDiscountKind, draft.orderDiscountValue);
    if (!orderDiscount) return;
    const base = priced.lines.reduce((a, p) => a + Math.max(p.gross - p.lineDiscount, 0), 0);
    const off = priced.lines.reduce((a, p) => a + p.orderDiscount, 0);
    const share = discountShareBp(orderDiscount, off, base);
    if (exceedsAllowance(share, threshold, guard.touchedOrder ? null : draft.orderDiscountAllowedBp)) {
      const by = allow(share, 'the order discount', {});
      q.setOrderDiscountAllowance.run(share, by, draft.id);
      if (!guard.touchedOrder) guard.write?.audit({ action: 'sale.discount_reapproved', entity: 'tblfacturas', entityId: draft.globalId, details: { order: true, percentBp: share, approvedBy: by } });
    } else if (guard.touchedOrder) {
      q.setOrderDiscountAllowance.run(share, null, draft.id);
    }
  }

  /** The approver's PIN (rate-limited like any login), and their role must hold the permission. */
  async function authenticateApprover(approval: Approval, permission: Permission, what: string): Promise<StaffSummary> {
    const approver = await staff.authenticate(approval.userId, approval.pin);
    if (!permissions.has(approver.role, permission)) {
      throw new DomainError('FORBIDDEN', `${approver.displayName} cannot approve ${what}: the ${approver.role} role lacks "${permission}"`, 'approval', { permission });
    }
    return approver;
  }

  /** Who allows a change that needs `permission`: the actor when their role holds it, else the approver whose PIN came with the call. */
  async function approve(actor: StaffSummary, approval: Approval | undefined, what: string, permission: Permission = 'sales.overridePrice'): Promise<number> {
    if (permissions.has(actor.role, permission)) return actor.id;
    if (!approval) throw new DomainError('APPROVAL_REQUIRED', `${what} needs a manager's PIN`, 'approval');
    return (await authenticateApprover(approval, permission, what)).id;
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
    return q.lines.all(draft.id)
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
    /** The open sale of this register, checked against the id the caller names (used by completion). */
    requireDraft,
    machine,
    reprice,
    approve,

    /** Adds a variant; the same variant without a discount or price change just gets one more. */
    addVariant(actor: StaffSummary, variantId: number, quantity: number, fromSearch = false, draftId?: number | null): Cart {
      validQuantity(quantity);
      const variant = catalog.variant(variantId);
      writes.mutate(actor, () => {
        const draft = ensureDraft(actor, draftId);
        checkStock(draft, variantId, quantity);
        const same = q.lines.all(draft.id).find(
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
      });
      return current();
    },

    /** Changes a line's quantity; when that makes a discount grow past its allowance, a manager approves. */
    async setQuantity(actor: StaffSummary, lineId: number, quantity: number, approval?: Approval): Promise<Cart> {
      validQuantity(quantity);
      const grant = await grantOf(actor, approval, 'this quantity change');
      writes.mutate(actor, (w) => {
        const draft = requireDraft();
        const line = findLine(draft, lineId);
        if (line.quantity === quantity) return;
        checkStock(draft, line.variantId, quantity, line.id);
        q.setQuantity.run(quantity, lineId, draft.id);
        reprice(draft, { grant, write: w });
        w.audit({ action: 'sale.quantity_changed',
          entity: 'tblfacturas',
          entityId: draft.globalId,
          details: { lineId, variantId: line.variantId, from: line.quantity, to: quantity },
        });
      });
      return current();
    },

    async removeLine(actor: StaffSummary, lineId: number, approval?: Approval): Promise<Cart> {
      const grant = await grantOf(actor, approval, 'removing this line');
      writes.mutate(actor, (w) => {
        const draft = requireDraft();
        const line = findLine(draft, lineId);
        q.deleteLine.run(lineId, draft.id);
        w.audit({ action: 'sale.line_removed',
          entity: 'tblfacturas',
          entityId: draft.globalId,
          details: { lineId, variantId: line.variantId, quantity: line.quantity, unitPrice: line.unitPrice },
        });
        reprice(draft, { grant, write: w });
      });
      return current();
    },

    async setLineDiscount(actor: StaffSummary, lineId: number, discount: DiscountDto | null, approval?: Approval): Promise<Cart> {
      const valid = discount ? validateDiscount(discount, 'discount') : null;
      if (valid) requireDiscountRight(actor, approval);
      // Removing a discount never needs a PIN.
      const grant = valid ? await grantOf(actor, approval, 'this discount') : null;
      writes.mutate(actor, (w) => {
        const draft = requireDraft();
        findLine(draft, lineId);
        q.setLineDiscount.run(
          valid?.kind ?? null,
          valid ? (valid.kind === 'percent' ? valid.percentBp : valid.amount) : null,
          discount?.reason.trim() ?? null,
          lineId,
          draft.id,
        );
        reprice(draft, { grant, touchedLineId: lineId, write: w });
        const approvedBy = (findLine(draft, lineId).discountApprovedBy) ?? null;
        w.audit({ action: discount ? 'sale.line_discount' : 'sale.line_discount_removed',
          entity: 'tblfacturas',
          entityId: draft.globalId,
          details: { lineId, ...(discount ? { discount } : {}), approvedBy },
        });
      });
      return current();
    },

    /**
     * Any price change needs a manager. The manager approving it also
     * approves what it does to the line's discount share (an amount off a
     * lower price is a larger share).
     */
    async overridePrice(actor: StaffSummary, lineId: number, unitPrice: number, reason: string, approval?: Approval): Promise<Cart> {
      if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) throw new DomainError('VALIDATION', 'price must be zero or more', 'unitPrice');
      if (unitPrice > MAX_LINE_AMOUNT) throw new DomainError('VALIDATION', 'that price is more than a sale can hold', 'unitPrice');
      if (!reason.trim()) throw new DomainError('VALIDATION', 'give a reason for the price change', 'reason');
      const approvedBy = await approve(actor, approval, 'a price change');
      writes.mutate(actor, (w) => {
        const draft = requireDraft();
        const line = findLine(draft, lineId);
        const original = line.originalUnitPrice ?? line.unitPrice;
        q.setLinePrice.run(unitPrice, original, reason.trim(), approvedBy, lineId, draft.id);
        w.audit({ action: 'sale.price_override',
          entity: 'tblfacturas',
          entityId: draft.globalId,
          details: { lineId, from: line.unitPrice, to: unitPrice, catalogPrice: original, reason: reason.trim(), approvedBy },
        });
        reprice(draft, { grant: { by: approvedBy, limitBp: 10_000, approved: false, name: '' }, write: w });
      });
      return current();
    },

    async setOrderDiscount(actor: StaffSummary, discount: DiscountDto | null, approval?: Approval, draftId?: number | null): Promise<Cart> {
      const valid = discount ? validateDiscount(discount, 'discount') : null;
      if (valid) requireDiscountRight(actor, approval);
      const grant = valid ? await grantOf(actor, approval, 'this discount') : null;
      writes.mutate(actor, (w) => {
        const draft = requireDraft(draftId);
        q.setOrderDiscount.run(
          valid?.kind ?? null,
          valid ? (valid.kind === 'percent' ? valid.percentBp : valid.amount) : null,
          discount?.reason.trim() ?? null,
          draft.id,
        );
        const written = requireDraft();
        reprice(written, { grant, touchedOrder: true, write: w });
        w.audit({ action: discount ? 'sale.order_discount' : 'sale.order_discount_removed',
          entity: 'tblfacturas',
          entityId: written.globalId,
          details: { ...(discount ? { discount } : {}), approvedBy: requireDraft().orderDiscountApprovedBy },
        });
      });
      return current();
    },

    setCustomer(actor: StaffSummary, customerId: number | null, billingAddressId: number | null = null, shippingAddressId: number | null = null, draftId?: number | null): Cart {
      writes.mutate(actor, (w) => {
        const draft = ensureDraft(actor, draftId);
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
        w.audit({ action: 'sale.customer_set', entity: 'tblfacturas', entityId: draft.globalId, before: { customerId: draft.customerId }, after: { customerId, billingAddressId, shippingAddressId } });
      });
      return current();
    },

    /** Holds the current sale and starts an empty one. */
    park(actor: StaffSummary, label: string | null, draftId?: number | null): Cart {
      writes.mutate(actor, (w) => {
        const draft = requireDraft(draftId);
        if (q.lines.all(draft.id).length === 0) throw new DomainError('VALIDATION', 'there is nothing to park', 'draftId');
        machine.transition(draft.id, 'PARKED', w.now, 'DRAFT');
        q.setParked.run(w.now, label?.trim() || null, draft.id);
        w.audit({ action: 'sale.parked', entity: 'tblfacturas', entityId: draft.globalId, details: { label: label?.trim() || null } });
      });
      return current();
    },

    parked(): ParkedSale[] {
      return q.parked.all(registerId(), states.PARKED);
    },

    /** Brings a parked sale back; a sale in progress with lines is parked in its place. */
    resume(actor: StaffSummary, draftId: number): Cart {
      writes.mutate(actor, (w) => {
        const target = q.draftById.get(draftId);
        if (!target || target.stateId !== states.PARKED || target.registerId !== registerId()) {
          throw new DomainError('NOT_FOUND', `no parked sale ${draftId}`, 'draftId');
        }
        const open = currentDraft();
        if (open) {
          // A sale in progress with lines is parked in the resumed one's place; an empty one is dropped.
          const hasLines = q.lines.all(open.id).length > 0;
          machine.transition(open.id, hasLines ? 'PARKED' : 'CANCELLED', w.now, 'DRAFT');
          if (hasLines) q.setParked.run(w.now, null, open.id);
          w.audit({ action: hasLines ? 'sale.parked' : 'sale.cancelled', entity: 'tblfacturas', entityId: open.globalId, details: { replacedBy: target.globalId } });
        }
        machine.transition(draftId, 'DRAFT', w.now, 'PARKED');
        q.setParked.run(null, null, draftId);
        w.audit({ action: 'sale.resumed', entity: 'tblfacturas', entityId: target.globalId });
        // Reopened as it was parked; completion re-checks every discount.
        reprice(must(q.draftById.get(draftId), `draft ${draftId}, just resumed`), { enforce: false });
      });
      return current();
    },

    /**
     * Keeps the tenders entered so far with the sale: a card already charged
     * is still there after a reload. Completion takes its own list and clears these.
     */
    setTenders(actor: StaffSummary, tenders: PendingTender[], draftId?: number | null): Cart {
      writes.mutate(actor, (w) => {
        const draft = requireDraft(draftId);
        q.setPendingTenders.run(tenders.length > 0 ? JSON.stringify(tenders) : null, w.now, draft.id);
        w.audit({ action: 'sale.tenders_entered', entity: 'tblfacturas', entityId: draft.globalId, after: { tenders: tenders.map((t) => ({ method: t.method, amount: t.amount })) } });
      });
      return current();
    },

    /** Abandons the sale in progress (kept as CANCELLED, with its lines, for the audit trail). */
    voidCurrent(actor: StaffSummary, reason: string, draftId?: number | null): Cart {
      if (!reason.trim()) throw new DomainError('VALIDATION', 'give a reason to cancel the sale', 'reason');
      writes.mutate(actor, (w) => {
        const draft = requireDraft(draftId);
        machine.transition(draft.id, 'CANCELLED', w.now, 'DRAFT');
        w.audit({ action: 'sale.cancelled', entity: 'tblfacturas', entityId: draft.globalId, details: { reason: reason.trim() } });
      });
      return current();
    },
  };
}

export type SaleService = ReturnType<typeof createSaleService>;
