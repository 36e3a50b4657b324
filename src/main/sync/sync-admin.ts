/**
 * What a manager does about sync problems (Settings > Sync):
 *
 * - a rejected document: retry (sent again as a new document, for when the
 *   cloud's reason is gone: a newer cloud, a fixed catalog) or drop (given
 *   up, with who and why); either way it stops waiting, and the original
 *   stays in the outbox with the note;
 * - a conflict (the cloud kept another register's edit of a row): keep the
 *   cloud's row, or re-apply this register's edit on top of it (a new edit,
 *   based on the cloud's version, so it wins unless someone edits again).
 *
 * Every action is audited; a document only ever leaves the outbox by push.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { COMMANDS, type CommandType, type EmitPayload } from '../../shared/sync/commands';
import { isoNow, type Clock } from '../db/clock';
import type { WritePath } from '../write/write-path';
import { createRemoteEntityApplier, isEntityType } from './apply-remote-entities';
import { settleRejected } from './push';

export interface ConflictRow {
  id: number;
  type: string;
  entityId: string;
  /** A name a person recognises: product PLU and name, customer name, tax code... */
  label: string;
  local: Record<string, unknown>;
  server: Record<string, unknown> | null;
  detectedAt: string;
}

export function createSyncAdmin(sqlite: Database.Database, writes: WritePath, clock: Clock) {
  const entities = createRemoteEntityApplier(sqlite, () => isoNow(clock));
  const s = {
    conflicts: sqlite.prepare<[number], { id: number; type: string; entityId: string; local: string; server: string | null; detectedAt: string }>(
      `SELECT id, type, entity_global_id AS entityId, local_payload AS local, server_payload AS server, detected_at AS detectedAt
         FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id LIMIT ?`,
    ),
    conflict: sqlite.prepare<[number], { id: number; type: string; entityId: string; local: string; resolvedAt: string | null }>(
      `SELECT id, type, entity_global_id AS entityId, local_payload AS local, resolved_at AS resolvedAt FROM sync_conflicts WHERE id = ?`,
    ),
    resolve: sqlite.prepare(`UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL`),
    rejected: sqlite.prepare<[number], { seq: number; type: string; payload: string; lastError: string }>(
      `SELECT seq, type, payload, last_error AS lastError FROM sync_outbox
        WHERE seq = ? AND acked_at IS NULL AND last_error IS NOT NULL AND register_id = (SELECT register_id FROM device_identity WHERE id = 1)`,
    ),
  };

  const label = (type: string, p: Record<string, unknown>): string => {
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
    if (type === 'product.upserted') return `${str('plu')} ${str('name')}`.trim();
    if (type === 'customer.upserted') return `${str('firstName')} ${str('lastName')} (${str('document')})`;
    if (type === 'tax_rate.changed') return `${str('code')} ${str('name')}`;
    if (type === 'staff.changed') return `${str('displayName')} (${str('username')})`;
    if (type === 'store_settings.changed') return str('storeName');
    return str('name') || str('code') || type;
  };

  return {
    conflicts(limit = 100): ConflictRow[] {
      return s.conflicts.all(limit).map((r) => {
        const local = JSON.parse(r.local) as Record<string, unknown>;
        return { id: r.id, type: r.type, entityId: r.entityId, label: label(r.type, local), local, server: r.server ? (JSON.parse(r.server) as Record<string, unknown>) : null, detectedAt: r.detectedAt };
      });
    },

    resolveConflict(id: number, resolution: 'keep_cloud' | 'reapply_mine', actorId: number): void {
      writes.mutate({ id: actorId }, (w) => {
        const c = s.conflict.get(id);
        if (!c) throw new DomainError('NOT_FOUND', `no conflict ${id}`, 'id');
        if (c.resolvedAt) throw new DomainError('CONFLICT', `conflict ${id} was already resolved`, 'id');
        if (resolution === 'reapply_mine') {
          if (!isEntityType(c.type) || !COMMANDS[c.type].versioned) throw new DomainError('VALIDATION', `a ${c.type} cannot be re-applied`, 'id');
          const { baseChangeId: _old, ...edit } = JSON.parse(c.local) as Record<string, unknown>;
          entities.writeRow(c.type, { ...edit, baseChangeId: null });
          // A new edit on the version this register holds now (the cloud's): the write path bases it there.
          w.emit(c.type as CommandType, edit as EmitPayload<CommandType>);
        }
        s.resolve.run(w.now, resolution, actorId, id);
        w.audit({ action: `sync.conflict_${resolution}`, entity: c.type, entityId: c.entityId, details: { conflict: id } });
      });
    },

    retryRejected(seq: number, actorId: number): void {
      writes.mutate({ id: actorId }, (w) => {
        const doc = s.rejected.get(seq);
        if (!doc) throw new DomainError('NOT_FOUND', `document #${seq} is not a rejected document waiting here`, 'seq');
        if (!Object.hasOwn(COMMANDS, doc.type)) throw new DomainError('VALIDATION', `${doc.type} is not a document this version can send`, 'seq');
        const { baseChangeId: _old, ...payload } = JSON.parse(doc.payload) as Record<string, unknown>;
        w.emit(doc.type as CommandType, payload as EmitPayload<CommandType>);
        settleRejected(sqlite, seq, `retried as a new document (was: ${doc.lastError})`, w.now);
        w.audit({ action: 'sync.rejected_retry', entity: 'sync_outbox', entityId: seq, details: { type: doc.type, reason: doc.lastError } });
      });
    },

    dropRejected(seq: number, reason: string, actorId: number): void {
      writes.mutate({ id: actorId }, (w) => {
        const doc = s.rejected.get(seq);
        if (!doc) throw new DomainError('NOT_FOUND', `document #${seq} is not a rejected document waiting here`, 'seq');
        settleRejected(sqlite, seq, `dropped: ${reason} (was: ${doc.lastError})`, w.now);
        w.audit({ action: 'sync.rejected_drop', entity: 'sync_outbox', entityId: seq, details: { type: doc.type, reason, was: doc.lastError } });
      });
    },
  };
}

export type SyncAdmin = ReturnType<typeof createSyncAdmin>;
