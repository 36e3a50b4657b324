import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { globalId, timestamp } from './columns';

import { STAFF_ROLE_NAMES } from '../../src/shared/roles';

export const STAFF_ROLES = STAFF_ROLE_NAMES;

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    /** scrypt hash of the PIN (`scrypt$N$r$p$salt$hash`). */
    pinHash: text('pin_hash').notNull(),
    failedPinAttempts: integer('failed_pin_attempts').notNull().default(0),
    /** Set after too many wrong PINs; login refused until then. */
    lockedUntil: timestamp('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  () => [
    check('ck_staff_role', sql.raw(`role IN (${STAFF_ROLES.map((r) => `'${r}'`).join(', ')})`)),
  ],
);

/** Who did what, when. Append-only (triggers refuse update and delete). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    globalId: globalId(),
    occurredAt: timestamp('occurred_at').notNull(),
    staffId: integer('staff_id').references(() => staffUsers.id),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    /** JSON object with the details; never secrets. */
    details: text('details'),
  },
  (t) => [index('ix_audit_occurred').on(t.occurredAt), index('ix_audit_entity').on(t.entity, t.entityId)],
);

/** Store and register settings, one JSON value per key. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

/**
 * Addition: what an admin changed about a role's permissions. A role with no
 * row holds its defaults (src/shared/permissions.ts DEFAULT_GRANTS); admins
 * always hold everything, so they have no row.
 */
export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    role: text('role').primaryKey(),
    /** JSON array of permission names. */
    permissions: text('permissions').notNull(),
    discountLimitBp: integer('discount_limit_bp').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    check('ck_role_permissions_role', sql`${t.role} IN ('cashier', 'manager')`),
    check('ck_role_permissions_limit', sql`${t.discountLimitBp} BETWEEN 0 AND 10000`),
  ],
);
