/**
 * Customers at the till: find one by document, name, email or phone, or
 * create one (through the write path: audit and outbox document with it).
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { NewAddressSchema, NewCustomerSchema } from '../../shared/ipc/contract';
import type { AddressDto, CustomerDetail } from '../../shared/ipc/dto-customers';
import type { CustomerSummary } from '../../shared/ipc/dto-sales';
import { must } from '../db/rows';
import type { WritePath } from '../write';
import { CUSTOMER_NAME_SQL, CUSTOMER_SURNAME_FIRST_SQL } from './customer-name';

export type NewCustomer = z.output<typeof NewCustomerSchema>;
export type NewAddress = z.output<typeof NewAddressSchema>;

const NAME = CUSTOMER_NAME_SQL;

const SUMMARY = `c.id_cliente AS id,
  ${NAME} AS name,
  td.code AS documentType, c.documento AS document, c.email, c.telefono AS phone,
  (SELECT COALESCE(SUM(amount), 0) FROM customer_credit WHERE customer_id = c.id_cliente) AS creditBalance`;

/** The detail read: a summary plus the name parts and codes; the addresses are a second query. */
type CustomerDetailRow = Omit<CustomerDetail, 'addresses'>;

/** Who already has an email. */
interface EmailOwnerRow {
  id: number;
  name: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export function createCustomerService(sqlite: Database.Database, writes: WritePath) {
  const s = {
    summary: sqlite.prepare<[customerId: number], CustomerSummary>(`
      SELECT ${SUMMARY} FROM tblclientes c LEFT JOIN tbltipo_documento td ON td.id_tipo_documento = c.ID_tipo_documento
      WHERE c.id_cliente = ?`),
    search: sqlite.prepare<[{ prefix: string; contains: string; exact: string }], CustomerSummary>(`
      SELECT ${SUMMARY} FROM tblclientes c LEFT JOIN tbltipo_documento td ON td.id_tipo_documento = c.ID_tipo_documento
      WHERE c.documento LIKE :prefix ESCAPE '\\' OR c.email LIKE :prefix ESCAPE '\\' OR c.telefono LIKE :contains ESCAPE '\\'
         OR ${NAME} LIKE :contains ESCAPE '\\'
         OR ${CUSTOMER_SURNAME_FIRST_SQL} LIKE :contains ESCAPE '\\'
      ORDER BY (c.documento = :exact) DESC, c.primer_apellido, c.primer_nombre LIMIT 20`),
    detail: sqlite.prepare<[customerId: number], CustomerDetailRow>(`
      SELECT ${SUMMARY}, c.primer_nombre AS firstName, c.segundo_nombre AS middleName, c.primer_apellido AS lastName,
             c.segundo_apellido AS secondLastName, tt.code AS phoneType, p.iso_alpha2 AS countryCode
      FROM tblclientes c LEFT JOIN tbltipo_documento td ON td.id_tipo_documento = c.ID_tipo_documento
      LEFT JOIN tbltipo_telefono tt ON tt.id_tipo_telefono = c.ID_tipo_telefono LEFT JOIN tblpaises p ON p.id_pais = c.ID_pais
      WHERE c.id_cliente = ?`),
    addresses: sqlite.prepare<[billingOf: number, shippingOf: number], AddressDto>(`
      SELECT id_direccion_facturacion AS id, 'billing' AS kind, direccion AS address, zip_code AS zipCode, p.iso_alpha2 AS countryCode
      FROM tbldirecciones_facturacion a JOIN tblpaises p ON p.id_pais = a.ID_pais WHERE a.ID_cliente = ?
      UNION ALL
      SELECT id_direccion_envio, 'shipping', direccion, zip_code, p.iso_alpha2
      FROM tbldirecciones_envio a JOIN tblpaises p ON p.id_pais = a.ID_pais WHERE a.ID_cliente = ?
      ORDER BY kind, id`),
    docType: sqlite.prepare<[code: string], number>(`SELECT id_tipo_documento FROM tbltipo_documento WHERE code = ?`).pluck(),
    phoneType: sqlite.prepare<[code: string], number>(`SELECT id_tipo_telefono FROM tbltipo_telefono WHERE code = ?`).pluck(),
    country: sqlite.prepare<[isoAlpha2: string], number>(`SELECT id_pais FROM tblpaises WHERE iso_alpha2 = ?`).pluck(),
    byDocument: sqlite.prepare<[documentTypeId: number, document: string], number>(`SELECT id_cliente FROM tblclientes WHERE ID_tipo_documento = ? AND documento = ?`).pluck(),
    byEmail: sqlite.prepare<[email: string], EmailOwnerRow>(`SELECT c.id_cliente AS id, ${NAME} AS name FROM tblclientes c WHERE c.email = ? LIMIT 1`),
    insert: sqlite.prepare(`
      INSERT INTO tblclientes (email, primer_nombre, segundo_nombre, primer_apellido, segundo_apellido, ID_tipo_telefono, telefono,
        ID_pais, documento, ID_tipo_documento, global_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertBilling: sqlite.prepare(
      `INSERT INTO tbldirecciones_facturacion (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`,
    ),
    insertShipping: sqlite.prepare(
      `INSERT INTO tbldirecciones_envio (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`,
    ),
    globalIdOf: sqlite.prepare<[customerId: number], string>(`SELECT global_id FROM tblclientes WHERE id_cliente = ?`).pluck(),
  };

  const lookup = (stmt: Database.Statement<[code: string], number>, code: string, field: string, what: string): number => {
    const id = stmt.get(code);
    if (id === undefined) throw new DomainError('VALIDATION', `unknown ${what} ${code}`, field);
    return id;
  };

  function get(id: number): CustomerDetail {
    const row = s.detail.get(id);
    if (!row) throw new DomainError('NOT_FOUND', `no customer ${id}`, 'id');
    return { ...row, addresses: s.addresses.all(id, id) };
  }

  return {
    search(query: string): CustomerSummary[] {
      const q = query.trim();
      if (!q) return [];
      const e = escapeLike(q);
      return s.search.all({ prefix: `${e}%`, contains: `%${e}%`, exact: q });
    },

    get,

    /** The short form the till shows; null for no such customer. */
    summary(id: number): CustomerSummary | null {
      return s.summary.get(id) ?? null;
    },

    create(input: NewCustomer, actorId: number): CustomerDetail {
      const docTypeId = lookup(s.docType, input.documentTypeCode, 'documentTypeCode', 'document type');
      const countryId = lookup(s.country, input.countryCode, 'countryCode', 'country');
      const phone = input.phone?.trim() || null;
      const phoneTypeId = input.phoneTypeCode ? lookup(s.phoneType, input.phoneTypeCode, 'phoneTypeCode', 'phone type') : null;
      if (phone && phoneTypeId === null) throw new DomainError('VALIDATION', 'choose the phone type', 'phoneTypeCode');
      const document = input.document.trim().toUpperCase();
      const id = writes.mutate({ id: actorId }, (w) => {
        const now = w.now;
        if (s.byDocument.get(docTypeId, document) !== undefined) {
          throw new DomainError('CONFLICT', `a customer with ${input.documentTypeCode} ${document} already exists`, 'document');
        }
        const globalId = newGlobalId();
        const email = input.email?.trim().toLowerCase() || null;
        const sameEmail = email ? s.byEmail.get(email) : undefined;
        if (sameEmail && !input.allowDuplicateEmail) {
          throw new DomainError('CONFLICT', `${sameEmail.name} already has the email ${email}`, 'email', {
            duplicateOf: sameEmail.id,
            name: sameEmail.name,
          });
        }
        const { lastInsertRowid } = s.insert.run(
          email,
          input.firstName,
          input.middleName?.trim() || null,
          input.lastName,
          input.secondLastName?.trim() || null,
          phoneTypeId,
          phone,
          countryId,
          document,
          docTypeId,
          globalId,
          now,
          now,
        );
        const doc = {
          customerId: globalId,
          documentTypeCode: input.documentTypeCode,
          document,
          firstName: input.firstName,
          middleName: input.middleName?.trim() || null,
          lastName: input.lastName,
          secondLastName: input.secondLastName?.trim() || null,
          email,
          phoneTypeCode: input.phoneTypeCode || null,
          phone,
          countryCode: input.countryCode,
        };
        w.emit('customer.upserted', doc);
        const { customerId: _id, ...after } = doc;
        w.audit({ action: 'customer.create', entity: 'tblclientes', entityId: globalId, after, ...(sameEmail ? { details: { sharedEmailWith: sameEmail.id } } : {}) });
        return Number(lastInsertRowid);
      });
      return get(id);
    },

    addAddress(input: NewAddress, actorId: number): AddressDto {
      get(input.customerId);
      const countryId = lookup(s.country, input.countryCode, 'countryCode', 'country');
      const zip = input.zipCode?.trim() || null;
      const id = writes.mutate({ id: actorId }, (w) => {
        const globalId = newGlobalId();
        const stmt = input.kind === 'billing' ? s.insertBilling : s.insertShipping;
        const { lastInsertRowid } = stmt.run(input.address, zip, input.customerId, countryId, globalId);
        const customerGlobalId = must(s.globalIdOf.get(input.customerId), `customer ${input.customerId}`);
        w.emit('customer.address_added', { addressId: globalId, customerId: customerGlobalId, kind: input.kind, address: input.address, zipCode: zip, countryCode: input.countryCode });
        w.audit({ action: 'customer.address_added', entity: 'tblclientes', entityId: customerGlobalId, after: { kind: input.kind, address: input.address, zipCode: zip, countryCode: input.countryCode } });
        return Number(lastInsertRowid);
      });
      return { id, kind: input.kind, address: input.address, zipCode: zip, countryCode: input.countryCode };
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
