import type Database from 'better-sqlite3';
import type { ReferenceLists } from '../../shared/ipc/dto-customers';

type CountryRow = ReferenceLists['countries'][number];

/** A document or phone type: its stable code and its name. */
interface CodeNameRow {
  code: string;
  name: string;
}

/** The lists the customer forms offer; reference data changes only with a migration, so read once. */
export function createReferenceService(sqlite: Database.Database) {
  let cached: ReferenceLists | null = null;
  return {
    lists(): ReferenceLists {
      cached ??= {
        countries: sqlite
          .prepare<[], CountryRow>(`SELECT iso_alpha2 AS code, nombre_pais AS nameEs, name_en AS nameEn FROM tblpaises ORDER BY nombre_pais`)
          .all(),
        documentTypes: sqlite.prepare<[], CodeNameRow>(`SELECT code, tipo_documento AS name FROM tbltipo_documento ORDER BY id_tipo_documento`).all(),
        phoneTypes: sqlite.prepare<[], CodeNameRow>(`SELECT code, tipo_telefono AS name FROM tbltipo_telefono ORDER BY id_tipo_telefono`).all(),
      };
      return cached;
    },
  };
}
