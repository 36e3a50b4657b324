import { DEMO_STAFF } from '../../main/seed/demo-staff';
import { DEFAULT_DEMO_PRODUCTS, DEFAULT_DEMO_SEED, MAX_DEMO_PRODUCTS, MAX_DEMO_SEED } from '../../main/seed/limits';
import { HELP_OPTION, parseOptions, required, wholeNumber } from '../args';
import type { Command } from '../command';
import { UsageError } from '../exit';
import { count, seconds } from '../format';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Fill an empty store with a realistic, deterministic demo catalog',
  help: `Usage: admin seed --db FILE --demo [--products N] [--seed S]

Creates (or migrates) FILE and fills it with demo data: clothing makers,
categories, products with colour x size variants, barcodes and stock,
customers with addresses, and the demo staff with their known PINs. The same
--seed and --products give the same data on every machine. A database that
already has products or customers is refused (exit 1), so nothing is doubled.

Options:
  --db FILE       the store database (created if missing)
  --demo          seed the demo data set (the only kind for now)
  --products N    number of products, 1-${MAX_DEMO_PRODUCTS} (default ${DEFAULT_DEMO_PRODUCTS}; about 15 variants each)
  --seed S        random seed, 0-${MAX_DEMO_SEED} (default ${DEFAULT_DEMO_SEED})
  -h, --help      show this help

Demo staff (PINs are public: never keep them in a real store):
${DEMO_STAFF.map((u) => `  ${u.username.padEnd(9)} ${u.role.padEnd(8)} PIN ${u.pin}  ${u.displayName}`).join('\n')}`,

  async run(args, io) {
    const values = parseOptions(args, {
      db: { type: 'string' },
      demo: { type: 'boolean' },
      products: { type: 'string' },
      seed: { type: 'string' },
      ...HELP_OPTION,
    });
    const file = required(values.db, '--db FILE');
    if (!values.demo) throw new UsageError('missing --demo (the only kind of seed so far)');
    const products = wholeNumber(values.products, '--products', 1, MAX_DEMO_PRODUCTS, DEFAULT_DEMO_PRODUCTS);
    const seed = wholeNumber(values.seed, '--seed', 0, MAX_DEMO_SEED, DEFAULT_DEMO_SEED);

    // Loaded only now: the database code takes ~0.4 s to import, which --help and typos should not pay.
    const [{ openStore }, { seedDemo }] = await Promise.all([import('../db-files'), import('../../main/seed/demo-seed')]);
    const { db, report: opened } = openStore(file, { create: true });
    try {
      if (opened.created) io.out(`created ${file}: applied ${opened.applied} migrations`);
      const onProgress = io.stderrIsTTY
        ? (done: number, total: number) => io.progress(`seeding: ${count(done)} / ${count(total)} products`)
        : undefined;
      const r = await seedDemo(db, { products, seed, ...(onProgress ? { onProgress } : {}) });
      if (io.stderrIsTTY) io.progress('');
      io.out(`seeded ${file} (seed ${r.seed}) in ${seconds(r.ms)}:`);
      io.out(`  products        ${count(r.products)} from ${r.manufacturers} makers, in ${r.categories} categories, ${count(r.productOptions)} option links`);
      io.out(`  variants        ${count(r.variants)} (${count(r.makerBarcodes)} maker EAN-13, ${count(r.inStoreBarcodes)} in-store EAN-13)`);
      io.out(`  stock           ${count(r.stockUnits)} units in ${count(r.stockMovements)} initial movements`);
      io.out(`  customers       ${count(r.customers)} (${r.customerAccounts} with an online account), ${count(r.shippingAddresses)} shipping and ${count(r.billingAddresses)} billing addresses`);
      const pins = new Map(DEMO_STAFF.map((u) => [u.username, u.pin]));
      if (r.staffCreated.length > 0) {
        io.out(`  staff           ${r.staffCreated.map((u) => `${u} (PIN ${pins.get(u) ?? '?'})`).join(', ')}`);
      }
      if (r.staffSkipped.length > 0) io.out(`  staff kept      ${r.staffSkipped.join(', ')} already existed and kept their PINs`);
    } finally {
      db.close();
    }
  },
};
