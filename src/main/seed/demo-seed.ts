/**
 * The demo database: a realistic clothing catalog (makers, categories,
 * options, products with colour x size variants, barcodes and initial stock),
 * customers with addresses, and staff with known PINs.
 *
 * Deterministic: the same `seed` and `products` give the same business data
 * on every run (names, PLUs, prices, barcodes, stock, dates). Global ids,
 * password salts and bookkeeping timestamps (updated_at, created_at of
 * customers and staff, which come from `clock`) differ.
 *
 * All-or-nothing: staff first (through the staff service, async), then
 * everything else in ONE synchronous transaction, which blocks the thread
 * (~7 s for 20,000 products on a 2-core machine): seed before serving
 * requests, not while the till is in use.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { isoNow, systemClock, type Clock } from '../db/clock';
import type { PosDb } from '../db/open';
import { must } from '../db/rows';
import { hashSecret } from '../staff/pin';
import { createProductPlanner, planMakers } from './catalog-plan';
import { createCatalogWriter } from './catalog-writer';
import { customerCountFor, planCustomers } from './customer-plan';
import { writeCustomers } from './customer-writer';
import { CATEGORIES, PRODUCT_OPTIONS } from './data/catalog-words';
import { MAX_DEMO_PRODUCTS, MAX_DEMO_SEED } from './limits';
import { createPrng } from './prng';
import { loadReferenceIds } from './reference-ids';
import { createDeviceService } from '../device/device-identity';
import { suspendSearchTriggers } from './search-triggers';
import { createDemoStaff } from './staff-seed';

export { DEFAULT_DEMO_PRODUCTS, DEFAULT_DEMO_SEED, MAX_DEMO_PRODUCTS, MAX_DEMO_SEED } from './limits';

/** onProgress is called after every this-many products (and at the end). */
const PROGRESS_EVERY = 500;

export interface SeedOptions {
  products: number;
  seed: number;
  clock?: Clock;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  seed: number;
  manufacturers: number;
  categories: number;
  options: number;
  products: number;
  productCategories: number;
  productOptions: number;
  variants: number;
  makerBarcodes: number;
  inStoreBarcodes: number;
  stockMovements: number;
  stockUnits: number;
  customers: number;
  customerAccounts: number;
  shippingAddresses: number;
  billingAddresses: number;
  staffCreated: string[];
  staffSkipped: string[];
  ms: number;
}

function validate(options: SeedOptions): void {
  if (!Number.isInteger(options.products) || options.products < 1 || options.products > MAX_DEMO_PRODUCTS) {
    throw new DomainError('VALIDATION', `products must be a whole number from 1 to ${MAX_DEMO_PRODUCTS}`, 'products');
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_DEMO_SEED) {
    throw new DomainError('VALIDATION', `seed must be a whole number from 0 to ${MAX_DEMO_SEED}`, 'seed');
  }
}

/** The demo seed only fills an empty store: seeding twice would duplicate the catalog. */
function assertEmptyStore(sqlite: Database.Database): void {
  const count = (table: string) => must(sqlite.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get(), `the row count of ${table}`);
  const products = count('tblproductos');
  const customers = count('tblclientes');
  if (products > 0 || customers > 0) {
    throw new DomainError(
      'CONFLICT',
      `database already has ${products} products and ${customers} customers; the demo seed only fills an empty store (use a new database file)`,
      'db',
    );
  }
}

export async function seedDemo(db: PosDb, options: SeedOptions): Promise<SeedReport> {
  validate(options);
  const { sqlite } = db;
  const clock = options.clock ?? systemClock;
  const started = performance.now();
  assertEmptyStore(sqlite);
  const ids = loadReferenceIds(sqlite);

  // Two independent streams: the customer list does not shift when the catalog size changes.
  const catalogPrng = createPrng(options.seed);
  const peoplePrng = createPrng((options.seed ^ 0x9e37_79b9) >>> 0);
  const customers = planCustomers(peoplePrng, customerCountFor(options.products));

  // The async parts (scrypt, on libuv's thread pool) run side by side, before
  // the one synchronous write transaction. Online-shop accounts get a random
  // password nobody knows: the demo needs the hash, not the login.
  const [staff, passwordHashes] = await Promise.all([
    createDemoStaff(sqlite, clock),
    Promise.all(customers.filter((c) => c.hasAccount).map(() => hashSecret(randomBytes(18).toString('base64url')))),
  ]);

  const now = isoNow(clock);
  const total = options.products;
  const report = sqlite.transaction(() => {
    // Checked again inside the transaction: the awaits above let other writers in.
    assertEmptyStore(sqlite);
    const search = suspendSearchTriggers(sqlite);
    // The demo store's till is register R01, as the README and its receipts show.
    createDeviceService(sqlite, clock).setRegisterCode('R01');
    const writer = createCatalogWriter(sqlite, ids, now);
    const makers = planMakers(catalogPrng);
    writer.addMakers(makers);
    writer.addCategories(CATEGORIES);
    writer.addOptions(PRODUCT_OPTIONS);
    const planner = createProductPlanner(catalogPrng, makers);

    let variants = 0;
    let makerBarcodes = 0;
    let stockMovements = 0;
    let stockUnits = 0;
    let productCategories = 0;
    let productOptions = 0;
    options.onProgress?.(0, total);
    for (let done = 1; done <= total; done++) {
      const plan = planner.next();
      const counts = writer.addProduct(plan);
      variants += counts.variants;
      stockMovements += counts.movements;
      stockUnits += counts.units;
      productCategories += plan.categories.length;
      productOptions += plan.options.length;
      if (plan.barcodeSource === 'maker') makerBarcodes += counts.variants;
      if (done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.(done, total);
    }
    search.restore();

    const people = writeCustomers(sqlite, ids, customers, passwordHashes, now);
    return {
      seed: options.seed,
      manufacturers: makers.length,
      categories: CATEGORIES.length,
      options: PRODUCT_OPTIONS.length,
      products: total,
      productCategories,
      productOptions,
      variants,
      makerBarcodes,
      inStoreBarcodes: variants - makerBarcodes,
      stockMovements,
      stockUnits,
      customers: people.customers,
      customerAccounts: people.accounts,
      shippingAddresses: people.shippingAddresses,
      billingAddresses: people.billingAddresses,
    };
  })();

  // The one big transaction leaves a WAL as large as the data; fold it in now rather than on first use.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { ...report, staffCreated: staff.created, staffSkipped: staff.skipped, ms: Math.round(performance.now() - started) };
}
