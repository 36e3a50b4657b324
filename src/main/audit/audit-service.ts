/**
 * Reading the audit log (only the write path writes it). Newest first, paged
 * by entry id (`before`), so a page never shifts while new entries arrive.
 */
import type Database from 'better-sqlite3';
import type { AuditEntryDto, AuditFacets, AuditPage } from '../../shared/ipc/dto-staff';

export interface AuditQuery {
  staffId?: number | null;
  /** An exact action, or a prefix ending in '.' ('sale.' matches every sale action). */
  action?: string | null;
  entity?: string | null;
  entityId?: string | null;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
  before?: number | null;
  limit?: number;
}

interface Row {
  id: number;
  occurred_at: string;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string | null;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

export function createAuditService(sqlite: Database.Database) {
  // One statement; a null parameter switches its filter off. Timestamps are ISO text, so day bounds compare as strings.
  const page = sqlite.prepare<Record<string, string | number | null>, Row>(
    `SELECT a.id, a.occurred_at, a.staff_id, s.display_name AS staff_name, a.action, a.entity, a.entity_id, a.details
       FROM audit_log a LEFT JOIN staff_users s ON s.id = a.staff_id
      WHERE (:before IS NULL OR a.id < :before)
        AND (:staffId IS NULL OR a.staff_id = :staffId)
        AND (:action IS NULL OR a.action = :action OR (:prefix IS NOT NULL AND substr(a.action, 1, length(:prefix)) = :prefix))
        AND (:entity IS NULL OR a.entity = :entity)
        AND (:entityId IS NULL OR a.entity_id = :entityId)
        AND (:from IS NULL OR a.occurred_at >= :from)
        AND (:to IS NULL OR a.occurred_at < :to)
      ORDER BY a.id DESC
      LIMIT :limit`,
  );
  const staff = sqlite.prepare<[], { id: number; displayName: string }>(
    `SELECT id, display_name AS displayName FROM staff_users WHERE id IN (SELECT DISTINCT staff_id FROM audit_log) ORDER BY display_name COLLATE NOCASE`,
  );
  const actions = sqlite.prepare<[], string>(`SELECT DISTINCT action FROM audit_log ORDER BY action`).pluck();
  const entities = sqlite.prepare<[], string>(`SELECT DISTINCT entity FROM audit_log WHERE entity IS NOT NULL ORDER BY entity`).pluck();

  const toDto = (r: Row): AuditEntryDto => ({
    id: r.id,
    occurredAt: r.occurred_at,
    staffId: r.staff_id,
    staffName: r.staff_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  });

  return {
    list(q: AuditQuery = {}): AuditPage {
      const limit = q.limit ?? 100;
      const prefix = q.action?.endsWith('.') ? q.action : null;
      const rows = page.all({
        before: q.before ?? null,
        staffId: q.staffId ?? null,
        action: q.action ?? null,
        prefix,
        entity: q.entity ?? null,
        entityId: q.entityId ?? null,
        from: q.from ? `${q.from}T00:00:00.000Z` : null,
        to: q.to ? `${nextDay(q.to)}T00:00:00.000Z` : null,
        limit: limit + 1,
      });
      const entries = rows.slice(0, limit).map(toDto);
      return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },

    facets(): AuditFacets {
      return { staff: staff.all(), actions: actions.all(), entities: entities.all() };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
