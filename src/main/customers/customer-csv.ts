/**
 * Customers as CSV, both ways, in one shape: what export writes, import reads.
 *
 * Import checks the whole file first (every row against the same schema the
 * forms use, document type + number unique within the file) and reports
 * every bad row with its row number, column and reason; only a file with no
 * bad row is written, in one transaction. A row whose document type and
 * number already exist updates that customer; any other row creates one.
 */
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../../shared/errors';
import { NewCustomerSchema } from '../../shared/ipc/contract';
import type { Actor, WritePath } from '../write';
import type { CustomerAdmin } from './customer-admin';
import type { CustomerService } from './customer-service';

export const CUSTOMER_CSV_COLUMNS = [
  'document_type',
  'document',
  'first_name',
  'middle_name',
  'last_name',
  'second_last_name',
  'email',
  'phone_type',
  'phone',
  'country',
  'billing_address',
  'billing_zip',
  'shipping_address',
  'shipping_zip',
] as const;
type Column = (typeof CUSTOMER_CSV_COLUMNS)[number];

/** Schema fields as CSV columns, so a schema issue names the column the user sees. */
const FIELD_COLUMN: Record<string, Column> = {
  documentTypeCode: 'document_type',
  document: 'document',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  secondLastName: 'second_last_name',
  email: 'email',
  phoneTypeCode: 'phone_type',
  phone: 'phone',
  countryCode: 'country',
};

export interface CsvRowError {
  /** Line of the file, the header being row 1. */
  row: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: CsvRowError[];
}

/** The file's size limit: bigger files are refused before parsing. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export function createCustomerCsv(sqlite: Database.Database, writes: WritePath, customers: CustomerService, admin: CustomerAdmin) {
  const s = {
    codes: {
      document_type: new Set(sqlite.prepare<[], string>(`SELECT code FROM tbltipo_documento`).pluck().all()),
      phone_type: new Set(sqlite.prepare<[], string>(`SELECT code FROM tbltipo_telefono`).pluck().all()),
      country: new Set(sqlite.prepare<[], string>(`SELECT iso_alpha2 FROM tblpaises`).pluck().all()),
    },
    existing: sqlite.prepare<[code: string, document: string], number>(
      `SELECT c.id_cliente FROM tblclientes c JOIN tbltipo_documento t ON t.id_tipo_documento = c.ID_tipo_documento WHERE t.code = ? AND c.documento = ?`,
    ).pluck(),
    all: sqlite.prepare<[], Record<Column, string | null>>(
      `SELECT t.code AS document_type, c.documento AS document, c.primer_nombre AS first_name, c.segundo_nombre AS middle_name,
              c.primer_apellido AS last_name, c.segundo_apellido AS second_last_name, c.email, tt.code AS phone_type, c.telefono AS phone, p.iso_alpha2 AS country,
              (SELECT direccion FROM tbldirecciones_facturacion WHERE ID_cliente = c.id_cliente ORDER BY id_direccion_facturacion LIMIT 1) AS billing_address,
              (SELECT zip_code FROM tbldirecciones_facturacion WHERE ID_cliente = c.id_cliente ORDER BY id_direccion_facturacion LIMIT 1) AS billing_zip,
              (SELECT direccion FROM tbldirecciones_envio WHERE ID_cliente = c.id_cliente ORDER BY id_direccion_envio LIMIT 1) AS shipping_address,
              (SELECT zip_code FROM tbldirecciones_envio WHERE ID_cliente = c.id_cliente ORDER BY id_direccion_envio LIMIT 1) AS shipping_zip
         FROM tblclientes c
         JOIN tbltipo_documento t ON t.id_tipo_documento = c.ID_tipo_documento
         LEFT JOIN tbltipo_telefono tt ON tt.id_tipo_telefono = c.ID_tipo_telefono
         LEFT JOIN tblpaises p ON p.id_pais = c.ID_pais
        WHERE c.documento IS NOT NULL
        ORDER BY c.id_cliente`,
    ),
  };

  interface Parsed {
    row: number;
    input: ReturnType<typeof NewCustomerSchema.parse>;
    billing: { address: string; zip: string | null } | null;
    shipping: { address: string; zip: string | null } | null;
  }

  /** Reads and checks every row; nothing is written. */
  function check(text: string): { parsed: Parsed[]; errors: CsvRowError[]; rows: number } {
    if (Buffer.byteLength(text) > MAX_CSV_BYTES) throw new DomainError('VALIDATION', `the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`, 'file');
    let records: string[][];
    try {
      records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
    } catch (err) {
      const line = (err as { lines?: number }).lines;
      return { parsed: [], rows: 0, errors: [{ row: line ?? 1, column: '', reason: `not a readable CSV file: ${(err as Error).message}` }] };
    }
    const [header, ...body] = records;
    const errors: CsvRowError[] = [];
    if (!header) return { parsed: [], rows: 0, errors: [{ row: 1, column: '', reason: 'the file is empty' }] };
    const names = header.map((h) => h.toLowerCase());
    const missing = CUSTOMER_CSV_COLUMNS.filter((c) => ['document_type', 'document', 'first_name', 'last_name', 'country'].includes(c) && !names.includes(c));
    for (const c of missing) errors.push({ row: 1, column: c, reason: 'required column is missing from the header' });
    for (const [i, n] of names.entries()) if (!(CUSTOMER_CSV_COLUMNS as readonly string[]).includes(n)) errors.push({ row: 1, column: header[i] ?? '', reason: `unknown column; expected ${CUSTOMER_CSV_COLUMNS.join(', ')}` });
    if (errors.length > 0) return { parsed: [], rows: body.length, errors };

    const seen = new Map<string, number>();
    const parsed: Parsed[] = [];
    body.forEach((cells, i) => {
      const row = i + 2;
      if (cells.length !== names.length) {
        errors.push({ row, column: '', reason: `has ${cells.length} fields; the header has ${names.length}` });
        return;
      }
      const get = (c: Column) => {
        const v = cells[names.indexOf(c)];
        return v === undefined || v === '' ? null : v;
      };
      const rowErrors: CsvRowError[] = [];
      for (const c of ['document_type', 'phone_type', 'country'] as const) {
        const v = get(c);
        const code = c === 'country' ? v?.toUpperCase() : v?.toUpperCase();
        if (code && !s.codes[c].has(code)) rowErrors.push({ row, column: c, reason: `unknown code ${v}; use one of ${[...s.codes[c]].slice(0, 8).join(', ')}${s.codes[c].size > 8 ? '…' : ''}` });
      }
      const candidate = {
        documentTypeCode: get('document_type')?.toUpperCase() ?? '',
        document: get('document') ?? '',
        firstName: get('first_name') ?? '',
        middleName: get('middle_name'),
        lastName: get('last_name') ?? '',
        secondLastName: get('second_last_name'),
        email: get('email'),
        phoneTypeCode: get('phone_type')?.toUpperCase() ?? null,
        phone: get('phone'),
        countryCode: get('country')?.toUpperCase() ?? '',
        allowDuplicateEmail: true,
      };
      const result = NewCustomerSchema.safeParse(candidate);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = String(issue.path[0] ?? '');
          const column = FIELD_COLUMN[field] ?? field;
          if (!rowErrors.some((e) => e.column === column)) rowErrors.push({ row, column, reason: issue.message });
        }
      }
      const address = (c: 'billing' | 'shipping') => {
        const a = get(`${c}_address`);
        const zip = get(`${c}_zip`);
        if (!a) {
          if (zip) rowErrors.push({ row, column: `${c}_address`, reason: 'a zip code needs its address' });
          return null;
        }
        if (a.length < 5 || a.length > 200) rowErrors.push({ row, column: `${c}_address`, reason: 'address: 5-200 characters' });
        if (zip && !/^[A-Za-z0-9 -]{3,10}$/.test(zip)) rowErrors.push({ row, column: `${c}_zip`, reason: 'zip code: 3-10 letters or digits' });
        return { address: a, zip };
      };
      const billing = address('billing');
      const shipping = address('shipping');
      if (result.success) {
        const key = `${result.data.documentTypeCode}|${result.data.document.toUpperCase()}`;
        const first = seen.get(key);
        if (first !== undefined) rowErrors.push({ row, column: 'document', reason: `same document type and number as row ${first}` });
        else seen.set(key, row);
      }
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else if (result.success) parsed.push({ row, input: result.data, billing, shipping });
    });
    if (body.length === 0) errors.push({ row: 2, column: '', reason: 'the file has a header but no customers' });
    return { parsed, errors, rows: body.length };
  }

  return {
    check,

    /** Checks the whole file; writes it (one transaction) only when no row is bad. */
    import(actor: Actor, text: string): ImportReport {
      const { parsed, errors, rows } = check(text);
      if (errors.length > 0) return { ok: false, rows, created: 0, updated: 0, errors };
      let created = 0;
      let updated = 0;
      writes.mutate(actor, (w) => {
        for (const p of parsed) {
          const existing = s.existing.get(p.input.documentTypeCode, p.input.document.trim().toUpperCase());
          const id = existing ?? customers.create(p.input, actor.id).id;
          if (existing !== undefined) {
            admin.update(actor, existing, p.input);
            updated++;
          } else created++;
          const have = customers.get(id).addresses;
          for (const kind of ['billing', 'shipping'] as const) {
            const a = p[kind];
            if (a && !have.some((h) => h.kind === kind && h.address === a.address)) {
              customers.addAddress({ customerId: id, kind, address: a.address, zipCode: a.zip, countryCode: p.input.countryCode }, actor.id);
            }
          }
        }
        w.audit({ action: 'customer.imported', entity: 'tblclientes', details: { rows, created, updated } });
      });
      return { ok: true, rows, created, updated, errors: [] };
    },

    /** Every customer with a document, in the import's shape (the first billing and shipping address each). */
    export(): string {
      const rows = s.all.all();
      return stringify(rows, { header: true, columns: [...CUSTOMER_CSV_COLUMNS], bom: false });
    },
  };
}

export type CustomerCsv = ReturnType<typeof createCustomerCsv>;
