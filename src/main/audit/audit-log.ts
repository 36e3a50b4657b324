import type Database from 'better-sqlite3';
import { newGlobalId } from '../../shared/ids';
import { isoNow, type Clock } from '../db/clock';

export interface AuditEntry {
  staffId: number | null;
  action: string;
  entity?: string;
  entityId?: string | number;
  /** Plain facts; never secrets (PINs, tokens, passwords). */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends inside the caller's transaction when there is one. */
  record(entry: AuditEntry): void;
}

export function createAuditLog(sqlite: Database.Database, clock: Clock): AuditLog {
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (global_id, occurred_at, staff_id, action, entity, entity_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    record(entry) {
      insert.run(
        newGlobalId(),
        isoNow(clock),
        entry.staffId,
        entry.action,
        entry.entity ?? null,
        entry.entityId === undefined ? null : String(entry.entityId),
        entry.details === undefined ? null : JSON.stringify(entry.details),
      );
    },
  };
}
