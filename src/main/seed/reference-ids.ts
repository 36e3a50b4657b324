import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

/**
 * Integer keys of the reference rows the seed links to, looked up by their
 * stable codes (integer keys differ between databases; codes do not).
 */
export interface ReferenceIds {
  department(code: string): number;
  color(code: string): number;
  size(code: string): number;
  country(iso: string): number;
  documentType(code: string): number;
  phoneType(code: string): number;
}

function codeMap(sqlite: Database.Database, sql: string, what: string): (code: string) => number {
  const rows = sqlite.prepare<[], [code: string, id: number]>(sql).raw().all();
  const map = new Map(rows);
  return (code) => {
    const id = map.get(code);
    if (id === undefined) {
      throw new DomainError('INTERNAL', `reference data lacks ${what} ${code}; was the database migrated?`);
    }
    return id;
  };
}

export function loadReferenceIds(sqlite: Database.Database): ReferenceIds {
  return {
    department: codeMap(sqlite, 'SELECT code, id_genero FROM tblgenero', 'department'),
    color: codeMap(sqlite, 'SELECT code, id_color FROM tblcolor', 'colour'),
    size: codeMap(sqlite, 'SELECT talla, id_talla FROM tbltallas', 'size'),
    country: codeMap(sqlite, 'SELECT iso_alpha2, id_pais FROM tblpaises', 'country'),
    documentType: codeMap(sqlite, 'SELECT code, id_tipo_documento FROM tbltipo_documento', 'document type'),
    phoneType: codeMap(sqlite, 'SELECT code, id_tipo_telefono FROM tbltipo_telefono', 'phone type'),
  };
}
