import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newGlobalId } from '../../shared/ids';
import { tempDb, type TempDb } from '../../../test/db';
import { createServices } from '../services';
import { createWriteStack } from '.';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const one = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).pluck().get(...args);
const staffDoc = () => ({ staffId: newGlobalId(), username: 'ana', displayName: 'Ana', role: 'admin' as const, active: true });

describe('the one write path', () => {
  it('writes the change, its audit entry and its outbox document together, numbered 1, 2, 3 for this register', () => {
    const { writes, device } = createWriteStack(t.db.sqlite, { now: () => new Date('2026-12-01T10:00:00.000Z') });
    for (let i = 0; i < 3; i++) {
      writes.mutate(null, (w) => {
        w.emit('staff.changed', staffDoc());
        w.audit({ action: 'staff.create', entity: 'staff_users', entityId: i, after: { username: 'ana' } });
      });
    }
    const rows = t.db.sqlite.prepare(`SELECT register_id AS registerId, seq, type, schema_version AS v, created_at AS at FROM sync_outbox ORDER BY id`).all();
    expect(rows).toEqual([1, 2, 3].map((seq) => ({ registerId: device.identity().registerId, seq, type: 'staff.changed', v: 1, at: '2026-12-01T10:00:00.000Z' })));
    expect(one(`SELECT details FROM audit_log ORDER BY id DESC LIMIT 1`)).toBe(JSON.stringify({ after: { username: 'ana' } }));
  });

  it('leaves no audit entry, no document and no gap in the sequence when the change fails', () => {
    const { writes } = createWriteStack(t.db.sqlite, { now: () => new Date() });
    writes.mutate(null, (w) => w.emit('staff.changed', staffDoc()));
    expect(() =>
      writes.mutate(null, (w) => {
        w.audit({ action: 'x' });
        w.emit('staff.changed', staffDoc());
        throw new Error('the business rule said no');
      }),
    ).toThrow('the business rule said no');
    // A payload the cloud would refuse is refused here, with the change.
    expect(() => writes.mutate(null, (w) => w.emit('staff.changed', { ...staffDoc(), staffId: '42' }))).toThrow(/staffId/);
    writes.mutate(null, (w) => w.emit('staff.changed', staffDoc()));
    expect(t.db.sqlite.prepare(`SELECT seq FROM sync_outbox ORDER BY seq`).pluck().all()).toEqual([1, 2]);
    expect(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'x'`)).toBe(0);
  });

  it('bases each edit of a versioned row on the change before it, and a new row on none', () => {
    const { writes } = createWriteStack(t.db.sqlite, { now: () => new Date() });
    const doc = staffDoc();
    for (const displayName of ['Ana', 'Ana M.', 'Ana María']) writes.mutate(null, (w) => w.emit('staff.changed', { ...doc, displayName }));
    const rows = t.db.sqlite
      .prepare<[], { key: string; payload: string }>(`SELECT idempotency_key AS key, payload FROM sync_outbox ORDER BY seq`)
      .all()
      .map((r) => ({ key: r.key, base: (JSON.parse(r.payload) as { baseChangeId: string | null }).baseChangeId }));
    expect(rows.map((r) => r.base)).toEqual([null, rows[0]!.key, rows[1]!.key]);
    expect(one(`SELECT change_id FROM sync_entity_versions WHERE entity_global_id = ?`, doc.staffId)).toBe(rows[2]!.key);
    // A failed edit leaves the row's version where it was.
    expect(() =>
      writes.mutate(null, (w) => {
        w.emit('staff.changed', { ...doc, displayName: 'X' });
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(one(`SELECT change_id FROM sync_entity_versions WHERE entity_global_id = ?`, doc.staffId)).toBe(rows[2]!.key);
    // Immutable facts carry no base.
    writes.mutate(null, (w) => w.emit('stock.moved', { movementId: newGlobalId(), variantId: newGlobalId(), quantity: 1, reason: 'adjustment', referenceId: null, staffId: null, occurredAt: new Date().toISOString() }));
    expect(JSON.parse(String(one(`SELECT payload FROM sync_outbox ORDER BY seq DESC LIMIT 1`)))).not.toHaveProperty('baseChangeId');
  });

  it('counts as pending everything after the newest acknowledged document', () => {
    const services = createServices(t.db, { version: 't', shell: 'web' });
    expect(services.outboxPending()).toBe(0);
    for (let i = 0; i < 5; i++) services.writes.mutate(null, (w) => w.emit('staff.changed', staffDoc()));
    expect(services.outboxPending()).toBe(5);
    t.db.sqlite.prepare(`UPDATE sync_outbox SET acked_at = 'now' WHERE seq <= 3`).run();
    expect(services.outboxPending()).toBe(2);
  });

  it('keeps documents immutable once written; only the push bookkeeping changes', () => {
    const { writes } = createWriteStack(t.db.sqlite, { now: () => new Date() });
    writes.mutate(null, (w) => w.emit('staff.changed', staffDoc()));
    expect(() => t.db.sqlite.prepare(`UPDATE sync_outbox SET payload = '{}'`).run()).toThrow(/immutable/);
    t.db.sqlite.prepare(`UPDATE sync_outbox SET attempts = 1, acked_at = 'now'`).run();
  });
});

describe('no writer but the write path', () => {
  /** Every TypeScript source outside tests; the write path is the one file allowed to write these tables. */
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    });
  }
  const root = path.resolve(import.meta.dirname, '../../..');
  const WRITE = /\b(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"']?(sync_outbox|audit_log)\b/i;
  const allowed = new Set([
    path.join(root, 'src/main/write/write-path.ts'),
    // The benchmark's baseline: the same rows as raw prepared statements, to price the write path against.
    path.join(root, 'bench/sell.bench.ts'),
    // The push client's bookkeeping: acked_at, attempts and last_error of documents already written (never a new row,
    // never a document's content: a trigger keeps those immutable).
    path.join(root, 'src/main/sync/push.ts'),
  ]);

  it('finds no other INSERT, UPDATE or DELETE of sync_outbox or audit_log in src, cloud, scripts or bench', () => {
    const offenders = ['src', 'cloud', 'scripts', 'bench', 'db/schema']
      .map((d) => path.join(root, d))
      .filter((d) => fs.existsSync(d))
      .flatMap(sources)
      .filter((f) => !allowed.has(f) && WRITE.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('finds no invoice state change outside the state machine', () => {
    const machine = path.join(root, 'src/main/sales/invoice-states.ts');
    const offenders = sources(path.join(root, 'src'))
      .filter((f) => f !== machine && /\bSET\b[^;`]*\bID_estado\s*=/i.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a writer', () => {
    expect(WRITE.test('sqlite.prepare(`INSERT INTO sync_outbox (seq) VALUES (1)`)')).toBe(true);
    expect(WRITE.test('db.exec("insert or ignore into audit_log values (1)")')).toBe(true);
    expect(WRITE.test('UPDATE  `audit_log` SET x = 1')).toBe(true);
    expect(WRITE.test('SELECT COUNT(*) FROM sync_outbox')).toBe(false);
  });
});
