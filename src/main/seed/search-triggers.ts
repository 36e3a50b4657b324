import type Database from 'better-sqlite3';

/** The tables the seed bulk-loads, whose inserts feed the product search index. */
const BULK_TABLES = ['tblproductos', 'tblprodXcolorXtalla', 'tblcategoriasXproducto', 'tblopcionesXproducto'];

interface SavedTrigger {
  name: string;
  sql: string;
}

/**
 * The search index (an FTS5 table kept in step by triggers) rebuilds a
 * product's whole row on every insert of one of its variants or category
 * links: right for the till, but for a bulk load that is ~20 rebuilds per
 * product and triples the seed's time. So, inside the seed's transaction,
 * the insert triggers that write an FTS5 table are lifted, and restore()
 * puts them back and touches each product once, so the product's update
 * trigger indexes it with all its variants in one go.
 *
 * Generic on purpose: it finds such triggers by what they write, not by
 * name, so it keeps working as the search schema evolves; if there are none
 * it does nothing. Call only inside a transaction, so a failure restores them.
 */
export function suspendSearchTriggers(sqlite: Database.Database): { restore(): void } {
  const ftsTables = sqlite
    .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%fts5%'`)
    .pluck()
    .all()
    .map((name) => name.toLowerCase());
  if (ftsTables.length === 0) return { restore: () => undefined };

  const placeholders = BULK_TABLES.map(() => '?').join(', ');
  const candidates = sqlite
    .prepare<string[], SavedTrigger>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${placeholders})`)
    .all(...BULK_TABLES);
  const writesFts = (sql: string): boolean => {
    const lower = sql.toLowerCase();
    return ftsTables.some((t) => new RegExp(`\\b(insert\\s+into|delete\\s+from)\\s+["\`]?${t}\\b`).test(lower));
  };
  const suspended = candidates.filter((t) => /\bafter\s+insert\b/i.test(t.sql) && writesFts(t.sql));
  for (const t of suspended) sqlite.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);

  return {
    restore(): void {
      if (suspended.length === 0) return;
      for (const t of suspended) sqlite.exec(t.sql);
      // A no-op write that fires the "product changed" triggers once per product.
      sqlite.exec('UPDATE tblproductos SET nombre_producto = nombre_producto');
    },
  };
}
