/**
 * SQL for the sale in progress. The cart lives in the database as a draft
 * invoice (tblfacturas in state DRAFT) with its lines, written on every
 * change, so a crash or power cut loses no scanned line.
 */
import type Database from 'better-sqlite3';
import type { ParkedSale } from '../../shared/ipc/dto-sales';
import { CUSTOMER_NAME_SQL } from '../customers/customer-name';
import type { Discount } from './pricing';

export interface DraftRow {
  id: number;
  globalId: string;
  customerId: number | null;
  billingAddressId: number | null;
  shippingAddressId: number | null;
  orderDiscountKind: 'percent' | 'amount' | null;
  orderDiscountValue: number | null;
  orderDiscountReason: string | null;
  orderDiscountApprovedBy: number | null;
  orderDiscountAllowedBp: number | null;
  pendingTenders: string | null;
  pricesIncludeTax: number;
  updatedAt: string;
  stateId: number;
  registerId: string | null;
}

export interface LineRow {
  id: number;
  lineNo: number;
  productId: number;
  variantId: number;
  quantity: number;
  unitPrice: number;
  originalUnitPrice: number | null;
  priceOverrideReason: string | null;
  priceOverrideApprovedBy: number | null;
  discountKind: 'percent' | 'amount' | null;
  discountValue: number | null;
  discountReason: string | null;
  discountApprovedBy: number | null;
  discountAllowedBp: number | null;
  taxCode: string;
  taxRateBp: number;
  globalId: string;
  /** Amounts as last written by reprice (so it rewrites only lines that change). */
  storedTotal: number;
  storedDiscount: number;
  storedShare: number;
  storedTax: number;
  storedBase: number;
}

/** A line with what the till shows of its variant, read in one query for the whole cart. */
export interface CartLineRow extends LineRow {
  plu: string;
  name: string;
  colorName: string;
  colorNameEn: string;
  colorHex: string;
  sizeCode: string;
  barcode: string;
  catalogPrice: number;
  stock: number;
}

const DRAFT_COLUMNS = `id_facturas AS id, global_id AS globalId, ID_cliente AS customerId,
  ID_direccion_facturacion AS billingAddressId, ID_direccion_envio AS shippingAddressId,
  order_discount_kind AS orderDiscountKind, order_discount_value AS orderDiscountValue,
  order_discount_reason AS orderDiscountReason, order_discount_approved_by AS orderDiscountApprovedBy,
  order_discount_allowed_bp AS orderDiscountAllowedBp, pending_tenders AS pendingTenders,
  prices_include_tax AS pricesIncludeTax, updated_at AS updatedAt, ID_estado AS stateId, register_id AS registerId`;

/** The columns of a LineRow, for tbldetalle_factura aliased `d`. */
const LINE_COLUMNS = `d.id_det_fac AS id, d.line_no AS lineNo, d.ID_producto AS productId, d.ID_prodXcolorXtalla AS variantId,
  d.cantidad AS quantity, d.unit_price AS unitPrice, d.original_unit_price AS originalUnitPrice,
  d.price_override_reason AS priceOverrideReason, d.price_override_approved_by AS priceOverrideApprovedBy,
  d.discount_kind AS discountKind, d.discount_value AS discountValue, d.discount_reason AS discountReason,
  d.discount_approved_by AS discountApprovedBy, d.discount_allowed_bp AS discountAllowedBp, d.tax_code AS taxCode, d.tax_rate_bp AS taxRateBp, d.global_id AS globalId,
  d.total_producto AS storedTotal, d.discount_amount AS storedDiscount, d.order_discount_share AS storedShare,
  d.tax_amount AS storedTax, d.base_amount AS storedBase`;

export function discountOf(kind: 'percent' | 'amount' | null, value: number | null): Discount | null {
  if (!kind || value === null) return null;
  return kind === 'percent' ? { kind, percentBp: value } : { kind, amount: value };
}

export function createDraftStore(sqlite: Database.Database) {
  const s = {
    currentDraft: sqlite.prepare<[registerId: string, stateId: number], DraftRow>(
      `SELECT ${DRAFT_COLUMNS} FROM tblfacturas WHERE register_id = ? AND ID_estado = ? ORDER BY id_facturas DESC LIMIT 1`,
    ),
    draftById: sqlite.prepare<[draftId: number], DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM tblfacturas WHERE id_facturas = ?`),
    insertDraft: sqlite.prepare(
      `INSERT INTO tblfacturas (fecha_factura, total_factura, ID_estado, global_id, updated_at, register_code, register_id, staff_id, prices_include_tax)
       VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lines: sqlite.prepare<[draftId: number], LineRow>(
      `SELECT ${LINE_COLUMNS} FROM tbldetalle_factura d WHERE d.ID_factura = ? ORDER BY d.line_no`,
    ),
    cartLines: sqlite.prepare<[draftId: number], CartLineRow>(
      `SELECT ${LINE_COLUMNS},
              p.plu, p.nombre_producto AS name, c.color AS colorName, c.name_en AS colorNameEn, c.hexadecimal AS colorHex,
              t.talla AS sizeCode, v.barcode, p.precio AS catalogPrice, v.inventario AS stock
       FROM tbldetalle_factura d
       JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = d.ID_prodXcolorXtalla
       JOIN tblproductos p ON p.id_producto = d.ID_producto
       JOIN tblcolor c ON c.id_color = v.ID_color
       JOIN tbltallas t ON t.id_talla = v.ID_talla
       WHERE d.ID_factura = ? ORDER BY d.line_no`,
    ),
    insertLine: sqlite.prepare(
      `INSERT INTO tbldetalle_factura (ID_factura, ID_producto, cantidad, total_producto, ID_prodXcolorXtalla, global_id,
         line_no, unit_price, tax_code, tax_rate_bp)
       VALUES (?, ?, ?, 0, ?, ?, (SELECT COALESCE(MAX(line_no), 0) + 1 FROM tbldetalle_factura WHERE ID_factura = ?), ?, ?, ?)`,
    ),
    setQuantity: sqlite.prepare(`UPDATE tbldetalle_factura SET cantidad = ? WHERE id_det_fac = ? AND ID_factura = ?`),
    deleteLine: sqlite.prepare(`DELETE FROM tbldetalle_factura WHERE id_det_fac = ? AND ID_factura = ?`),
    setLineDiscount: sqlite.prepare(
      `UPDATE tbldetalle_factura SET discount_kind = ?, discount_value = ?, discount_reason = ?, discount_approved_by = NULL,
         discount_allowed_bp = NULL
       WHERE id_det_fac = ? AND ID_factura = ?`,
    ),
    /** Records how far a line's discount may go (and who approved it, when it needed approval). */
    setLineDiscountAllowance: sqlite.prepare(
      `UPDATE tbldetalle_factura SET discount_allowed_bp = ?, discount_approved_by = ? WHERE id_det_fac = ?`,
    ),
    setOrderDiscountAllowance: sqlite.prepare(
      `UPDATE tblfacturas SET order_discount_allowed_bp = ?, order_discount_approved_by = ? WHERE id_facturas = ?`,
    ),
    setPendingTenders: sqlite.prepare(`UPDATE tblfacturas SET pending_tenders = ?, updated_at = ? WHERE id_facturas = ?`),
    setLinePrice: sqlite.prepare(
      `UPDATE tbldetalle_factura SET unit_price = ?, original_unit_price = ?, price_override_reason = ?, price_override_approved_by = ?
       WHERE id_det_fac = ? AND ID_factura = ?`,
    ),
    writeLineAmounts: sqlite.prepare(
      `UPDATE tbldetalle_factura SET total_producto = ?, discount_amount = ?, order_discount_share = ?, tax_amount = ?, base_amount = ?
       WHERE id_det_fac = ?`,
    ),
    writeDraftTotals: sqlite.prepare(
      `UPDATE tblfacturas SET total_factura = ?, gross_total = ?, discount_total = ?, tax_total = ?, updated_at = ? WHERE id_facturas = ?`,
    ),
    setOrderDiscount: sqlite.prepare(
      `UPDATE tblfacturas SET order_discount_kind = ?, order_discount_value = ?, order_discount_reason = ?, order_discount_approved_by = NULL,
         order_discount_allowed_bp = NULL
       WHERE id_facturas = ?`,
    ),
    setCustomer: sqlite.prepare(
      `UPDATE tblfacturas SET ID_cliente = ?, ID_direccion_facturacion = ?, ID_direccion_envio = ? WHERE id_facturas = ?`,
    ),
    /** Parking bookkeeping; the state itself changes only through invoice-states.ts. */
    setParked: sqlite.prepare(`UPDATE tblfacturas SET parked_at = ?, parked_label = ? WHERE id_facturas = ?`),
    parked: sqlite.prepare<[registerId: string, stateId: number], ParkedSale>(
      `SELECT f.id_facturas AS draftId, f.parked_label AS label, f.parked_at AS parkedAt, f.total_factura AS total,
              (SELECT COUNT(*) FROM tbldetalle_factura d WHERE d.ID_factura = f.id_facturas) AS lineCount,
              ${CUSTOMER_NAME_SQL} AS customerName
       FROM tblfacturas f LEFT JOIN tblclientes c ON c.id_cliente = f.ID_cliente
       WHERE f.register_id = ? AND f.ID_estado = ? ORDER BY f.parked_at`,
    ),
  };
  return s;
}

export type DraftStore = ReturnType<typeof createDraftStore>;
