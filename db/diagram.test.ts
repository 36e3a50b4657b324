import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiagram } from './diagram';
import { openDatabase } from '../src/main/db/open';

const root = path.resolve(import.meta.dirname, '..');
const diagram = readDiagram(path.join(root, 'db/e-commerce.drawio'));

describe('the diagram as read', () => {
  it('has the 19 tables, 81 columns and 22 foreign keys drawn', () => {
    expect(diagram.tables.size).toBe(19);
    expect([...diagram.tables.values()].reduce((n, cols) => n + cols.length, 0)).toBe(81);
    expect(diagram.foreignKeys).toHaveLength(22);
  });

  it('reads the unlabelled and oddly drawn foreign keys', () => {
    const fk = (t: string, c: string) => diagram.foreignKeys.find((f) => f.table === t && f.column === c)?.references;
    expect(fk('tblfacturas', 'ID_cliente')).toEqual({ table: 'tblclientes', column: 'id_cliente' });
    expect(fk('tblclientes', 'ID_tipo_documento')).toEqual({ table: 'tbltipo_documento', column: 'id_tipo_documento' });
    expect(fk('tblprodXcolorXtalla', 'ID_color')).toEqual({ table: 'tblcolor', column: 'id_color' });
    expect(fk('tbldirecciones_facturacion', 'ID_pais')).toEqual({ table: 'tblpaises', column: 'id_pais' });
    expect(fk('tblcategoriasXproducto', 'ID_categoria')).toEqual({ table: 'tblcategorias', column: 'id_catgoria' });
    expect(fk('tbldetalle_factura', 'ID_factura')).toEqual({ table: 'tblfacturas', column: 'id_facturas' });
  });
});

/** Checks a migrated database against every table, column and FK of the diagram. */
function missingFromDatabase(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  const missing: string[] = [];
  try {
    for (const [table, columns] of diagram.tables) {
      const info = sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as { name: string; pk: number }[];
      if (info.length === 0) {
        missing.push(`table ${table}`);
        continue;
      }
      for (const col of columns) {
        const found = info.find((c) => c.name === col.name);
        if (!found) missing.push(`column ${table}.${col.name}`);
        else if (col.key === 'PK' && found.pk !== 1) missing.push(`primary key ${table}.${col.name}`);
      }
    }
    for (const fk of diagram.foreignKeys) {
      const fks = sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(fk.table) as {
        table: string;
        from: string;
        to: string;
      }[];
      if (!fks.some((f) => f.from === fk.column && f.table === fk.references.table && f.to === fk.references.column)) {
        missing.push(`foreign key ${fk.table}.${fk.column} -> ${fk.references.table}.${fk.references.column}`);
      }
    }
  } finally {
    sqlite.close();
  }
  return missing;
}

describe('the migrated database holds the whole diagram', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-diagram-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('as created by openDatabase', () => {
    const file = path.join(dir, 'open.sqlite');
    openDatabase(file, { migrationsFolder: path.join(root, 'db/migrations') }).db.close();
    expect(missingFromDatabase(file)).toEqual([]);
  });

  it('as created by `npm run admin -- migrate`', () => {
    const file = path.join(dir, 'cli.sqlite');
    execFileSync(process.execPath, [path.join(root, 'scripts/admin.mjs'), 'migrate', '--db', file], { stdio: 'pipe' });
    expect(missingFromDatabase(file)).toEqual([]);
  });

  it('notices a missing column or foreign key (the check can fail)', () => {
    const file = path.join(dir, 'broken.sqlite');
    const sqlite = new Database(file);
    sqlite.exec(`CREATE TABLE tblpaises (id_pais INTEGER PRIMARY KEY)`);
    sqlite.close();
    const missing = missingFromDatabase(file);
    expect(missing).toContain('column tblpaises.nombre_pais');
    expect(missing).toContain('table tblclientes');
    expect(missing.some((m) => m.startsWith('foreign key tblclientes.ID_pais'))).toBe(true);
  });
});
