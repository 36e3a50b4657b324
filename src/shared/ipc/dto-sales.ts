/** DTOs of the Sell screen: catalog lookups, the cart, completed sales. */
import type { PaymentMethod } from '../payment-methods';

export interface SellableVariant {
  variantId: number;
  productId: number;
  plu: string;
  name: string;
  colorName: string;
  colorNameEn: string;
  colorHex: string;
  sizeCode: string;
  barcode: string;
  unitPrice: number;
  taxCode: string;
  taxRateBp: number;
  stock: number;
}

export interface ProductHit {
  productId: number;
  plu: string;
  name: string;
  brand: string | null;
  price: number;
  stock: number;
  variantCount: number;
}

export interface VariantGrid {
  product: { productId: number; plu: string; name: string; brand: string | null; price: number };
  colors: { id: number; name: string; nameEn: string; hex: string }[];
  sizes: { id: number; code: string }[];
  cells: { variantId: number; colorId: number; sizeId: number; stock: number; barcode: string }[];
}

export type DiscountDto =
  | { kind: 'percent'; percentBp: number; reason: string }
  | { kind: 'amount'; amount: number; reason: string };

export interface CartLine {
  lineId: number;
  variant: SellableVariant;
  quantity: number;
  unitPrice: number;
  /** Catalog price when overridden. */
  originalUnitPrice: number | null;
  priceOverrideReason: string | null;
  discount: DiscountDto | null;
  /** Name of the manager who approved this line's discount or price, if any. */
  approvedBy: string | null;
  gross: number;
  discountAmount: number;
  orderDiscountShare: number;
  tax: number;
  total: number;
  /** Units short of stock if this line is sold (0 when enough). */
  stockShort: number;
}

export interface CustomerSummary {
  id: number;
  name: string;
  documentType: string | null;
  document: string | null;
  email: string | null;
  phone: string | null;
  creditBalance: number;
}

export interface CartTotals {
  gross: number;
  discount: number;
  base: number;
  tax: number;
  total: number;
  taxes: { taxCode: string; rateBp: number; base: number; tax: number }[];
}

export interface Cart {
  /** Draft invoice id (tblfacturas.id_facturas); null before the first line. */
  draftId: number | null;
  draftGlobalId: string | null;
  lines: CartLine[];
  customer: CustomerSummary | null;
  billingAddressId: number | null;
  shippingAddressId: number | null;
  orderDiscount: DiscountDto | null;
  orderDiscountApprovedBy: string | null;
  pricesIncludeTax: boolean;
  totals: CartTotals;
  /** Tenders entered before completion (a card already charged survives a reload). */
  pendingTenders: PendingTender[];
  updatedAt: string | null;
}

export interface PendingTender {
  method: PaymentMethod;
  amount: number;
  reference?: string | null;
}

export interface ParkedSale {
  draftId: number;
  label: string | null;
  parkedAt: string;
  lineCount: number;
  total: number;
  customerName: string | null;
}

export interface PaymentDto {
  method: PaymentMethod;
  amount: number;
  tendered: number | null;
  reference: string | null;
}

export interface ReceiptLine {
  name: string;
  plu: string;
  colorName: string;
  sizeCode: string;
  quantity: number;
  unitPrice: number;
  discountAmount: number;
  total: number;
  taxCode: string;
}

export interface Receipt {
  invoiceId: number;
  invoiceNumber: string;
  date: string;
  storeName: string;
  header: string[];
  footer: string[];
  registerCode: string;
  cashier: string | null;
  customer: { name: string; document: string | null } | null;
  lines: ReceiptLine[];
  totals: CartTotals & { cashRounding: number };
  orderDiscount: number;
  payments: PaymentDto[];
  change: number;
  currency: string;
  locale: string;
  pricesIncludeTax: boolean;
  /** A reprint: printed and shown marked as a copy. */
  copy: boolean;
}

export interface SaleSummary {
  invoiceId: number;
  invoiceNumber: string;
  date: string;
  total: number;
  state: string;
  customerName: string | null;
  lineCount: number;
}

/** The till with no sale in progress (no draft row yet). */
export const emptyCart = (pricesIncludeTax: boolean): Cart => ({
  draftId: null,
  draftGlobalId: null,
  lines: [],
  customer: null,
  billingAddressId: null,
  shippingAddressId: null,
  orderDiscount: null,
  orderDiscountApprovedBy: null,
  pricesIncludeTax,
  totals: { gross: 0, discount: 0, base: 0, tax: 0, total: 0, taxes: [] },
  pendingTenders: [],
  updatedAt: null,
});
