/**
 * Product CSV export, in the shape the import reads (csv-columns.ts): one
 * row per variant, inactive ones included (active = 0 when the product or
 * the variant is inactive), stock as it is now.
 */
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { CSV_LIST_SEPARATOR, PRODUCT_CSV_COLUMNS } from '../../shared/catalog/csv-columns';
import { currencyDigits } from '../../shared/money';
import type { SettingsService } from '../settings/settings-service';

interface ExportRow {
  plu: string;
  name: string;
  description: string | null;
  manufacturer: string | null;
  department: string | null;
  categories: string | null;
  options: string | null;
  price: number;
  costPrice: number | null;
  taxCode: string | null;
  active: number;
  color: string;
  size: string;
  barcode: string;
  stock: number;
  threshold: number | null;
}

export function createCsvExport(sqlite: Database.Database, settings: SettingsService) {
  const rows = sqlite.prepare<[], ExportRow>(`
    SELECT p.plu, p.nombre_producto AS name, p.descripcion_producto AS description, f.nombre_fabricante AS manufacturer, g.code AS department,
           (SELECT group_concat(c.nombre, '${CSV_LIST_SEPARATOR}') FROM tblcategoriasXproducto x JOIN tblcategorias c ON c.id_catgoria = x.ID_categoria WHERE x.ID_producto = p.id_producto) AS categories,
           (SELECT group_concat(o.nombre_opcion, '${CSV_LIST_SEPARATOR}') FROM tblopcionesXproducto x JOIN tblopciones o ON o.id_opcion = x.ID_opcion WHERE x.ID_producto = p.id_producto) AS options,
           p.precio AS price, p.cost_price AS costPrice, t.code AS taxCode, (p.active AND v.active) AS active,
           co.code AS color, s.talla AS size, v.barcode, v.inventario AS stock, v.low_stock_threshold AS threshold
    FROM tblprodXcolorXtalla v
    JOIN tblproductos p ON p.id_producto = v.ID_producto
    JOIN tblcolor co ON co.id_color = v.ID_color
    JOIN tbltallas s ON s.id_talla = v.ID_talla
    LEFT JOIN tblfabricantes f ON f.id_fabricante = p.ID_fabricante
    LEFT JOIN tblgenero g ON g.id_genero = p.ID_genero
    LEFT JOIN tax_rates t ON t.id = p.tax_rate_id
    ORDER BY p.plu, co.code, s.sort_order`);

  return {
    /** The whole catalog as CSV text (UTF-8, comma-separated, header first). */
    products(): { csv: string; rows: number } {
      const digits = currencyDigits(settings.store().currency);
      const amount = (minor: number | null) => (minor === null ? '' : (minor / 10 ** digits).toFixed(digits));
      const data = rows.all().map((r) => [
        r.plu,
        r.name,
        r.description ?? '',
        r.manufacturer ?? '',
        r.department ?? '',
        r.categories ?? '',
        r.options ?? '',
        amount(r.price),
        amount(r.costPrice),
        r.taxCode ?? '',
        r.active ? '1' : '0',
        r.color,
        r.size,
        r.barcode,
        String(r.stock),
        r.threshold === null ? '' : String(r.threshold),
      ]);
      return { csv: stringify([[...PRODUCT_CSV_COLUMNS], ...data]), rows: data.length };
    },
  };
}

export type CsvExport = ReturnType<typeof createCsvExport>;
