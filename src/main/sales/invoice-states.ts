import type Database from 'better-sqlite3';

export type InvoiceStateCode = 'DRAFT' | 'PARKED' | 'COMPLETED' | 'VOIDED' | 'RETURNED';

/** tblestados_factura ids by code, read once (reference data never changes ids). */
export function loadInvoiceStates(sqlite: Database.Database): Record<InvoiceStateCode, number> {
  const rows = sqlite.prepare(`SELECT code, id_estado AS id FROM tblestados_factura`).all() as { code: InvoiceStateCode; id: number }[];
  const map = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<InvoiceStateCode, number>;
  for (const code of ['DRAFT', 'PARKED', 'COMPLETED', 'VOIDED', 'RETURNED'] as const) {
    if (map[code] === undefined) throw new Error(`invoice state ${code} missing from tblestados_factura`);
  }
  return map;
}
