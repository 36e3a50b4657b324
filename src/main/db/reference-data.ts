import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import isoCountries, { type LocaleData } from 'i18n-iso-countries';
import { isoNow, type Clock } from './clock';

/**
 * Reference rows every store needs. Keyed by stable codes and inserted with
 * INSERT OR IGNORE, so this is idempotent and never overwrites a store's own
 * edits (a renamed colour stays renamed). Bump the version to add rows.
 */
export const REFERENCE_DATA_VERSION = 3;

export const DOCUMENT_TYPES = [
  { code: 'NATIONAL_ID', name: 'Cédula de ciudadanía' },
  { code: 'TAX_ID', name: 'NIT / Identificación tributaria' },
  { code: 'FOREIGNER_ID', name: 'Cédula de extranjería' },
  { code: 'PASSPORT', name: 'Pasaporte' },
] as const;

export const PHONE_TYPES = [
  { code: 'MOBILE', name: 'Móvil' },
  { code: 'HOME', name: 'Casa' },
  { code: 'WORK', name: 'Trabajo' },
] as const;

export const INVOICE_STATES = [
  { code: 'DRAFT', name: 'Borrador', description: 'Venta en curso en la caja, aún sin pagar' },
  { code: 'PARKED', name: 'En espera', description: 'Venta aparcada para retomarla después' },
  { code: 'COMPLETED', name: 'Completada', description: 'Venta pagada y cerrada' },
  { code: 'VOIDED', name: 'Anulada', description: 'Venta anulada; no cuenta en ventas ni en inventario' },
  { code: 'RETURNED', name: 'Devuelta', description: 'Venta devuelta por completo' },
  { code: 'PARTIALLY_RETURNED', name: 'Devuelta en parte', description: 'Venta con parte de sus artículos devueltos' },
  { code: 'CANCELLED', name: 'Cancelada', description: 'Venta en curso abandonada antes de cobrar' },
] as const;

export const DEPARTMENTS = [
  { code: 'WOMEN', name: 'Mujer', nameEn: 'Women' },
  { code: 'MEN', name: 'Hombre', nameEn: 'Men' },
  { code: 'KIDS', name: 'Niños', nameEn: 'Kids' },
  { code: 'UNISEX', name: 'Unisex', nameEn: 'Unisex' },
] as const;

export const COLORS = [
  { code: 'BLACK', name: 'Negro', nameEn: 'Black', hex: '#000000' },
  { code: 'WHITE', name: 'Blanco', nameEn: 'White', hex: '#FFFFFF' },
  { code: 'GREY', name: 'Gris', nameEn: 'Grey', hex: '#808080' },
  { code: 'NAVY', name: 'Azul marino', nameEn: 'Navy', hex: '#1F2A44' },
  { code: 'BLUE', name: 'Azul', nameEn: 'Blue', hex: '#1E5AA8' },
  { code: 'LIGHT_BLUE', name: 'Celeste', nameEn: 'Light blue', hex: '#8EC5E8' },
  { code: 'RED', name: 'Rojo', nameEn: 'Red', hex: '#C62828' },
  { code: 'BURGUNDY', name: 'Vino tinto', nameEn: 'Burgundy', hex: '#6D1A36' },
  { code: 'GREEN', name: 'Verde', nameEn: 'Green', hex: '#2E7D32' },
  { code: 'OLIVE', name: 'Verde oliva', nameEn: 'Olive', hex: '#6B6B2A' },
  { code: 'BEIGE', name: 'Beige', nameEn: 'Beige', hex: '#D8C8A8' },
  { code: 'BROWN', name: 'Marrón', nameEn: 'Brown', hex: '#6D4C41' },
  { code: 'PINK', name: 'Rosa', nameEn: 'Pink', hex: '#E91E63' },
  { code: 'YELLOW', name: 'Amarillo', nameEn: 'Yellow', hex: '#FBC02D' },
  { code: 'PURPLE', name: 'Morado', nameEn: 'Purple', hex: '#6A1B9A' },
  { code: 'ORANGE', name: 'Naranja', nameEn: 'Orange', hex: '#EF6C00' },
] as const;

/** Colombia's IVA rates; a store edits or adds its own in Settings. */
export const TAX_RATES = [
  { code: 'IVA19', name: 'IVA 19 %', rateBp: 1900 },
  { code: 'IVA5', name: 'IVA 5 %', rateBp: 500 },
  { code: 'EXENTO', name: 'Exento', rateBp: 0 },
] as const;

export const SIZES = [
  { code: 'XS', name: 'Extra pequeña', system: 'alpha' },
  { code: 'S', name: 'Pequeña', system: 'alpha' },
  { code: 'M', name: 'Mediana', system: 'alpha' },
  { code: 'L', name: 'Grande', system: 'alpha' },
  { code: 'XL', name: 'Extra grande', system: 'alpha' },
  { code: 'XXL', name: 'Doble extra grande', system: 'alpha' },
  ...[4, 6, 8, 10, 12, 14, 16, 28, 30, 32, 34, 36, 38, 40, 42, 44].map((n) => ({
    code: String(n),
    name: `Talla ${n}`,
    system: 'numeric' as const,
  })),
] as const;

// require, not a JSON import: the built main keeps packages external, and an
// external JSON import would lose its `with { type: 'json' }` in the bundle.
const requireJson = createRequire(import.meta.url);
isoCountries.registerLocale(requireJson('i18n-iso-countries/langs/es.json') as LocaleData);
isoCountries.registerLocale(requireJson('i18n-iso-countries/langs/en.json') as LocaleData);

export function ensureReferenceData(sqlite: Database.Database, clock: Clock): void {
  const current = sqlite
    .prepare<[], string>(`SELECT value FROM app_settings WHERE key = 'reference_data_version'`)
    .pluck()
    .get();
  if (current !== undefined && Number(JSON.parse(current)) >= REFERENCE_DATA_VERSION) return;

  sqlite.transaction(() => {
    const esNames = isoCountries.getNames('es', { select: 'official' });
    const enNames = isoCountries.getNames('en', { select: 'official' });
    const country = sqlite.prepare(
      `INSERT OR IGNORE INTO tblpaises (nombre_pais, iso_alpha2, name_en) VALUES (?, ?, ?)`,
    );
    for (const code of Object.keys(esNames).sort()) {
      country.run(esNames[code], code, enNames[code] ?? esNames[code]);
    }
    const docType = sqlite.prepare(`INSERT OR IGNORE INTO tbltipo_documento (tipo_documento, code) VALUES (?, ?)`);
    for (const d of DOCUMENT_TYPES) docType.run(d.name, d.code);
    const phoneType = sqlite.prepare(`INSERT OR IGNORE INTO tbltipo_telefono (tipo_telefono, code) VALUES (?, ?)`);
    for (const p of PHONE_TYPES) phoneType.run(p.name, p.code);
    const state = sqlite.prepare(
      `INSERT OR IGNORE INTO tblestados_factura (estado, descripcio, code) VALUES (?, ?, ?)`,
    );
    for (const s of INVOICE_STATES) state.run(s.name, s.description, s.code);
    const dept = sqlite.prepare(`INSERT OR IGNORE INTO tblgenero (nombre, code, name_en) VALUES (?, ?, ?)`);
    for (const d of DEPARTMENTS) dept.run(d.name, d.code, d.nameEn);
    const color = sqlite.prepare(
      `INSERT OR IGNORE INTO tblcolor (color, hexadecimal, code, name_en) VALUES (?, ?, ?, ?)`,
    );
    for (const c of COLORS) color.run(c.name, c.hex, c.code, c.nameEn);
    const size = sqlite.prepare(
      `INSERT OR IGNORE INTO tbltallas (nombre, talla, sort_order, size_system) VALUES (?, ?, ?, ?)`,
    );
    SIZES.forEach((s, i) => size.run(s.name, s.code, (i + 1) * 10, s.system));
    const tax = sqlite.prepare(
      `INSERT OR IGNORE INTO tax_rates (global_id, code, name, rate_bp, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    for (const r of TAX_RATES) tax.run(referenceTaxRateId(r.code), r.code, r.name, r.rateBp, isoNow(clock));
    sqlite
      .prepare(
        `INSERT INTO app_settings (key, value, updated_at) VALUES ('reference_data_version', ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(REFERENCE_DATA_VERSION), isoNow(clock));
  })();
}

/**
 * The global id of a tax rate every store starts with: derived from its
 * code, so every register's database names it alike and an edit made on
 * one register is the same row on the others.
 */
export function referenceTaxRateId(code: string): string {
  const hex = createHash('sha256').update(`tax_rate:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
