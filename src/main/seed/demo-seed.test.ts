import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { createWriteStack } from '../write';
import { isInStoreEan13, isValidEan13 } from '../catalog/ean13';
import type { Clock } from '../db/clock';
import { openDatabase, type PosDb } from '../db/open';
import { createStaffService } from '../staff/staff-service';
import { DEMO_STAFF } from './demo-staff';
import { seedDemo } from './demo-seed';
import { businessDataFingerprint } from './fingerprint';

const migrationsFolder = path.resolve(import.meta.dirname, '../../../db/migrations');
const clock: Clock = { now: () => new Date('2026-11-25T12:00:00.000Z') };

const open: PosDb[] = [];
function freshDb(): PosDb {
  const { db } = openDatabase(':memory:', { migrationsFolder, clock });
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const one = <T>(db: PosDb, sql: string): T => db.sqlite.prepare(sql).pluck().get() as T;

describe('seedDemo', () => {
  it('fills an empty store with a consistent catalog, stock, customers and staff', async () => {
    const db = freshDb();
    const triggersBefore = one<number>(db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'`);
    const progress: [number, number][] = [];
    const report = await seedDemo(db, { products: 60, seed: 3, clock, onProgress: (d, t) => progress.push([d, t]) });

    expect(report.products).toBe(60);
    expect(one<number>(db, 'SELECT COUNT(*) FROM tblproductos')).toBe(60);
    expect(one<number>(db, 'SELECT COUNT(*) FROM tblprodXcolorXtalla')).toBe(report.variants);
    expect(progress[0]).toEqual([0, 60]);
    expect(progress.at(-1)).toEqual([60, 60]);

    // Stock: inventario is exactly the ledger's sum, for every variant.
    const mismatches = one<number>(
      db,
      `SELECT COUNT(*) FROM tblprodXcolorXtalla v
        WHERE v.inventario <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements m WHERE m.variant_id = v.idcolorxtalla)`,
    );
    expect(mismatches).toBe(0);
    expect(one<number>(db, `SELECT COUNT(*) FROM stock_movements WHERE reason <> 'initial'`)).toBe(0);
    expect(one<number>(db, 'SELECT SUM(inventario) FROM tblprodXcolorXtalla')).toBe(report.stockUnits);

    // Variants per product within 4..30, and 1-2 categories each.
    const perProduct = db.sqlite
      .prepare(`SELECT COUNT(*) FROM tblprodXcolorXtalla GROUP BY ID_producto`)
      .pluck()
      .all() as number[];
    expect(perProduct).toHaveLength(60);
    for (const n of perProduct) {
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(30);
    }
    const catsPerProduct = db.sqlite
      .prepare(`SELECT COUNT(x.id_cat_prod) FROM tblproductos p LEFT JOIN tblcategoriasXproducto x ON x.ID_producto = p.id_producto GROUP BY p.id_producto`)
      .pluck()
      .all() as number[];
    for (const n of catsPerProduct) expect([1, 2]).toContain(n);

    // Barcodes: unique, valid EAN-13; in-store ones in 20-29, makers' ones outside it.
    const barcodes = db.sqlite.prepare('SELECT barcode FROM tblprodXcolorXtalla').pluck().all() as string[];
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const b of barcodes) expect(isValidEan13(b), b).toBe(true);
    const inStore = barcodes.filter(isInStoreEan13).length;
    expect(inStore).toBe(report.inStoreBarcodes);
    expect(barcodes.length - inStore).toBe(report.makerBarcodes);
    expect(report.makerBarcodes).toBeGreaterThan(0);

    // PLUs are unique 6-digit codes; prices are whole pesos ending in 900, in COP cents.
    const products = db.sqlite.prepare('SELECT plu, precio FROM tblproductos').all() as { plu: string; precio: number }[];
    expect(new Set(products.map((p) => p.plu)).size).toBe(60);
    for (const p of products) {
      expect(p.plu).toMatch(/^\d{6}$/);
      expect(p.precio % 100_000).toBe(90_000);
      expect(p.precio).toBeGreaterThanOrEqual(2_990_000);
      expect(p.precio).toBeLessThanOrEqual(45_990_000);
    }

    // Customers: at least 50, passwords only as scrypt hashes.
    expect(report.customers).toBeGreaterThanOrEqual(50);
    const secrets = db.sqlite.prepare(`SELECT "contraseña" FROM tblclientes WHERE "contraseña" IS NOT NULL`).pluck().all() as string[];
    expect(secrets.length).toBe(report.customerAccounts);
    for (const s of secrets) expect(s).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);

    // Search: the bulk load's lifted triggers are back and every product is indexed once.
    expect(one<number>(db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'`)).toBe(triggersBefore);
    expect(one<number>(db, 'SELECT COUNT(*) FROM product_search')).toBe(60);
    const somePlu = products[0]?.plu ?? '';
    expect(one<number>(db, `SELECT COUNT(*) FROM product_search WHERE product_search MATCH '"${somePlu}"'`)).toBe(1);
  });

  it('creates the demo staff with their documented PINs', async () => {
    const db = freshDb();
    const report = await seedDemo(db, { products: 5, seed: 1, clock });
    expect(report.staffCreated).toEqual(DEMO_STAFF.map((u) => u.username));
    const staff = createStaffService(db.sqlite, clock, createWriteStack(db.sqlite, clock).writes);
    const users = staff.list();
    for (const demo of DEMO_STAFF) {
      const user = users.find((u) => u.username === demo.username);
      expect(user?.role).toBe(demo.role);
      expect(user?.displayName).toBe(demo.displayName);
    }
    const cashier = users.find((u) => u.username === 'cashier');
    await expect(staff.authenticate(cashier?.id ?? -1, '2468')).resolves.toMatchObject({ role: 'cashier' });
  });

  it('gives the same business data for the same seed, and different data for another', async () => {
    const a = freshDb();
    const b = freshDb();
    const c = freshDb();
    await seedDemo(a, { products: 25, seed: 42, clock });
    await seedDemo(b, { products: 25, seed: 42, clock: { now: () => new Date('2027-01-01T00:00:00Z') } });
    await seedDemo(c, { products: 25, seed: 43, clock });
    expect(businessDataFingerprint(a.sqlite)).toBe(businessDataFingerprint(b.sqlite));
    expect(businessDataFingerprint(a.sqlite)).not.toBe(businessDataFingerprint(c.sqlite));
    // Global ids are per run, not per seed.
    expect(one<string>(a, 'SELECT global_id FROM tblproductos ORDER BY plu LIMIT 1')).not.toBe(
      one<string>(b, 'SELECT global_id FROM tblproductos ORDER BY plu LIMIT 1'),
    );
  });

  it('refuses a store that already has products, leaving it untouched', async () => {
    const db = freshDb();
    await seedDemo(db, { products: 5, seed: 1, clock });
    const before = businessDataFingerprint(db.sqlite);
    const err = await seedDemo(db, { products: 5, seed: 2, clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('CONFLICT');
    expect((err as DomainError).message).toMatch(/already has 5 products/);
    expect(businessDataFingerprint(db.sqlite)).toBe(before);
  });

  it('refuses nonsense sizes and seeds', async () => {
    const db = freshDb();
    for (const options of [{ products: 0, seed: 1 }, { products: 1.5, seed: 1 }, { products: 10, seed: -1 }, { products: 10, seed: 2 ** 32 }]) {
      await expect(seedDemo(db, options)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(one<number>(db, 'SELECT COUNT(*) FROM staff_users')).toBe(0);
  });
});
