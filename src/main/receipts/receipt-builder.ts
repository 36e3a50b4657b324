/**
 * Reads a completed sale back from the database as a Receipt: what the
 * screen, the system printer and the thermal printer all render. Reprints use
 * the same path, so a reprint always matches what was stored, never what the
 * cart looked like.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import type { PaymentDto, Receipt, ReceiptLine, SaleSummary } from '../../shared/ipc/dto-sales';
import type { PaymentMethod } from '../../shared/payment-methods';
import { taxBuckets } from '../../shared/tax-buckets';
import { CUSTOMER_NAME_SQL, CUSTOMER_SURNAME_FIRST_SQL } from '../customers/customer-name';
import type { SettingsService } from '../settings/settings-service';
import { loadInvoiceStates } from '../sales/invoice-states';
import { receiptLabels } from '../../shared/receipt-labels';

interface InvoiceRow {
  invoiceId: number;
  invoiceNumber: string;
  date: string;
  registerCode: string;
  cashier: string | null;
  customerName: string | null;
  document: string | null;
  documentTypeCode: string | null;
  total: number;
  gross: number;
  discount: number;
  tax: number;
  cashRounding: number;
  change: number;
  pricesIncludeTax: number;
}

interface LineRow {
  name: string;
  plu: string;
  colorName: string;
  colorNameEn: string;
  sizeCode: string;
  quantity: number;
  unitPrice: number;
  discountAmount: number;
  orderDiscountShare: number;
  total: number;
  taxCode: string;
  taxRateBp: number;
  tax: number;
  base: number;
}

interface PaymentRow {
  method: PaymentMethod;
  amount: number;
  tendered: number | null;
  reference: string | null;
}

interface SummaryRow extends Omit<SaleSummary, 'state'> {
  customerName: string | null;
}

interface HistoryParams {
  state: number;
  /** 1: every completed sale; 0: only those the query matches. */
  all: number;
  contains: string;
  number: number;
  limit: number;
  offset: number;
}

const CUSTOMER_NAME = CUSTOMER_NAME_SQL;

/** History pages are for a person scrolling; a cap keeps a mistyped limit from reading the whole table. */
const MAX_HISTORY = 200;

export function createReceiptBuilder(sqlite: Database.Database, settings: SettingsService) {
  const completed = loadInvoiceStates(sqlite).COMPLETED;
  const s = {
    invoice: sqlite.prepare<[invoiceId: number, stateId: number], InvoiceRow>(
      `SELECT f.id_facturas AS invoiceId, f.invoice_number AS invoiceNumber, f.fecha_factura AS date,
              f.register_code AS registerCode, u.display_name AS cashier,
              CASE WHEN c.id_cliente IS NULL THEN NULL ELSE ${CUSTOMER_NAME} END AS customerName,
              c.documento AS document, td.code AS documentTypeCode,
              f.total_factura AS total, f.gross_total AS gross, f.discount_total AS discount, f.tax_total AS tax,
              f.cash_rounding AS cashRounding, f.change_due AS change, f.prices_include_tax AS pricesIncludeTax
       FROM tblfacturas f
       LEFT JOIN staff_users u ON u.id = f.staff_id
       LEFT JOIN tblclientes c ON c.id_cliente = f.ID_cliente
       LEFT JOIN tbltipo_documento td ON td.id_tipo_documento = c.ID_tipo_documento
       WHERE f.id_facturas = ? AND f.ID_estado = ?`,
    ),
    lines: sqlite.prepare<[invoiceId: number], LineRow>(
      `SELECT p.nombre_producto AS name, p.plu, col.color AS colorName, col.name_en AS colorNameEn, t.talla AS sizeCode,
              d.cantidad AS quantity, d.unit_price AS unitPrice, d.discount_amount AS discountAmount,
              d.order_discount_share AS orderDiscountShare, d.total_producto AS total,
              d.tax_code AS taxCode, d.tax_rate_bp AS taxRateBp, d.tax_amount AS tax, d.base_amount AS base
       FROM tbldetalle_factura d
       JOIN tblproductos p ON p.id_producto = d.ID_producto
       JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = d.ID_prodXcolorXtalla
       JOIN tblcolor col ON col.id_color = v.ID_color
       JOIN tbltallas t ON t.id_talla = v.ID_talla
       WHERE d.ID_factura = ?
       ORDER BY d.line_no`,
    ),
    payments: sqlite.prepare<[invoiceId: number], PaymentRow>(
      `SELECT method, amount, tendered, reference FROM payments WHERE invoice_id = ? ORDER BY id`,
    ),
    history: sqlite.prepare<[HistoryParams], SummaryRow>(
      `SELECT f.id_facturas AS invoiceId, f.invoice_number AS invoiceNumber, f.fecha_factura AS date,
              f.total_factura AS total,
              CASE WHEN c.id_cliente IS NULL THEN NULL ELSE ${CUSTOMER_NAME} END AS customerName,
              (SELECT COUNT(*) FROM tbldetalle_factura d WHERE d.ID_factura = f.id_facturas) AS lineCount
       FROM tblfacturas f
       LEFT JOIN tblclientes c ON c.id_cliente = f.ID_cliente
       WHERE f.ID_estado = :state
         AND (:all = 1
              OR f.invoice_number LIKE :contains ESCAPE '\\'
              OR CAST(substr(f.invoice_number, instr(f.invoice_number, '-') + 1) AS INTEGER) = :number
              OR (c.id_cliente IS NOT NULL AND ${CUSTOMER_NAME} LIKE :contains ESCAPE '\\')
              OR (c.id_cliente IS NOT NULL AND ${CUSTOMER_SURNAME_FIRST_SQL} LIKE :contains ESCAPE '\\'))
       ORDER BY CAST(substr(f.invoice_number, instr(f.invoice_number, '-') + 1) AS INTEGER) = :number DESC,
                f.fecha_factura DESC, f.id_facturas DESC
       LIMIT :limit OFFSET :offset`,
    ),
  };

  return {
    build(invoiceId: number, options: { copy?: boolean } = {}): Receipt {
      if (!Number.isSafeInteger(invoiceId) || invoiceId <= 0) {
        throw new DomainError('VALIDATION', 'invoice id must be a positive integer', 'invoiceId');
      }
      const inv = s.invoice.get(invoiceId, completed);
      if (!inv) throw new DomainError('NOT_FOUND', `no completed sale with id ${invoiceId}`, 'invoiceId');
      const rows = s.lines.all(invoiceId);
      const payments = s.payments.all(invoiceId).map(
        (p): PaymentDto => ({ method: p.method, amount: p.amount, tendered: p.tendered, reference: p.reference }),
      );
      const store = settings.store();
      const labels = receiptLabels(store.locale);
      const english = store.locale.toLowerCase().startsWith('en');

      const lines = rows.map(
        (r): ReceiptLine => ({
          name: r.name,
          plu: r.plu,
          colorName: english ? r.colorNameEn : r.colorName,
          sizeCode: r.sizeCode,
          quantity: r.quantity,
          unitPrice: r.unitPrice,
          discountAmount: r.discountAmount,
          total: r.total,
          taxCode: r.taxCode,
        }),
      );

      return {
        copy: options.copy ?? false,
        invoiceId: inv.invoiceId,
        invoiceNumber: inv.invoiceNumber,
        date: inv.date,
        storeName: store.storeName,
        header: [...store.receiptHeader],
        footer: [...store.receiptFooter],
        registerCode: inv.registerCode,
        cashier: inv.cashier,
        customer:
          inv.customerName === null
            ? null
            : { name: inv.customerName, document: documentText(inv.documentTypeCode, inv.document, labels.documentType) },
        lines,
        totals: {
          gross: inv.gross,
          discount: inv.discount,
          base: rows.reduce((a, r) => a + r.base, 0),
          tax: inv.tax,
          total: inv.total,
          taxes: taxBuckets(rows),
          cashRounding: inv.cashRounding,
        },
        orderDiscount: rows.reduce((a, r) => a + r.orderDiscountShare, 0),
        payments,
        change: inv.change,
        currency: store.currency,
        locale: store.locale,
        pricesIncludeTax: inv.pricesIncludeTax === 1,
      };
    },

    /**
     * Completed sales, newest first, a page at a time. The query matches part
     * of an invoice number ("000123", or "123" for R01-000123) or of the
     * customer's name; an exact invoice sequence number comes first.
     */
    history(query: string | undefined, limit: number, offset = 0): SaleSummary[] {
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new DomainError('VALIDATION', 'limit must be a positive integer', 'limit');
      }
      const q = (query ?? '').trim();
      const escaped = q.replace(/[\\%_]/g, (m) => `\\${m}`);
      const rows = s.history.all({
        state: completed,
        all: q === '' ? 1 : 0,
        contains: `%${escaped}%`,
        number: /^\d{1,9}$/.test(q) ? Number(q) : -1,
        limit: Math.min(limit, MAX_HISTORY),
        offset: Math.max(0, Math.trunc(offset)),
      });
      return rows.map((r) => ({ ...r, state: 'COMPLETED' }));
    },
  };
}

export type ReceiptBuilder = ReturnType<typeof createReceiptBuilder>;

function documentText(code: string | null, document: string | null, names: Record<string, string>): string | null {
  if (!document) return null;
  const type = code === null ? undefined : names[code];
  return type ? `${type} ${document}` : document;
}

