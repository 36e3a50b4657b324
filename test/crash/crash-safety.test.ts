/**
 * Crash safety: a child process rings up sales through the services and is
 * killed with SIGKILL at random moments, many times. After each kill the
 * database is reopened and every sale the child reported complete must be
 * there whole, nothing half-written, integrity_check ok, stock equal to the
 * ledger, and the scanned lines of the sale in progress recovered.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { createPrng } from '../../src/main/seed/prng';
import { seedDemo } from '../../src/main/seed/demo-seed';
import { MIGRATIONS, tempDb, type TempDb } from '../db';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.POS_CRASH_KILLS ?? 20);

interface Reported {
  done: Map<string, { lines: number; total: number }>;
  lastLine: { draftId: number; lines: number } | null;
}

/** Runs the worker until SIGKILL after `ms`; collects what it reported. */
function runAndKill(file: string, seed: number, ms: number): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/crash/till-worker.ts'), file, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: Reported = { done: new Map(), lastLine: null };
    let buffer = '';
    let stderr = '';
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [kind, a, b, c] = line.split(' ');
        if (kind === 'LINE') {
          reported.lastLine = { draftId: Number(a), lines: Number(b) };
          // Kill relative to the first scan, so start-up time does not eat the window.
          if (!started) {
            started = true;
            setTimeout(() => child.kill('SIGKILL'), ms);
          }
        } else if (kind === 'DONE') {
          reported.done.set(a!, { lines: Number(b), total: Number(c) });
          reported.lastLine = null;
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`worker exited ${code}: ${stderr}`));
    });
  });
}

describe('a till killed at random moments', () => {
  let t: TempDb;
  beforeAll(async () => {
    t = tempDb();
    await seedDemo(t.db, { products: 30, seed: 5 });
    t.db.close();
  });
  afterAll(() => t.cleanup());

  it(`loses nothing it reported and never half-writes, over ${KILLS} kills`, async () => {
    const prng = createPrng(2026);
    const allDone = new Map<string, { lines: number; total: number }>();
    let recoveredDrafts = 0;
    for (let i = 0; i < KILLS; i++) {
      const reported = await runAndKill(t.file, 100 + i, prng.int(5, 400));
      for (const [k, v] of reported.done) allDone.set(k, v);

      const { db } = openDatabase(t.file, { migrationsFolder: MIGRATIONS });
      const one = <T>(sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).pluck().get(...args) as T;
      try {
        expect(one<string>('PRAGMA integrity_check')).toBe('ok');
        expect(one<number>('PRAGMA foreign_key_check') ?? null).toBeNull();
        // Every reported sale is there, whole.
        for (const [number, sale] of allDone) {
          const inv = db.sqlite.prepare(`SELECT id_facturas AS id, total_factura AS total, global_id AS gid FROM tblfacturas WHERE invoice_number = ?`).get(number) as
            | { id: number; total: number; gid: string }
            | undefined;
          expect(inv, `sale ${number} reported complete but missing`).toBeDefined();
          expect(inv!.total).toBe(sale.total);
          expect(one<number>(`SELECT COUNT(*) FROM tbldetalle_factura WHERE ID_factura = ?`, inv!.id)).toBe(sale.lines);
        }
        // No completed sale is half-written, reported or not.
        const broken = one<number>(`
          SELECT COUNT(*) FROM tblfacturas f JOIN tblestados_factura e ON e.id_estado = f.ID_estado AND e.code = 'COMPLETED'
          WHERE (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE invoice_id = f.id_facturas) <> f.total_factura + f.cash_rounding
             OR (SELECT COUNT(*) FROM stock_movements WHERE reference_id = f.global_id) <> (SELECT COUNT(*) FROM tbldetalle_factura WHERE ID_factura = f.id_facturas)
             OR (SELECT COUNT(*) FROM sync_outbox WHERE entity_global_id = f.global_id) <> 1
             OR f.invoice_number IS NULL`);
        expect(broken).toBe(0);
        // Numbers are gapless.
        const numbers = db.sqlite.prepare(`SELECT invoice_number FROM tblfacturas WHERE invoice_number IS NOT NULL ORDER BY invoice_number`).pluck().all() as string[];
        numbers.forEach((n, idx) => expect(n).toBe(`R01-${String(idx + 1).padStart(6, '0')}`));
        // Stock equals the ledger.
        expect(one<number>(`SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE inventario <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = v.idcolorxtalla)`)).toBe(0);
        // The sale in progress kept every line the till had shown.
        if (reported.lastLine) {
          const draftLines = one<number>(`SELECT COUNT(*) FROM tbldetalle_factura WHERE ID_factura = ?`, reported.lastLine.draftId);
          expect(draftLines).toBeGreaterThanOrEqual(reported.lastLine.lines);
          recoveredDrafts++;
        }
      } finally {
        db.close();
      }
    }
    expect(allDone.size).toBeGreaterThan(0);
    expect(recoveredDrafts).toBeGreaterThan(0);
    // The raw file agrees with what the app saw (no WAL left unreadable).
    const raw = new Database(t.file, { readonly: true });
    expect(raw.prepare(`SELECT COUNT(*) FROM tblfacturas WHERE invoice_number IS NOT NULL`).pluck().get()).toBeGreaterThanOrEqual(allDone.size);
    raw.close();
  }, 180_000);
});
