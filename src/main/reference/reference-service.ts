import type Database from 'better-sqlite3';
import type { ReferenceLists } from '../../shared/ipc/dto-customers';

/** The lists the customer forms offer; reference data changes only with a migration, so read once. */
export function createReferenceService(sqlite: Database.Database) {
  let cached: ReferenceLists | null = null;
  return {
    lists(): ReferenceLists {
      cached ??= {
        countries: sqlite
          .prepare(`SELECT iso_alpha2 AS code, nombre_pais AS nameEs, name_en AS nameEn FROM tblpaises ORDER BY nombre_pais`)
          .all() as ReferenceLists['countries'],
        documentTypes: sqlite.prepare(`SELECT code, tipo_documento AS name FROM tbltipo_documento ORDER BY id_tipo_documento`).all() as ReferenceLists['documentTypes'],
        phoneTypes: sqlite.prepare(`SELECT code, tipo_telefono AS name FROM tbltipo_telefono ORDER BY id_tipo_telefono`).all() as ReferenceLists['phoneTypes'],
      };
      return cached;
    },
  };
}
