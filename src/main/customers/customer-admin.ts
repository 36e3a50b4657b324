/**
 * The back office's customer records: edit, purchase history, a customer's
 * own data as JSON (right of access) and erasure on request (right to be
 * forgotten). Creation and search stay in customer-service.ts, shared with the till.
 *
 * Erasure clears every personal field and deletes the addresses; the
 * customer's sales stay (the books must add up) but no longer point at them.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import type { CustomerDetail } from '../../shared/ipc/dto-customers';
import { changedFields, type Actor, type WritePath } from '../write/write-path';
import type { CustomerService, NewCustomer } from './customer-service';

export interface PurchaseDto {
  invoiceId: number;
  invoiceNumber: string | null;
  completedAt: string | null;
  state: string;
  items: number;
  total: number;
}

export interface PurchaseHistoryDto {
  purchases: PurchaseDto[];
  count: number;
  total: number;
  items: number;
}

/** The placeholder names an erased customer keeps (the columns are NOT NULL in the diagram). */
export const ERASED_NAME = { firstName: 'ERASED', lastName: 'ERASED' } as const;

export type CustomerEdit = Omit<NewCustomer, 'allowDuplicateEmail'> & { allowDuplicateEmail?: boolean };

export function createCustomerAdmin(sqlite: Database.Database, writes: WritePath, customers: Pick<CustomerService, 'get'>) {
  const s = {
    row: sqlite.prepare<[number], { globalId: string; erasedAt: string | null }>(`SELECT global_id AS globalId, CASE WHEN primer_nombre = 'ERASED' AND documento IS NULL THEN 1 END AS erasedAt FROM tblclientes WHERE id_cliente = ?`),
    docType: sqlite.prepare<[string], number>(`SELECT id_tipo_documento FROM tbltipo_documento WHERE code = ?`).pluck(),
    phoneType: sqlite.prepare<[string], number>(`SELECT id_tipo_telefono FROM tbltipo_telefono WHERE code = ?`).pluck(),
    country: sqlite.prepare<[string], number>(`SELECT id_pais FROM tblpaises WHERE iso_alpha2 = ?`).pluck(),
    byDocument: sqlite.prepare<[number, string], number>(`SELECT id_cliente FROM tblclientes WHERE ID_tipo_documento = ? AND documento = ?`).pluck(),
    byEmail: sqlite.prepare<[string, number], { id: number }>(`SELECT id_cliente AS id FROM tblclientes WHERE email = ? AND id_cliente <> ? LIMIT 1`),
    update: sqlite.prepare(
      `UPDATE tblclientes SET email = ?, primer_nombre = ?, segundo_nombre = ?, primer_apellido = ?, segundo_apellido = ?, ID_tipo_telefono = ?, telefono = ?,
              ID_pais = ?, documento = ?, ID_tipo_documento = ?, updated_at = ? WHERE id_cliente = ?`,
    ),
    purchases: sqlite.prepare<[number], PurchaseDto>(
      `SELECT f.id_facturas AS invoiceId, f.invoice_number AS invoiceNumber, f.completed_at AS completedAt, e.code AS state,
              (SELECT COALESCE(SUM(cantidad), 0) FROM tbldetalle_factura d WHERE d.ID_factura = f.id_facturas) AS items, f.total_factura AS total
         FROM tblfacturas f JOIN tblestados_factura e ON e.id_estado = f.ID_estado
        WHERE f.ID_cliente = ? AND e.code NOT IN ('DRAFT', 'PARKED', 'CANCELLED')
        ORDER BY f.id_facturas DESC`,
    ),
    erase: sqlite.prepare(
      `UPDATE tblclientes SET email = NULL, contraseña = NULL, primer_nombre = '${ERASED_NAME.firstName}', segundo_nombre = NULL, primer_apellido = '${ERASED_NAME.lastName}',
              segundo_apellido = NULL, ID_tipo_telefono = NULL, telefono = NULL, ID_pais = NULL, documento = NULL, ID_tipo_documento = NULL, updated_at = ? WHERE id_cliente = ?`,
    ),
    unlinkSales: sqlite.prepare(`UPDATE tblfacturas SET ID_cliente = NULL, ID_direccion_facturacion = NULL, ID_direccion_envio = NULL WHERE ID_cliente = ?`),
    deleteBilling: sqlite.prepare(`DELETE FROM tbldirecciones_facturacion WHERE ID_cliente = ?`),
    deleteShipping: sqlite.prepare(`DELETE FROM tbldirecciones_envio WHERE ID_cliente = ?`),
    credit: sqlite.prepare<[number], number>(`SELECT COALESCE(SUM(amount), 0) FROM customer_credit WHERE customer_id = ?`).pluck(),
  };

  function lookup(stmt: Database.Statement<[string], number>, code: string, field: string, what: string): number {
    const id = stmt.get(code);
    if (id === undefined) throw new DomainError('VALIDATION', `unknown ${what} ${code}`, field);
    return id;
  }

  function globalIdOf(id: number): string {
    const row = s.row.get(id);
    if (!row) throw new DomainError('NOT_FOUND', `no customer ${id}`, 'id');
    return row.globalId;
  }

  const editable = (c: CustomerDetail) => ({
    documentTypeCode: c.documentType,
    document: c.document,
    firstName: c.firstName,
    middleName: c.middleName,
    lastName: c.lastName,
    secondLastName: c.secondLastName,
    email: c.email,
    phoneTypeCode: c.phoneType,
    phone: c.phone,
    countryCode: c.countryCode,
  });

  const api = {
    /** Saves an edit: document type and number stay unique together; an email another customer has needs `allowDuplicateEmail`. */
    update(actor: Actor, id: number, input: CustomerEdit): CustomerDetail {
      const globalId = globalIdOf(id);
      const docTypeId = lookup(s.docType, input.documentTypeCode, 'documentTypeCode', 'document type');
      const countryId = lookup(s.country, input.countryCode, 'countryCode', 'country');
      const phone = input.phone?.trim() || null;
      // No phone, no phone type: a type left behind would be an edit nobody made.
      const phoneTypeId = phone && input.phoneTypeCode ? lookup(s.phoneType, input.phoneTypeCode, 'phoneTypeCode', 'phone type') : null;
      if (phone && phoneTypeId === null) throw new DomainError('VALIDATION', 'choose the phone type', 'phoneTypeCode');
      const document = input.document.trim().toUpperCase();
      const email = input.email?.trim().toLowerCase() || null;
      writes.mutate(actor, (w) => {
        const before = customers.get(id);
        const other = s.byDocument.get(docTypeId, document);
        if (other !== undefined && other !== id) throw new DomainError('CONFLICT', `another customer has ${input.documentTypeCode} ${document}`, 'document', { duplicateOf: other });
        if (email && !input.allowDuplicateEmail) {
          const same = s.byEmail.get(email, id);
          if (same) throw new DomainError('CONFLICT', `another customer already has the email ${email}`, 'email', { duplicateOf: same.id });
        }
        const middleName = input.middleName?.trim() || null;
        const secondLastName = input.secondLastName?.trim() || null;
        s.update.run(email, input.firstName, middleName, input.lastName, secondLastName, phoneTypeId, phone, countryId, document, docTypeId, w.now, id);
        const after = { documentTypeCode: input.documentTypeCode, document, firstName: input.firstName, middleName, lastName: input.lastName, secondLastName, email, phoneTypeCode: phone ? (input.phoneTypeCode ?? null) : null, phone, countryCode: input.countryCode };
        const diff = changedFields(editable(before) as Record<string, unknown>, after);
        if (Object.keys(diff.after).length === 0) return;
        w.emit('customer.upserted', { customerId: globalId, ...after });
        w.audit({ action: 'customer.update', entity: 'tblclientes', entityId: globalId, before: diff.before, after: diff.after });
      });
      return customers.get(id);
    },

    /** Completed sales (and returns) of the customer, newest first, with their totals. */
    history(id: number): PurchaseHistoryDto {
      globalIdOf(id);
      const purchases = s.purchases.all(id);
      return {
        purchases,
        count: purchases.length,
        total: purchases.reduce((a, p) => a + p.total, 0),
        items: purchases.reduce((a, p) => a + p.items, 0),
      };
    },

    /** Everything the store holds about the customer, as one JSON document; the export itself is audited. */
    exportData(actor: Actor, id: number): { fileName: string; json: string } {
      const detail = customers.get(id);
      const globalId = globalIdOf(id);
      const history = api.history(id);
      return writes.mutate(actor, (w) => {
        w.audit({ action: 'customer.exported', entity: 'tblclientes', entityId: globalId, details: { purchases: history.count } });
        const data = {
          exportedAt: w.now,
          customer: { id: globalId, ...editable(detail), addresses: detail.addresses.map(({ id: _id, ...a }) => a), storeCredit: s.credit.get(id) ?? 0 },
          purchases: history.purchases.map(({ invoiceId: _id, ...p }) => p),
          totals: { count: history.count, total: history.total, items: history.items },
        };
        return { fileName: `customer-${globalId}.json`, json: JSON.stringify(data, null, 2) };
      });
    },

    /**
     * Erases a customer on request: personal fields cleared, addresses
     * deleted, sales kept and unlinked (their totals and stock stay as they
     * were). Store credit still owed is a debt to the customer: refused until it is settled.
     */
    erase(actor: Actor, id: number, reason: string): CustomerDetail {
      const globalId = globalIdOf(id);
      if (!reason.trim()) throw new DomainError('VALIDATION', 'give the reason for erasing (e.g. the request reference)', 'reason');
      writes.mutate(actor, (w) => {
        const credit = s.credit.get(id) ?? 0;
        if (credit !== 0) throw new DomainError('CONFLICT', 'the customer still has store credit; settle it before erasing their data', 'id', { creditBalance: credit });
        const unlinked = s.unlinkSales.run(id).changes;
        s.deleteBilling.run(id);
        s.deleteShipping.run(id);
        s.erase.run(w.now, id);
        // The audit keeps who erased whom and why, never the erased data itself.
        w.audit({ action: 'customer.erased', entity: 'tblclientes', entityId: globalId, details: { reason: reason.trim(), salesUnlinked: unlinked } });
        w.emit('customer.erased', { customerId: globalId, erasedAt: w.now });
      });
      return customers.get(id);
    },
  };
  return api;
}

export type CustomerAdmin = ReturnType<typeof createCustomerAdmin>;
