/** Reads test data (barcodes, names) from the temp database the preview serves. */
import Database from 'better-sqlite3';

const file = process.env.POS_E2E_DB;

export function demoData() {
  if (!file) throw new Error('POS_E2E_DB is not set; run the suite with npm run test:e2e');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const stocked = db
      .prepare(
        `SELECT v.barcode, v.ID_producto AS productId, p.nombre_producto AS name, p.plu FROM tblprodXcolorXtalla v
         JOIN tblproductos p ON p.id_producto = v.ID_producto WHERE v.inventario >= 3 AND p.active = 1
         GROUP BY v.ID_producto ORDER BY v.ID_producto LIMIT 12`,
      )
      .all() as { barcode: string; productId: number; name: string; plu: string }[];
    const managerId = db.prepare(`SELECT id FROM staff_users WHERE username = 'manager'`).pluck().get() as number;
    return { stocked, managerId };
  } finally {
    db.close();
  }
}
