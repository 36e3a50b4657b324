import { newGlobalId } from '../../shared/ids';
import type { TempDb } from '../../../test/db';
import { must } from '../db/rows';
import { loadInvoiceStates, type InvoiceStateCode } from '../sales/invoice-states';
import { priceCart, type PricingLine } from '../sales/pricing';
import { settle, type TenderInput } from '../../shared/tender';

/**
 * Test fixture: sales written with plain SQL into a real migrated database,
 * the way the sale completer writes them, with amounts from the real pricing
 * and tender functions so they add up the way a real sale does.
 */
export function saleFixture(t: TempDb) {
  const { sqlite } = t.db;
  const now = '2026-11-25T10:00:00.000Z';
  const states = loadInvoiceStates(sqlite);
  const id = (sql: string, code: string) => must(sqlite.prepare<[code: string], number>(sql).pluck().get(code), `the id of ${code}`);
  const color = (code: string) => id(`SELECT id_color FROM tblcolor WHERE code = ?`, code);
  const size = (code: string) => id(`SELECT id_talla FROM tbltallas WHERE talla = ?`, code);

  const staffId = Number(
    sqlite
      .prepare(
        `INSERT INTO staff_users (global_id, username, display_name, role, pin_hash, created_at, updated_at)
         VALUES (?, 'ana', 'Ana Gómez', 'cashier', 'scrypt$x', ?, ?)`,
      )
      .run(newGlobalId(), now, now).lastInsertRowid,
  );
  const customerId = Number(
    sqlite
      .prepare(
        `INSERT INTO tblclientes (primer_nombre, segundo_nombre, primer_apellido, segundo_apellido, documento, ID_tipo_documento,
                                  global_id, created_at, updated_at)
         VALUES ('José', 'Luis', 'Peña', 'Muñoz', '1020304050', ?, ?, ?, ?)`,
      )
      .run(id(`SELECT id_tipo_documento FROM tbltipo_documento WHERE code = ?`, 'NATIONAL_ID'), newGlobalId(), now, now)
      .lastInsertRowid,
  );

  const product = (plu: string, name: string, price: number) =>
    Number(
      sqlite
        .prepare(
          `INSERT INTO tblproductos (plu, nombre_producto, precio, fecha_creacion, global_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(plu, name, price, now, newGlobalId(), now).lastInsertRowid,
    );
  let barcode = 2_000_000_000_000;
  const variant = (productId: number, colorCode: string, sizeCode: string) =>
    Number(
      sqlite
        .prepare(`INSERT INTO tblprodXcolorXtalla (ID_producto, ID_color, ID_talla, global_id, barcode) VALUES (?, ?, ?, ?, ?)`)
        .run(productId, color(colorCode), size(sizeCode), newGlobalId(), String(barcode++)).lastInsertRowid,
    );
  const shirt = product('100001', 'Camiseta básica', 4_990_000);
  const socks = product('200002', 'Medias tobilleras', 1_200_000);
  const catalog = {
    shirtNavyM: { productId: shirt, variantId: variant(shirt, 'NAVY', 'M'), unitPrice: 4_990_000, taxCode: 'IVA19', taxRateBp: 1900 },
    shirtRedL: { productId: shirt, variantId: variant(shirt, 'RED', 'L'), unitPrice: 4_990_000, taxCode: 'IVA19', taxRateBp: 1900 },
    socksWhite8: { productId: socks, variantId: variant(socks, 'WHITE', '8'), unitPrice: 1_200_000, taxCode: 'IVA5', taxRateBp: 500 },
  };
  type Item = (typeof catalog)[keyof typeof catalog];

  let sequence = 0;
  function sale(opts: {
    items: { item: Item; quantity: number; discountBp?: number }[];
    orderDiscount?: number;
    tenders: TenderInput[];
    customer?: boolean;
    date: string;
    state?: InvoiceStateCode;
    cashIncrement?: number;
  }) {
    const lines: PricingLine[] = opts.items.map((l) => ({
      unitPrice: l.item.unitPrice,
      quantity: l.quantity,
      taxCode: l.item.taxCode,
      taxRateBp: l.item.taxRateBp,
      discount: l.discountBp ? { kind: 'percent', percentBp: l.discountBp } : null,
    }));
    const priced = priceCart(lines, opts.orderDiscount ? { kind: 'amount', amount: opts.orderDiscount } : null, true);
    const state = opts.state ?? 'COMPLETED';
    const settlement = state === 'COMPLETED' ? settle(priced.total, opts.tenders, opts.cashIncrement ?? 0) : null;
    const number = state === 'COMPLETED' ? `R01-${String(++sequence).padStart(6, '0')}` : null;
    const invoiceId = Number(
      sqlite
        .prepare(
          `INSERT INTO tblfacturas (fecha_factura, ID_cliente, total_factura, ID_estado, global_id, updated_at, invoice_number,
             register_code, staff_id, gross_total, discount_total, tax_total, cash_rounding, change_due, prices_include_tax,
             order_discount_kind, order_discount_value, completed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'R01', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(
          opts.date,
          opts.customer ? customerId : null,
          priced.total,
          states[state],
          newGlobalId(),
          opts.date,
          number,
          staffId,
          priced.gross,
          priced.discount,
          priced.tax,
          settlement?.rounding ?? 0,
          settlement?.change ?? 0,
          opts.orderDiscount ? 'amount' : null,
          opts.orderDiscount ?? null,
          settlement ? opts.date : null,
        ).lastInsertRowid,
    );
    const insertLine = sqlite.prepare(
      `INSERT INTO tbldetalle_factura (ID_factura, ID_producto, cantidad, total_producto, ID_prodXcolorXtalla, global_id, line_no,
         unit_price, discount_kind, discount_value, discount_amount, order_discount_share, tax_code, tax_rate_bp, tax_amount, base_amount)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Inserted in reverse so the builder has to order by line_no, not by rowid.
    [...opts.items.keys()].reverse().forEach((i) => {
      const l = opts.items[i]!;
      const p = priced.lines[i]!;
      insertLine.run(invoiceId, l.item.productId, l.quantity, p.total, l.item.variantId, newGlobalId(), i + 1, l.item.unitPrice,
        l.discountBp ? 'percent' : null, l.discountBp ?? null, p.lineDiscount, p.orderDiscount, l.item.taxCode, l.item.taxRateBp, p.tax, p.base);
    });
    for (const p of settlement?.payments ?? []) {
      sqlite
        .prepare(
          `INSERT INTO payments (global_id, invoice_id, method, amount, tendered, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(newGlobalId(), invoiceId, p.method, p.amount, p.tendered, p.reference, opts.date);
    }
    return { invoiceId, number, priced, settlement };
  }

  return { catalog, sale, staffId, customerId };
}

export type SaleFixture = ReturnType<typeof saleFixture>;
