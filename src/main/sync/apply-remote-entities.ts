/**
 * Applies another register's edits of shared rows (products, customers, tax
 * rates, staff, store settings) and the catalog facts that go with them
 * (addresses, tax assignments) to this database, by global id or stable
 * code. Nothing here writes the outbox: the edit is that register's to send.
 *
 * Versioned rows follow the merge rule (README, "Merge rules"):
 * - the cloud accepted the edit on the version it was based on, so applying
 *   it here makes this row equal the cloud's, and the row's change id
 *   becomes the document's idempotency key;
 * - a row this register has an unsent edit of is left alone: that edit
 *   either lands on top of this one, or the cloud refuses it as a conflict
 *   and hands back its row, which push then applies (push.ts);
 * - a document whose change this row is already at changes nothing, and so
 *   does one made on another version than this row's: the log runs in
 *   order, so this row already holds a later change (its own edit, say).
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { COMMANDS, type CommandPayload, type CommandType } from '../../shared/sync/commands';
import { createCatalogListApplier } from '../catalog/catalog-list-apply';
import { createProductSnapshots } from '../catalog/product-snapshot';

export type EntityApplyOutcome = 'applied' | 'duplicate' | 'deferred';

type Id = Database.Statement<[string], number>;

/** Types this module applies. */
export const ENTITY_TYPES = ['catalog_list.changed', 'product.upserted', 'customer.upserted', 'customer.address_added', 'tax_rate.changed', 'tax_rate.assigned', 'staff.changed', 'store_settings.changed'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const isEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);

export function createRemoteEntityApplier(sqlite: Database.Database, now: () => string) {
  const products = createProductSnapshots(sqlite);
  const lists = createCatalogListApplier(sqlite);
  const id = (sql: string): Id => sqlite.prepare<[string], number>(sql).pluck();
  const local = {
    customer: id(`SELECT id_cliente FROM tblclientes WHERE global_id = ?`),
    country: id(`SELECT id_pais FROM tblpaises WHERE iso_alpha2 = ?`),
    documentType: id(`SELECT id_tipo_documento FROM tbltipo_documento WHERE code = ?`),
    phoneType: id(`SELECT id_tipo_telefono FROM tbltipo_telefono WHERE code = ?`),
    taxRate: id(`SELECT id FROM tax_rates WHERE code = ?`),
    product: id(`SELECT id_producto FROM tblproductos WHERE global_id = ?`),
    category: id(`SELECT id_catgoria FROM tblcategorias WHERE global_id = ?`),
    billing: id(`SELECT id_direccion_facturacion FROM tbldirecciones_facturacion WHERE global_id = ?`),
    shipping: id(`SELECT id_direccion_envio FROM tbldirecciones_envio WHERE global_id = ?`),
  };
  const s = {
    changeOf: sqlite.prepare<[string], string>(`SELECT change_id FROM sync_entity_versions WHERE entity_global_id = ?`).pluck(),
    setChange: sqlite.prepare(
      `INSERT INTO sync_entity_versions (entity_global_id, change_id) VALUES (?, ?) ON CONFLICT (entity_global_id) DO UPDATE SET change_id = excluded.change_id`,
    ),
    unsentEdit: sqlite.prepare<[string], number>(`SELECT 1 FROM sync_outbox WHERE acked_at IS NULL AND last_error IS NULL AND entity_global_id = ? LIMIT 1`).pluck(),
    customer: sqlite.prepare(
      `INSERT INTO tblclientes (global_id, ID_tipo_documento, documento, primer_nombre, segundo_nombre, primer_apellido, segundo_apellido,
         email, ID_tipo_telefono, telefono, ID_pais, created_at, updated_at)
       VALUES (@globalId, @documentType, @document, @firstName, @middleName, @lastName, @secondLastName, @email, @phoneType, @phone, @country, @now, @now)
       ON CONFLICT (global_id) DO UPDATE SET ID_tipo_documento = excluded.ID_tipo_documento, documento = excluded.documento,
         primer_nombre = excluded.primer_nombre, segundo_nombre = excluded.segundo_nombre, primer_apellido = excluded.primer_apellido,
         segundo_apellido = excluded.segundo_apellido, email = excluded.email, ID_tipo_telefono = excluded.ID_tipo_telefono,
         telefono = excluded.telefono, ID_pais = excluded.ID_pais, updated_at = excluded.updated_at`,
    ),
    billing: sqlite.prepare(`INSERT INTO tbldirecciones_facturacion (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`),
    shipping: sqlite.prepare(`INSERT INTO tbldirecciones_envio (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`),
    // A rate every store starts with may carry another id here (an older database): the code is the rate.
    taxRate: sqlite.prepare(
      `INSERT INTO tax_rates (global_id, code, name, rate_bp, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET global_id = excluded.global_id, name = excluded.name, rate_bp = excluded.rate_bp,
         active = excluded.active, updated_at = excluded.updated_at`,
    ),
    productTax: sqlite.prepare(`UPDATE tblproductos SET tax_rate_id = ?, updated_at = ? WHERE id_producto = ?`),
    categoryTax: sqlite.prepare(`UPDATE tblcategorias SET tax_rate_id = ? WHERE id_catgoria = ?`),
    // Staff made on another register: no PIN travels (a PIN hash is never sent), so they sign in here once an admin sets one.
    staff: sqlite.prepare(
      `INSERT INTO staff_users (global_id, username, display_name, role, pin_hash, active, created_at, updated_at)
       VALUES (@staffId, @username, @displayName, @role, '!no-pin-on-this-register', @active, @now, @now)
       ON CONFLICT (global_id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         role = excluded.role, active = excluded.active, updated_at = excluded.updated_at`,
    ),
    readSettings: sqlite.prepare<[], string>(`SELECT value FROM app_settings WHERE key = 'store'`).pluck(),
    writeSettings: sqlite.prepare(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ('store', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
  };

  function need(stmt: Id, key: string, what: string): number {
    const found = stmt.get(key);
    if (found === undefined) throw new DomainError('NOT_FOUND', `${what} ${key} is not in this database; apply the document that creates it first`, what);
    return found;
  }
  const maybe = (stmt: Id, key: string | null, what: string) => (key === null ? null : need(stmt, key, what));

  /** Writes one versioned row's data (no version bookkeeping). */
  function writeRow(type: EntityType, payload: unknown, at: string): void {
    switch (type) {
      case 'catalog_list.changed':
        lists.apply(payload as CommandPayload<'catalog_list.changed'>);
        return;
      case 'product.upserted': {
        const { baseChangeId: _base, ...snapshot } = payload as CommandPayload<'product.upserted'>;
        products.apply(snapshot, at);
        return;
      }
      case 'customer.upserted': {
        const c = payload as CommandPayload<'customer.upserted'>;
        s.customer.run({
          globalId: c.customerId,
          documentType: need(local.documentType, c.documentTypeCode, 'documentTypeCode'),
          document: c.document,
          firstName: c.firstName,
          middleName: c.middleName,
          lastName: c.lastName,
          secondLastName: c.secondLastName,
          email: c.email,
          phoneType: maybe(local.phoneType, c.phoneTypeCode, 'phoneTypeCode'),
          phone: c.phone,
          country: need(local.country, c.countryCode, 'countryCode'),
          now: at,
        });
        return;
      }
      case 'tax_rate.changed': {
        const r = payload as CommandPayload<'tax_rate.changed'>;
        s.taxRate.run(r.taxRateId, r.code, r.name, r.rateBp, r.active ? 1 : 0, at);
        return;
      }
      case 'staff.changed': {
        const u = payload as CommandPayload<'staff.changed'>;
        s.staff.run({ staffId: u.staffId, username: u.username, displayName: u.displayName, role: u.role, active: u.active ? 1 : 0, now: at });
        return;
      }
      case 'store_settings.changed': {
        const { baseChangeId: _base, changedFields: _fields, ...settings } = payload as CommandPayload<'store_settings.changed'>;
        const current = JSON.parse(s.readSettings.get() ?? '{}') as Record<string, unknown>;
        s.writeSettings.run(JSON.stringify({ ...current, ...settings }), at);
        return;
      }
      default:
        throw new Error(`${type} is not a versioned row`);
    }
  }

  /** A fact that is not a versioned row: applied once, by global id. */
  function applyFact(type: EntityType, payload: unknown, at: string): EntityApplyOutcome {
    if (type === 'customer.address_added') {
      const a = payload as CommandPayload<'customer.address_added'>;
      const table = a.kind === 'billing' ? local.billing : local.shipping;
      if (table.get(a.addressId) !== undefined) return 'duplicate';
      const insert = a.kind === 'billing' ? s.billing : s.shipping;
      insert.run(a.address, a.zipCode, need(local.customer, a.customerId, 'customer'), need(local.country, a.countryCode, 'countryCode'), a.addressId);
      return 'applied';
    }
    const t = payload as CommandPayload<'tax_rate.assigned'>;
    const rate = maybe(local.taxRate, t.taxCode, 'taxCode');
    if (t.target === 'product') s.productTax.run(rate, at, need(local.product, t.targetId, 'product'));
    else s.categoryTax.run(rate, need(local.category, t.targetId, 'category'));
    return 'applied';
  }

  return {
    /** Applies one pulled document (or, `fromSnapshot`, a row of a new register's download); call inside the page's transaction. */
    apply(type: EntityType, changeId: string, payload: unknown, fromSnapshot = false): EntityApplyOutcome {
      const command = COMMANDS[type as CommandType];
      const checked = command.schema.parse(payload);
      const at = now();
      if (!command.versioned) return applyFact(type, checked, at);
      const entity = (command.entity as (p: unknown) => string)(checked);
      const current = s.changeOf.get(entity);
      if (current === changeId) return 'duplicate';
      if (s.unsentEdit.get(entity) !== undefined) return 'deferred';
      // The cloud's log runs in order, so an edit made on another version than the one held here is behind it:
      // this register already holds a later change (typically its own edit, made on top of this one). A row
      // from the snapshot, or one this register never had a version of, is simply the cloud's row.
      const base = (checked as { baseChangeId?: string | null }).baseChangeId ?? null;
      if (!fromSnapshot && current !== undefined && current !== base) return 'duplicate';
      writeRow(type, checked, at);
      s.setChange.run(entity, changeId);
      return 'applied';
    },

    /** Writes a versioned row's data as the document has it, with no version bookkeeping (re-applying a conflicted edit here). */
    writeRow(type: EntityType, payload: unknown): void {
      writeRow(type, COMMANDS[type].schema.parse(payload), now());
    },

    /** Takes the cloud's row after it refused an edit of ours (push.ts); call inside a transaction. */
    takeCloudRow(type: string, changeId: string, payload: unknown): void {
      if (!isEntityType(type) || !COMMANDS[type].versioned) return;
      const checked = COMMANDS[type].schema.parse(payload);
      const entity = (COMMANDS[type].entity as (p: unknown) => string)(checked);
      // A later edit of ours still waits: it will meet the cloud's row itself.
      if (s.unsentEdit.get(entity) !== undefined) return;
      writeRow(type, checked, now());
      s.setChange.run(entity, changeId);
    },
  };
}

export type RemoteEntityApplier = ReturnType<typeof createRemoteEntityApplier>;
