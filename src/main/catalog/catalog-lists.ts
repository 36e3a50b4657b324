/**
 * The catalog's editable lists: manufacturers, categories, options, colours,
 * sizes and genders/departments. Each save or delete is one write-path
 * transaction with its audit entry and a `catalog_list.changed` document.
 * An entry still in use is never deleted: the refusal names what uses it.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { CatalogListName, ListEntryInput } from '../../shared/catalog/list-schemas';
import type { CatalogLists } from '../../shared/ipc/dto-catalog';
import type { EmitPayload } from '../../shared/sync/commands';
import type { Actor, WritePath } from '../write';
import { changedFields } from '../write/write-path';

/** Where each list lives, and what uses its entries (for the in-use refusal). */
interface ListTable {
  table: string;
  key: string;
  /** Column that names an entry in messages. */
  label: string;
  /** Column that keys the entry across registers: global_id, or the stable code. */
  syncKey: string;
  /** `users`: how many products/variants use entry `?`, and a few of their names. */
  usedBy: { noun: 'products' | 'variants'; count: string; examples: string };
}

const productNames = (join: string, where: string) =>
  `SELECT DISTINCT p.nombre_producto FROM ${join} WHERE ${where} ORDER BY p.nombre_producto LIMIT 3`;

const TABLES: Record<CatalogListName, ListTable> = {
  manufacturer: {
    table: 'tblfabricantes',
    key: 'id_fabricante',
    label: 'nombre_fabricante',
    syncKey: 'global_id',
    usedBy: {
      noun: 'products',
      count: `SELECT COUNT(*) FROM tblproductos WHERE ID_fabricante = ?`,
      examples: productNames('tblproductos p', 'p.ID_fabricante = ?'),
    },
  },
  category: {
    table: 'tblcategorias',
    key: 'id_catgoria',
    label: 'nombre',
    syncKey: 'global_id',
    usedBy: {
      noun: 'products',
      count: `SELECT COUNT(*) FROM tblcategoriasXproducto WHERE ID_categoria = ?`,
      examples: productNames('tblcategoriasXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto', 'x.ID_categoria = ?'),
    },
  },
  option: {
    table: 'tblopciones',
    key: 'id_opcion',
    label: 'nombre_opcion',
    syncKey: 'global_id',
    usedBy: {
      noun: 'products',
      count: `SELECT COUNT(*) FROM tblopcionesXproducto WHERE ID_opcion = ?`,
      examples: productNames('tblopcionesXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto', 'x.ID_opcion = ?'),
    },
  },
  color: {
    table: 'tblcolor',
    key: 'id_color',
    label: 'color',
    syncKey: 'code',
    usedBy: {
      noun: 'variants',
      count: `SELECT COUNT(*) FROM tblprodXcolorXtalla WHERE ID_color = ?`,
      examples: productNames('tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto', 'v.ID_color = ?'),
    },
  },
  size: {
    table: 'tbltallas',
    key: 'id_talla',
    label: 'talla',
    syncKey: 'talla',
    usedBy: {
      noun: 'variants',
      count: `SELECT COUNT(*) FROM tblprodXcolorXtalla WHERE ID_talla = ?`,
      examples: productNames('tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto', 'v.ID_talla = ?'),
    },
  },
  department: {
    table: 'tblgenero',
    key: 'id_genero',
    label: 'nombre',
    syncKey: 'code',
    usedBy: {
      noun: 'products',
      count: `SELECT COUNT(*) FROM tblproductos WHERE ID_genero = ?`,
      examples: productNames('tblproductos p', 'p.ID_genero = ?'),
    },
  },
};

/** An entry as stored, in the shape of its outbox payload minus `deleted` (the audit's before/after too). */
type Stored = Record<string, string | number | null>;

type ListPayload = EmitPayload<'catalog_list.changed'>;

export function createCatalogLists(sqlite: Database.Database, writes: WritePath) {
  const read = {
    manufacturer: sqlite.prepare<[number], Stored>(
      `SELECT global_id AS entryId, nombre_fabricante AS name, contacto_fabricante AS contact, telefono_fabricante AS phone FROM tblfabricantes WHERE id_fabricante = ?`,
    ),
    category: sqlite.prepare<[number], Stored>(`SELECT global_id AS entryId, nombre AS name, decripcion AS description FROM tblcategorias WHERE id_catgoria = ?`),
    option: sqlite.prepare<[number], Stored>(`SELECT global_id AS entryId, nombre_opcion AS name, descripcion_opcion AS description FROM tblopciones WHERE id_opcion = ?`),
    color: sqlite.prepare<[number], Stored>(`SELECT code, color AS name, name_en AS nameEn, hexadecimal AS hex FROM tblcolor WHERE id_color = ?`),
    size: sqlite.prepare<[number], Stored>(`SELECT talla AS code, nombre AS name, sort_order AS sortOrder, size_system AS system FROM tbltallas WHERE id_talla = ?`),
    department: sqlite.prepare<[number], Stored>(`SELECT code, nombre AS name, name_en AS nameEn FROM tblgenero WHERE id_genero = ?`),
  } satisfies Record<CatalogListName, unknown>;

  const usage = Object.fromEntries(
    Object.entries(TABLES).map(([list, t]) => [
      list,
      { count: sqlite.prepare<[number], number>(t.usedBy.count).pluck(), examples: sqlite.prepare<[number], string>(t.usedBy.examples).pluck() },
    ]),
  ) as Record<CatalogListName, { count: Database.Statement<[number], number>; examples: Database.Statement<[number], string> }>;

  /** Another entry of the list with this name (case-insensitive) or code. */
  const clash = (list: CatalogListName, column: string, value: string, id: number | null): boolean => {
    const t = TABLES[list];
    return (
      sqlite.prepare(`SELECT 1 FROM ${t.table} WHERE ${column} = ? COLLATE NOCASE AND ${t.key} IS NOT ?`).get(value, id) !== undefined
    );
  };

  const writeEntry = (input: ListEntryInput): number => {
    const id = input.id;
    switch (input.list) {
      case 'manufacturer': {
        const values = [input.name, input.contact || null, input.phone || null];
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tblfabricantes (nombre_fabricante, contacto_fabricante, telefono_fabricante, global_id) VALUES (?, ?, ?, ?)`).run(...values, newGlobalId()).lastInsertRowid);
        sqlite.prepare(`UPDATE tblfabricantes SET nombre_fabricante = ?, contacto_fabricante = ?, telefono_fabricante = ? WHERE id_fabricante = ?`).run(...values, id);
        return id;
      }
      case 'category': {
        const values = [input.name, input.description || null];
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tblcategorias (nombre, decripcion, global_id) VALUES (?, ?, ?)`).run(...values, newGlobalId()).lastInsertRowid);
        sqlite.prepare(`UPDATE tblcategorias SET nombre = ?, decripcion = ? WHERE id_catgoria = ?`).run(...values, id);
        return id;
      }
      case 'option': {
        const values = [input.name, input.description || null];
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tblopciones (nombre_opcion, descripcion_opcion, global_id) VALUES (?, ?, ?)`).run(...values, newGlobalId()).lastInsertRowid);
        sqlite.prepare(`UPDATE tblopciones SET nombre_opcion = ?, descripcion_opcion = ? WHERE id_opcion = ?`).run(...values, id);
        return id;
      }
      case 'color':
        // The code is the colour's identity across registers: set once, never changed.
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tblcolor (code, color, name_en, hexadecimal) VALUES (?, ?, ?, ?)`).run(input.code, input.name, input.nameEn, input.hex).lastInsertRowid);
        sqlite.prepare(`UPDATE tblcolor SET color = ?, name_en = ?, hexadecimal = ? WHERE id_color = ?`).run(input.name, input.nameEn, input.hex, id);
        return id;
      case 'size':
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tbltallas (talla, nombre, sort_order, size_system) VALUES (?, ?, ?, ?)`).run(input.code, input.name, input.sortOrder, input.system).lastInsertRowid);
        sqlite.prepare(`UPDATE tbltallas SET nombre = ?, sort_order = ?, size_system = ? WHERE id_talla = ?`).run(input.name, input.sortOrder, input.system, id);
        return id;
      case 'department':
        if (id === null) return Number(sqlite.prepare(`INSERT INTO tblgenero (code, nombre, name_en) VALUES (?, ?, ?)`).run(input.code, input.name, input.nameEn).lastInsertRowid);
        sqlite.prepare(`UPDATE tblgenero SET nombre = ?, name_en = ? WHERE id_genero = ?`).run(input.name, input.nameEn, id);
        return id;
    }
  };

  const checkUnique = (input: ListEntryInput): void => {
    const t = TABLES[input.list];
    const nameColumn = input.list === 'size' ? 'nombre' : t.label;
    if ('code' in input) {
      const codeColumn = input.list === 'size' ? 'talla' : 'code';
      if (input.id === null && clash(input.list, codeColumn, input.code, null)) {
        throw new DomainError('CONFLICT', `code ${input.code} is already in the list`, 'code');
      }
    }
    if (input.list !== 'size' && clash(input.list, nameColumn, input.name, input.id)) {
      throw new DomainError('CONFLICT', `${input.name} is already in the list`, 'name');
    }
  };

  const payload = (list: CatalogListName, stored: Stored, deleted: boolean): ListPayload => ({ list, deleted, ...stored }) as ListPayload;

  const entityOf = (stored: Stored): string => String(stored.entryId ?? stored.code);

  const auditFields = (stored: Stored): Stored => {
    const { entryId: _id, ...rest } = stored;
    return rest;
  };

  return {
    lists(): CatalogLists {
      return {
        manufacturers: sqlite
          .prepare(
            `SELECT m.id_fabricante AS id, m.nombre_fabricante AS name, m.contacto_fabricante AS contact, m.telefono_fabricante AS phone,
                    (SELECT COUNT(*) FROM tblproductos p WHERE p.ID_fabricante = m.id_fabricante) AS usedBy
             FROM tblfabricantes m ORDER BY m.nombre_fabricante COLLATE NOCASE`,
          )
          .all() as CatalogLists['manufacturers'],
        categories: sqlite
          .prepare(
            `SELECT c.id_catgoria AS id, c.nombre AS name, c.decripcion AS description,
                    (SELECT COUNT(*) FROM tblcategoriasXproducto x WHERE x.ID_categoria = c.id_catgoria) AS usedBy
             FROM tblcategorias c ORDER BY c.nombre COLLATE NOCASE`,
          )
          .all() as CatalogLists['categories'],
        options: sqlite
          .prepare(
            `SELECT o.id_opcion AS id, o.nombre_opcion AS name, o.descripcion_opcion AS description,
                    (SELECT COUNT(*) FROM tblopcionesXproducto x WHERE x.ID_opcion = o.id_opcion) AS usedBy
             FROM tblopciones o ORDER BY o.nombre_opcion COLLATE NOCASE`,
          )
          .all() as CatalogLists['options'],
        colors: sqlite
          .prepare(
            `SELECT c.id_color AS id, c.code, c.color AS name, c.name_en AS nameEn, c.hexadecimal AS hex,
                    (SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE v.ID_color = c.id_color) AS usedBy
             FROM tblcolor c ORDER BY c.color COLLATE NOCASE`,
          )
          .all() as CatalogLists['colors'],
        sizes: sqlite
          .prepare(
            `SELECT t.id_talla AS id, t.talla AS code, t.nombre AS name, t.sort_order AS sortOrder, t.size_system AS system,
                    (SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE v.ID_talla = t.id_talla) AS usedBy
             FROM tbltallas t ORDER BY t.sort_order, t.talla`,
          )
          .all() as CatalogLists['sizes'],
        departments: sqlite
          .prepare(
            `SELECT g.id_genero AS id, g.code, g.nombre AS name, g.name_en AS nameEn,
                    (SELECT COUNT(*) FROM tblproductos p WHERE p.ID_genero = g.id_genero) AS usedBy
             FROM tblgenero g ORDER BY g.id_genero`,
          )
          .all() as CatalogLists['departments'],
      };
    },

    /** Creates (id null) or edits an entry. A colour's, size's or department's code is fixed once created. */
    save(input: ListEntryInput, actor: Actor): number {
      return writes.mutate(actor, (w) => {
        const before = input.id === null ? undefined : read[input.list].get(input.id);
        if (input.id !== null && !before) throw new DomainError('NOT_FOUND', `no ${input.list} ${input.id}`, 'id');
        if (before && 'code' in input && before.code !== input.code) {
          throw new DomainError('VALIDATION', `the code of ${String(before.name)} is fixed: ${String(before.code)}`, 'code');
        }
        checkUnique(input);
        const id = writeEntry(input);
        const after = read[input.list].get(id);
        if (!after) throw new Error(`${input.list} ${id}, just saved, is missing`);
        w.audit({
          action: before ? 'catalog_list.update' : 'catalog_list.create',
          entity: TABLES[input.list].table,
          entityId: entityOf(after),
          ...(before ? changedFields(auditFields(before), auditFields(after)) : { after: auditFields(after) }),
          details: { list: input.list },
        });
        w.emit('catalog_list.changed', payload(input.list, after, false));
        return id;
      });
    },

    /** Deletes an entry nothing uses; otherwise refuses, saying how many products or variants use it and naming some. */
    remove(list: CatalogListName, id: number, actor: Actor): void {
      writes.mutate(actor, (w) => {
        const before = read[list].get(id);
        if (!before) throw new DomainError('NOT_FOUND', `no ${list} ${id}`, 'id');
        const t = TABLES[list];
        const count = usage[list].count.get(id) ?? 0;
        if (count > 0) {
          const names = usage[list].examples.all(id);
          const label = String(before.name ?? before.code);
          throw new DomainError(
            'CONFLICT',
            `${label} is used by ${count} ${t.usedBy.noun} (${names.join(', ')}${count > names.length && t.usedBy.noun === 'products' ? ', …' : ''}); deactivate or change them first`,
            'id',
            { usedBy: count, noun: t.usedBy.noun, examples: names.join(', '), name: label },
          );
        }
        try {
          sqlite.prepare(`DELETE FROM ${t.table} WHERE ${t.key} = ?`).run(id);
        } catch (err) {
          // Something beyond the catalog (an order, a count sheet) still points at it: the foreign key says so.
          if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
            throw new DomainError('CONFLICT', `${String(before.name)} is still used by other records (orders, counts or history); it cannot be deleted`, 'id', {
              usedBy: 0,
              noun: 'records',
              examples: '',
              name: String(before.name),
            });
          }
          throw err;
        }
        w.audit({ action: 'catalog_list.delete', entity: t.table, entityId: entityOf(before), before: auditFields(before), details: { list } });
        w.emit('catalog_list.changed', payload(list, before, true));
      });
    },
  };
}

export type CatalogListsService = ReturnType<typeof createCatalogLists>;
