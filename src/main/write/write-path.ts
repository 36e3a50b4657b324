/**
 * The one write path. Every business change runs through `mutate`: one
 * SQLite transaction holds the change itself, its audit entries and its
 * outbox documents, so the three can never disagree. No other code writes
 * `audit_log` or `sync_outbox` (write-path.test.ts fails the build if any does).
 *
 * An outbox document is a domain command (src/shared/sync/commands.ts),
 * checked against its schema before it is stored, numbered with this
 * register's next gap-free sequence number and given an idempotency key.
 */
import type Database from 'better-sqlite3';
import { newGlobalId } from '../../shared/ids';
import { COMMANDS, type CommandPayload, type CommandType, type EmitPayload } from '../../shared/sync/commands';
import { isoNow, type Clock } from '../db/clock';
import type { DeviceService } from '../device/device-identity';

/** Who acts: a signed-in staff member, or null for the system (first start, CLI bootstrap). */
export interface Actor {
  id: number;
}

export interface AuditFacts {
  /** What happened, e.g. 'sale.completed', 'customer.create'. */
  action: string;
  entity?: string;
  entityId?: string | number;
  /** For edits: the values before and after (only the fields that changed). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Other plain facts; never secrets (PINs, tokens, passwords). */
  details?: Record<string, unknown>;
}

export interface WriteContext {
  /** The time of this change, the same for every row it writes. */
  readonly now: string;
  readonly actor: Actor | null;
  /** Appends an audit entry by the acting user (or by `staffId` when someone else is meant, e.g. a login). */
  audit(facts: AuditFacts & { staffId?: number | null }): void;
  /**
   * Appends an outbox document; the payload is checked against the command's
   * schema. A versioned command's `baseChangeId` is filled in here, from the
   * change this register last knew for the row, and the document becomes the
   * row's new change: services never handle versions.
   */
  emit<T extends CommandType>(type: T, payload: EmitPayload<T>): void;
}

export interface WritePath {
  /** Runs `work` as one transaction with its audit and outbox entries. Nested calls join the outer transaction. */
  mutate<T>(actor: Actor | null, work: (w: WriteContext) => T): T;
}

export function createWritePath(sqlite: Database.Database, clock: Clock, device: DeviceService): WritePath {
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (global_id, occurred_at, staff_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOutbox = sqlite.prepare(
    `INSERT INTO sync_outbox (register_id, seq, idempotency_key, type, schema_version, entity_global_id, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const changeOf = sqlite.prepare<[string], string>(`SELECT change_id FROM sync_entity_versions WHERE entity_global_id = ?`).pluck();
  const setChange = sqlite.prepare<[string, string]>(
    `INSERT INTO sync_entity_versions (entity_global_id, change_id) VALUES (?, ?) ON CONFLICT (entity_global_id) DO UPDATE SET change_id = excluded.change_id`,
  );

  // Built once: better-sqlite3 makes a new wrapper for every transaction() call.
  const inTransaction = sqlite.transaction((body: () => unknown) => body());

  return {
    mutate<T>(actor: Actor | null, work: (w: WriteContext) => T): T {
      return inTransaction(() => {
        const now = isoNow(clock);
        const context: WriteContext = {
          now,
          actor,
          audit({ staffId, action, entity, entityId, before, after, details }) {
            const facts = { ...(details ?? {}), ...(before ? { before } : {}), ...(after ? { after } : {}) };
            insertAudit.run(
              newGlobalId(),
              now,
              staffId === undefined ? (actor?.id ?? null) : staffId,
              action,
              entity ?? null,
              entityId === undefined ? null : String(entityId),
              Object.keys(facts).length > 0 ? JSON.stringify(facts) : null,
            );
          },
          emit(type, payload) {
            const command = COMMANDS[type];
            const entityOf = command.entity as (p: EmitPayload<typeof type>) => string;
            const entity = entityOf(payload);
            const key = newGlobalId();
            const full = command.versioned ? { ...payload, baseChangeId: changeOf.get(entity) ?? null } : payload;
            // A document the cloud would refuse must never be stored: refuse it here, with the change.
            const checked = command.schema.parse(full) as CommandPayload<typeof type>;
            insertOutbox.run(device.identity().registerId, device.nextOutboxSeq(), key, type, command.version, entity, JSON.stringify(checked), now);
            if (command.versioned) setChange.run(entity, key);
          },
        };
        return work(context);
      }) as T;
    },
  };
}

/** Only the fields whose values differ, as `before` and `after` for an audit entry. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
