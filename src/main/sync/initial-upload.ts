/**
 * A store that already runs on one register joins the cloud by uploading
 * what it has once (`admin sync --initial-upload`): its catalog, customers,
 * tax rates, staff, settings and stock, as ordinary outbox documents written
 * in one write-path transaction and pushed by the usual push. Nobody re-types
 * a catalog; every later register downloads it (pull.ts, initial download).
 *
 * Only into an empty cloud store: a store the cloud already holds rows of is
 * joined by downloading, and uploading over it would fork it. Rows already
 * sent (a document in the outbox names them) are not sent again: stock goes
 * as the ledger's movements that no document carries yet (the seed's and an
 * import's opening stock), so the cloud's stock is the same sum of the same
 * movements as this register's.
 */
import type Database from 'better-sqlite3';
import { catalogListEntity, COMMANDS, referencesOf, type CommandType, type EmitPayload } from '../../shared/sync/commands';
import { StoreSummary } from '../../shared/sync/protocol';
import { createProductSnapshots } from '../catalog/product-snapshot';
import type { Clock } from '../db/clock';
import type { PosDb } from '../db/open';
import { createSettingsService } from '../settings/settings-service';
import { createWriteStack } from '../write';
import type { Actor } from '../write/write-path';
import { cloudRequest, SyncError } from './push';
import { fileVaultFor, readDeviceToken, type TokenVault } from './token-vault';

export interface InitialUploadOptions {
  serverUrl: string;
  token?: string;
  vault?: TokenVault;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  actor?: Actor | null;
}

export type UploadCounts = Partial<Record<CommandType, number>>;

export async function initialUpload(db: PosDb, clock: Clock, options: InitialUploadOptions): Promise<UploadCounts> {
  const token = options.token ?? readDeviceToken(db, options.vault ?? fileVaultFor(db));
  if (!token) throw new SyncError('not_registered', 'this register has no device token yet; register it first (admin register --server URL --code CODE)');
  const summary = await cloudRequest(options.fetch ?? globalThis.fetch, new URL('/v1/store', options.serverUrl).toString(), token, undefined, options.timeoutMs ?? 30_000, StoreSummary, 'a store summary');
  if (summary.entities > 0 || summary.otherDocuments > 0) {
    throw new SyncError(
      'conflict',
      `the cloud store already holds ${summary.entities} catalog/customer rows and ${summary.otherDocuments} documents of other registers: ` +
        'upload only goes into an empty store; a register joins a running store with a new database, which downloads it',
    );
  }
  return writeUploadDocuments(db.sqlite, clock, options.actor ?? null);
}

/** Emits every row not sent yet, in an order a receiving register can apply (lists before the products that name them). */
export function writeUploadDocuments(sqlite: Database.Database, clock: Clock, actor: Actor | null): UploadCounts {
  const { writes, device } = createWriteStack(sqlite, clock);
  const settings = createSettingsService(sqlite, writes, device);
  const products = createProductSnapshots(sqlite);
  const counts: UploadCounts = {};

  const versioned = new Set(sqlite.prepare<[], string>(`SELECT entity_global_id FROM sync_entity_versions`).pluck().all());
  // Everything a document in the outbox already names (sold stock, addresses added at the till...).
  const sent = new Set<string>();
  for (const d of sqlite.prepare<[], { type: string; payload: string }>(`SELECT type, payload FROM sync_outbox`).iterate()) {
    if (!Object.hasOwn(COMMANDS, d.type)) continue;
    for (const ref of referencesOf(d.type as CommandType, JSON.parse(d.payload))) sent.add(ref.globalId);
  }

  writes.mutate(actor, (w) => {
    const emit = <T extends CommandType>(type: T, payload: EmitPayload<T>) => {
      w.emit(type, payload);
      counts[type] = (counts[type] ?? 0) + 1;
    };
    const all = <R>(sql: string) => sqlite.prepare<[], R>(sql).all();

    // Catalog lists first: products name their manufacturer, categories, options, colours, sizes and department.
    for (const [list, sql] of LISTS) {
      for (const row of all<Record<string, string | number | null>>(sql)) {
        const entry = { list, deleted: false, ...row, ...(typeof row.hex === 'string' ? { hex: row.hex.toUpperCase() } : {}) } as EmitPayload<'catalog_list.changed'>;
        if (!versioned.has(catalogListEntity(entry as Parameters<typeof catalogListEntity>[0]))) emit('catalog_list.changed', entry);
      }
    }
    for (const r of all<{ id: string; code: string; name: string; rateBp: number; active: number }>(
      `SELECT global_id AS id, code, name, rate_bp AS rateBp, active FROM tax_rates ORDER BY code`,
    )) {
      if (!versioned.has(r.id)) emit('tax_rate.changed', { taxRateId: r.id, code: r.code, name: r.name, rateBp: r.rateBp, active: r.active === 1 });
    }
    for (const u of all<{ id: string; username: string; displayName: string; role: 'cashier' | 'manager' | 'admin'; active: number }>(
      `SELECT global_id AS id, username, display_name AS displayName, role, active FROM staff_users ORDER BY id`,
    )) {
      if (!versioned.has(u.id)) emit('staff.changed', { staffId: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active === 1 });
    }
    const { registerCode: _own, ...store } = settings.store();
    if (!versioned.has(COMMANDS['store_settings.changed'].entity())) emit('store_settings.changed', { ...store, changedFields: Object.keys(store) });

    for (const id of sqlite.prepare<[], string>(`SELECT global_id FROM tblproductos ORDER BY id_producto`).pluck().all()) {
      if (versioned.has(id)) continue;
      const snapshot = products.read(id);
      if (snapshot) emit('product.upserted', snapshot);
    }
    for (const c of all<{ id: string; code: string | null }>(
      `SELECT c.global_id AS id, t.code FROM tblcategorias c JOIN tax_rates t ON t.id = c.tax_rate_id ORDER BY c.id_catgoria`,
    )) {
      emit('tax_rate.assigned', { target: 'category', targetId: c.id, taxCode: c.code });
    }

    for (const c of all<CustomerRow>(CUSTOMERS)) {
      if (versioned.has(c.customerId) || !c.documentTypeCode || !c.document || !c.countryCode) continue;
      emit('customer.upserted', { ...c, documentTypeCode: c.documentTypeCode, document: c.document, countryCode: c.countryCode });
    }
    for (const a of all<AddressRow>(ADDRESSES)) {
      if (!sent.has(a.addressId)) emit('customer.address_added', a);
    }

    for (const m of all<MovementRow>(MOVEMENTS)) {
      if (!sent.has(m.movementId)) emit('stock.moved', m);
    }
    w.audit({ action: 'sync.initial_upload', details: counts as Record<string, number> });
  });
  return counts;
}

/** Every entry of each catalog list, in the shape of its `catalog_list.changed` payload (src/main/catalog/catalog-lists.ts). */
const LISTS = [
  ['manufacturer', `SELECT global_id AS entryId, nombre_fabricante AS name, contacto_fabricante AS contact, telefono_fabricante AS phone FROM tblfabricantes ORDER BY id_fabricante`],
  ['category', `SELECT global_id AS entryId, nombre AS name, decripcion AS description FROM tblcategorias ORDER BY id_catgoria`],
  ['option', `SELECT global_id AS entryId, nombre_opcion AS name, descripcion_opcion AS description FROM tblopciones ORDER BY id_opcion`],
  ['color', `SELECT code, color AS name, name_en AS nameEn, hexadecimal AS hex FROM tblcolor ORDER BY id_color`],
  ['size', `SELECT talla AS code, nombre AS name, sort_order AS sortOrder, size_system AS system FROM tbltallas ORDER BY id_talla`],
  ['department', `SELECT code, nombre AS name, name_en AS nameEn FROM tblgenero ORDER BY id_genero`],
] as const;

interface CustomerRow {
  customerId: string;
  documentTypeCode: string | null;
  document: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  secondLastName: string | null;
  email: string | null;
  phoneTypeCode: string | null;
  phone: string | null;
  countryCode: string | null;
}
const CUSTOMERS = `
  SELECT c.global_id AS customerId, d.code AS documentTypeCode, c.documento AS document, c.primer_nombre AS firstName,
         c.segundo_nombre AS middleName, c.primer_apellido AS lastName, c.segundo_apellido AS secondLastName, c.email,
         t.code AS phoneTypeCode, c.telefono AS phone, p.iso_alpha2 AS countryCode
    FROM tblclientes c
    LEFT JOIN tbltipo_documento d ON d.id_tipo_documento = c.ID_tipo_documento
    LEFT JOIN tbltipo_telefono t ON t.id_tipo_telefono = c.ID_tipo_telefono
    LEFT JOIN tblpaises p ON p.id_pais = c.ID_pais
   ORDER BY c.id_cliente`;

interface AddressRow {
  addressId: string;
  customerId: string;
  kind: 'billing' | 'shipping';
  address: string;
  zipCode: string | null;
  countryCode: string;
}
const ADDRESSES = `
  SELECT a.global_id AS addressId, c.global_id AS customerId, 'billing' AS kind, a.direccion AS address, a.zip_code AS zipCode, p.iso_alpha2 AS countryCode
    FROM tbldirecciones_facturacion a JOIN tblclientes c ON c.id_cliente = a.ID_cliente JOIN tblpaises p ON p.id_pais = a.ID_pais
  UNION ALL
  SELECT a.global_id, c.global_id, 'shipping', a.direccion, a.zip_code, p.iso_alpha2
    FROM tbldirecciones_envio a JOIN tblclientes c ON c.id_cliente = a.ID_cliente JOIN tblpaises p ON p.id_pais = a.ID_pais`;

interface MovementRow {
  movementId: string;
  variantId: string;
  quantity: number;
  reason: 'initial' | 'sale' | 'return' | 'receipt' | 'adjustment' | 'count' | 'transfer_in' | 'transfer_out';
  referenceId: string | null;
  staffId: string | null;
  occurredAt: string;
}
const MOVEMENTS = `
  SELECT m.global_id AS movementId, v.global_id AS variantId, m.quantity, m.reason, m.reference_id AS referenceId,
         s.global_id AS staffId, m.occurred_at AS occurredAt
    FROM stock_movements m
    JOIN tblprodXcolorXtalla v ON v.idcolorxtalla = m.variant_id
    LEFT JOIN staff_users s ON s.id = m.staff_id
   ORDER BY m.id`;
