import type Database from 'better-sqlite3';
import { createGlobalIdSource } from './global-ids';
import type { CustomerPlan } from './customer-plan';
import type { ReferenceIds } from './reference-ids';

export interface CustomerWriteCounts {
  customers: number;
  accounts: number;
  shippingAddresses: number;
  billingAddresses: number;
}

/**
 * Writes customer plans and their addresses. `passwordHashes` are consumed in
 * order by the customers that have an account; they are computed beforehand
 * because scrypt is async and slow, and the caller's transaction is not.
 */
export function writeCustomers(
  sqlite: Database.Database,
  ids: ReferenceIds,
  plans: readonly CustomerPlan[],
  passwordHashes: readonly string[],
  createdAt: string,
): CustomerWriteCounts {
  const newGlobalId = createGlobalIdSource();
  const insCustomer = sqlite.prepare(
    `INSERT INTO tblclientes (email, "contraseña", primer_nombre, segundo_nombre, primer_apellido, segundo_apellido,
       ID_tipo_telefono, telefono, ID_pais, documento, ID_tipo_documento, global_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insShipping = sqlite.prepare(
    `INSERT INTO tbldirecciones_envio (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`,
  );
  const insBilling = sqlite.prepare(
    `INSERT INTO tbldirecciones_facturacion (direccion, zip_code, ID_cliente, ID_pais, global_id) VALUES (?, ?, ?, ?, ?)`,
  );

  const counts: CustomerWriteCounts = { customers: 0, accounts: 0, shippingAddresses: 0, billingAddresses: 0 };
  for (const c of plans) {
    let hash: string | null = null;
    if (c.hasAccount) {
      hash = passwordHashes[counts.accounts] ?? null;
      if (hash === null) throw new Error('fewer password hashes than customers with an account');
      counts.accounts++;
    }
    const customerId = insCustomer.run(
      c.email,
      hash,
      c.firstName,
      c.middleName,
      c.lastName,
      c.secondLastName,
      ids.phoneType(c.phoneType),
      c.phone,
      ids.country(c.countryIso),
      c.document,
      ids.documentType(c.documentType),
      newGlobalId(),
      createdAt,
      createdAt,
    ).lastInsertRowid;
    for (const a of c.shipping) insShipping.run(a.address, a.zip, customerId, ids.country(a.countryIso), newGlobalId());
    for (const a of c.billing) insBilling.run(a.address, a.zip, customerId, ids.country(a.countryIso), newGlobalId());
    counts.customers++;
    counts.shippingAddresses += c.shipping.length;
    counts.billingAddresses += c.billing.length;
  }
  return counts;
}
