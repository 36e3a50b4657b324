import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The business data of a store, by natural keys (PLU, barcode, document),
 * never by integer or global ids, which differ between runs. Two databases
 * with the same fingerprint hold the same catalog, stock and customers.
 */
const QUERIES = [
  `SELECT nombre_fabricante, contacto_fabricante, telefono_fabricante FROM tblfabricantes ORDER BY nombre_fabricante`,
  `SELECT nombre, decripcion FROM tblcategorias ORDER BY nombre`,
  `SELECT nombre_opcion, descripcion_opcion FROM tblopciones ORDER BY nombre_opcion`,
  `SELECT p.plu, p.nombre_producto, p.precio, p.descripcion_producto, p.fecha_creacion, g.code, f.nombre_fabricante,
          p.cantidad_Busquedas, p.active
     FROM tblproductos p LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
     LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante ORDER BY p.plu`,
  `SELECT p.plu, c.nombre FROM tblcategoriasXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto
     JOIN tblcategorias c ON c.id_catgoria = x.ID_categoria ORDER BY p.plu, c.nombre`,
  `SELECT p.plu, o.nombre_opcion FROM tblopcionesXproducto x JOIN tblproductos p ON p.id_producto = x.ID_producto
     JOIN tblopciones o ON o.id_opcion = x.ID_opcion ORDER BY p.plu, o.nombre_opcion`,
  `SELECT v.barcode, p.plu, c.code, t.talla, v.inventario FROM tblprodXcolorXtalla v
     JOIN tblproductos p ON p.id_producto = v.ID_producto JOIN tblcolor c ON c.id_color = v.ID_color
     JOIN tbltallas t ON t.id_talla = v.ID_talla ORDER BY v.barcode`,
  `SELECT v.barcode, m.quantity, m.reason, m.occurred_at, m.note FROM stock_movements m
     JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = m.variant_id ORDER BY v.barcode, m.occurred_at, m.quantity`,
  `SELECT d.code, c.documento, c.primer_nombre, c.segundo_nombre, c.primer_apellido, c.segundo_apellido, c.email,
          c."contraseña" IS NOT NULL, pt.code, c.telefono, co.iso_alpha2
     FROM tblclientes c LEFT JOIN tbltipo_documento d ON d.id_tipo_documento = c.ID_tipo_documento
     LEFT JOIN tbltipo_telefono pt ON pt.id_tipo_telefono = c.ID_tipo_telefono
     LEFT JOIN tblpaises co ON co.id_pais = c.ID_pais ORDER BY d.code, c.documento`,
  `SELECT c.documento, 'ship', a.direccion, a.zip_code, co.iso_alpha2 FROM tbldirecciones_envio a
     JOIN tblclientes c ON c.id_cliente = a.ID_cliente JOIN tblpaises co ON co.id_pais = a.ID_pais
   UNION ALL
   SELECT c.documento, 'bill', a.direccion, a.zip_code, co.iso_alpha2 FROM tbldirecciones_facturacion a
     JOIN tblclientes c ON c.id_cliente = a.ID_cliente JOIN tblpaises co ON co.id_pais = a.ID_pais
   ORDER BY 1, 2, 3`,
  `SELECT username, display_name, role, active FROM staff_users ORDER BY username`,
];

/** SHA-256 (hex) of the store's business data; see QUERIES for what counts. */
export function businessDataFingerprint(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  for (const sql of QUERIES) {
    hash.update(sql);
    for (const row of sqlite.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}
