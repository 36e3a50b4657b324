/**
 * Reads the store's ER diagram (draw.io XML) into tables, columns and foreign
 * keys, so a test can hold the migrated database to it. The drawing has quirks
 * (see DATA-MODEL.md): some FK columns carry no "FK" label but an edge, one
 * edge is drawn child -> parent, one ends unattached; this reader resolves FK
 * targets from edges first and from key names second.
 */
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export interface DiagramColumn {
  name: string;
  key: 'PK' | 'FK' | null;
}
export interface DiagramForeignKey {
  table: string;
  column: string;
  references: { table: string; column: string };
}
export interface Diagram {
  tables: Map<string, DiagramColumn[]>;
  foreignKeys: DiagramForeignKey[];
}

interface Cell {
  id: string;
  parent?: string;
  value?: string;
  style?: string;
  vertex?: string;
  edge?: string;
  source?: string;
  target?: string;
}

const stripHtml = (value: string): string =>
  value
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();

export function readDiagram(file: string): Diagram {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'mxCell' });
  const xml = parser.parse(fs.readFileSync(file, 'utf8')) as {
    mxfile: { diagram: { mxGraphModel: { root: { mxCell: Cell[] } } } };
  };
  const cells = xml.mxfile.diagram.mxGraphModel.root.mxCell;
  const childrenOf = new Map<string, Cell[]>();
  for (const c of cells) {
    if (!c.parent) continue;
    const list = childrenOf.get(c.parent) ?? [];
    list.push(c);
    childrenOf.set(c.parent, list);
  }

  const tableCells = cells.filter((c) => c.parent === '1' && c.vertex === '1' && c.style?.includes('swimlane'));
  const tables = new Map<string, DiagramColumn[]>();
  // column cell id -> { table, column }
  const columnAt = new Map<string, { table: string; column: string }>();
  for (const t of tableCells) {
    const tableName = stripHtml(t.value ?? '');
    const columns: DiagramColumn[] = [];
    for (const colCell of childrenOf.get(t.id) ?? []) {
      if (colCell.vertex !== '1') continue;
      const name = stripHtml(colCell.value ?? '');
      if (!name) continue; // empty spacer rows in the drawing
      const label = (childrenOf.get(colCell.id) ?? []).map((k) => stripHtml(k.value ?? '')).find(Boolean);
      columns.push({ name, key: label === 'PK' || label === 'FK' ? label : null });
      columnAt.set(colCell.id, { table: tableName, column: name });
    }
    tables.set(tableName, columns);
  }

  const pkOf = (table: string) => tables.get(table)?.find((c) => c.key === 'PK')?.name;
  const isPk = (end: { table: string; column: string }) => pkOf(end.table) === end.column;

  // Edges link a parent's PK to a child's FK column, in either direction.
  const edgeTargets = new Map<string, { table: string; column: string }>();
  for (const e of cells.filter((c) => c.edge === '1')) {
    const a = e.source ? columnAt.get(e.source) : undefined;
    const b = e.target ? columnAt.get(e.target) : undefined;
    if (!a || !b) continue;
    const [parent, child] = isPk(a) && !isPk(b) ? [a, b] : isPk(b) && !isPk(a) ? [b, a] : [null, null];
    if (parent && child) edgeTargets.set(`${child.table}.${child.column}`, parent);
  }

  const foreignKeys: DiagramForeignKey[] = [];
  for (const [table, columns] of tables) {
    for (const col of columns) {
      if (col.key === 'PK') continue;
      const fromEdge = edgeTargets.get(`${table}.${col.name}`);
      const byName = [...tables.keys()].find((t) => t !== table && pkOf(t)?.toLowerCase() === col.name.toLowerCase());
      const target = fromEdge ?? (byName ? { table: byName, column: pkOf(byName)! } : undefined);
      if (col.key === 'FK' || fromEdge || (byName && /^ID_/.test(col.name))) {
        if (!target) throw new Error(`diagram: cannot resolve the table ${table}.${col.name} points to`);
        foreignKeys.push({ table, column: col.name, references: target });
        col.key = 'FK';
      }
    }
  }
  return { tables, foreignKeys };
}
