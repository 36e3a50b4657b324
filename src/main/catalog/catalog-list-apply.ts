/**
 * Applies another register's `catalog_list.changed` to this database: the
 * entry is created, updated or deleted by its global id (manufacturers,
 * categories, options) or its code (colours, sizes, departments). For the
 * sync pull (src/main/sync/apply-remote-entities.ts calls it inside the
 * page's transaction); nothing here writes the outbox or the audit log.
 *
 * A delete of an entry this database still uses (a product here names it,
 * made before the delete arrived) keeps the entry: deleting it would break
 * that product, and the other register only deleted what it saw unused.
 */
import type Database from 'better-sqlite3';
import type { EmitPayload } from '../../shared/sync/commands';

type ListChange = EmitPayload<'catalog_list.changed'> & { baseChangeId?: unknown };

export function createCatalogListApplier(sqlite: Database.Database) {
  const s = {
    manufacturer: sqlite.prepare(
      `INSERT INTO tblfabricantes (global_id, nombre_fabricante, contacto_fabricante, telefono_fabricante) VALUES (@entryId, @name, @contact, @phone)
       ON CONFLICT (global_id) DO UPDATE SET nombre_fabricante = excluded.nombre_fabricante, contacto_fabricante = excluded.contacto_fabricante,
         telefono_fabricante = excluded.telefono_fabricante`,
    ),
    category: sqlite.prepare(
      `INSERT INTO tblcategorias (global_id, nombre, decripcion) VALUES (@entryId, @name, @description)
       ON CONFLICT (global_id) DO UPDATE SET nombre = excluded.nombre, decripcion = excluded.decripcion`,
    ),
    option: sqlite.prepare(
      `INSERT INTO tblopciones (global_id, nombre_opcion, descripcion_opcion) VALUES (@entryId, @name, @description)
       ON CONFLICT (global_id) DO UPDATE SET nombre_opcion = excluded.nombre_opcion, descripcion_opcion = excluded.descripcion_opcion`,
    ),
    color: sqlite.prepare(
      `INSERT INTO tblcolor (code, color, name_en, hexadecimal) VALUES (@code, @name, @nameEn, @hex)
       ON CONFLICT (code) DO UPDATE SET color = excluded.color, name_en = excluded.name_en, hexadecimal = excluded.hexadecimal`,
    ),
    size: sqlite.prepare(
      `INSERT INTO tbltallas (talla, nombre, sort_order, size_system) VALUES (@code, @name, @sortOrder, @system)
       ON CONFLICT (talla) DO UPDATE SET nombre = excluded.nombre, sort_order = excluded.sort_order, size_system = excluded.size_system`,
    ),
    department: sqlite.prepare(
      `INSERT INTO tblgenero (code, nombre, name_en) VALUES (@code, @name, @nameEn)
       ON CONFLICT (code) DO UPDATE SET nombre = excluded.nombre, name_en = excluded.name_en`,
    ),
  };
  const deletes = {
    manufacturer: sqlite.prepare(`DELETE FROM tblfabricantes WHERE global_id = ? AND NOT EXISTS (SELECT 1 FROM tblproductos p WHERE p.ID_fabricante = tblfabricantes.id_fabricante)`),
    category: sqlite.prepare(`DELETE FROM tblcategorias WHERE global_id = ? AND NOT EXISTS (SELECT 1 FROM tblcategoriasXproducto x WHERE x.ID_categoria = tblcategorias.id_catgoria)`),
    option: sqlite.prepare(`DELETE FROM tblopciones WHERE global_id = ? AND NOT EXISTS (SELECT 1 FROM tblopcionesXproducto x WHERE x.ID_opcion = tblopciones.id_opcion)`),
    color: sqlite.prepare(`DELETE FROM tblcolor WHERE code = ? AND NOT EXISTS (SELECT 1 FROM tblprodXcolorXtalla v WHERE v.ID_color = tblcolor.id_color)`),
    size: sqlite.prepare(`DELETE FROM tbltallas WHERE talla = ? AND NOT EXISTS (SELECT 1 FROM tblprodXcolorXtalla v WHERE v.ID_talla = tbltallas.id_talla)`),
    department: sqlite.prepare(`DELETE FROM tblgenero WHERE code = ? AND NOT EXISTS (SELECT 1 FROM tblproductos p WHERE p.ID_genero = tblgenero.id_genero)`),
  };

  return {
    /** Makes this database's entry equal the document's (or deletes it, if nothing here uses it). */
    apply(change: ListChange): void {
      const { list, deleted, baseChangeId: _base, ...fields } = change;
      if (deleted) {
        try {
          deletes[list].run('entryId' in change ? change.entryId : change.code);
        } catch (err) {
          // Something beyond the catalog (an order, a count) still names it here: keep it.
          if (!(err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw err;
        }
        return;
      }
      s[list].run(fields);
    },
  };
}
