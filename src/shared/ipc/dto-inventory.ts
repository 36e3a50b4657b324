/** Stock, movements and stock documents, as they cross IPC. */

export interface StockRowDto {
  variantId: number;
  productId: number;
  plu: string;
  name: string;
  manufacturer: string | null;
  colorName: string;
  colorHex: string;
  sizeCode: string;
  barcode: string;
  stock: number;
  lowStockThreshold: number | null;
  /** At or below its threshold. */
  low: boolean;
  active: boolean;
  /** Cost of one unit (last receipt's, else the product's cost price); null without the costs permission or when unknown. */
  unitCost: number | null;
}

export interface StockPage {
  rows: StockRowDto[];
  total: number;
  /** Sum of stock x unit cost over every matching row; null without the costs permission. */
  stockValue: number | null;
}

export interface MovementDto {
  id: number;
  occurredAt: string;
  quantity: number;
  reason: string;
  /** Stock after this movement. */
  balance: number;
  /** The document behind it, when there is one (purchase order receipt, count, transfer, adjustment, sale). */
  document: { kind: string; label: string } | null;
  staffName: string | null;
  note: string | null;
}

/** A product's colour x size grid with each variant's stock. */
export interface StockGridDto {
  product: { productId: number; plu: string; name: string; manufacturerId: number | null };
  colors: { id: number; name: string; nameEn: string; hex: string }[];
  sizes: { id: number; code: string }[];
  cells: { variantId: number; colorId: number; sizeId: number; stock: number; lowStockThreshold: number | null; active: boolean; barcode: string }[];
}

export interface PurchaseOrderSummaryDto {
  id: number;
  number: string;
  manufacturerId: number;
  manufacturer: string;
  status: 'open' | 'partial' | 'received' | 'closed' | 'cancelled';
  createdAt: string;
  expectedAt: string | null;
  ordered: number;
  received: number;
}

export interface PurchaseOrderDto extends PurchaseOrderSummaryDto {
  note: string | null;
  lines: {
    lineId: number;
    variantId: number;
    productId: number;
    plu: string;
    name: string;
    colorName: string;
    sizeCode: string;
    quantityOrdered: number;
    quantityReceived: number;
    /** received - ordered: negative is still due, positive is over. */
    difference: number;
    unitCost: number | null;
  }[];
}

export interface StockCountSummaryDto {
  id: number;
  scope: 'all' | 'category' | 'manufacturer';
  scopeId: number | null;
  scopeName: string | null;
  status: 'open' | 'applied' | 'cancelled';
  createdAt: string;
  appliedAt: string | null;
  counted: number;
}

export interface CountLineDto {
  variantId: number;
  productId: number;
  plu: string;
  name: string;
  colorName: string;
  sizeCode: string;
  barcode: string;
  /** Null: not counted yet. */
  counted: number | null;
  /** Stock when it was counted (the snapshot); null until counted. */
  expected: number | null;
  /** counted - expected: what applying books. */
  variance: number | null;
  /** Stock now (sales since the count show as current != expected and are kept). */
  current: number;
}

export interface StockCountDto extends StockCountSummaryDto {
  note: string | null;
  lines: CountLineDto[];
}

export interface TransferSummaryDto {
  id: number;
  number: string;
  direction: 'out' | 'in';
  otherStore: string;
  status: 'in_transit' | 'received' | 'cancelled';
  sentAt: string;
  receivedAt: string | null;
  units: number;
}

export interface TransferDto extends TransferSummaryDto {
  note: string | null;
  lines: {
    lineId: number;
    variantId: number;
    plu: string;
    name: string;
    colorName: string;
    sizeCode: string;
    quantitySent: number;
    quantityReceived: number | null;
    discrepancyNote: string | null;
  }[];
}

export interface InventoryFilters {
  categories: { id: number; name: string }[];
  manufacturers: { id: number; name: string }[];
}
