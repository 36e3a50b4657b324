import { HELP_OPTION, parseOptions, required, wholeNumber } from '../args';
import type { Command } from '../command';
import { count, seconds } from '../format';

const MAX_SALES = 1_000_000;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Ring up realistic random sales through the till services',
  help: `Usage: admin simulate --db FILE --sales N [--seed S]

Rings up N sales on an existing, seeded store through the same services the
till uses: scans and searches, quantities, discounts (big ones approved with
the demo manager's PIN), customers on some sales, and split tender. Each sale
is committed whole, with stock movements, outbox and audit entries. For demo
history, benchmarks and tests. The same --seed on the same store gives the
same sales.

Options:
  --db FILE     the store database (must exist and have products)
  --sales N     number of sales, 1-${MAX_SALES}
  --seed S      random seed (default 1)
  -h, --help    show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, sales: { type: 'string' }, seed: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const sales = wholeNumber(required(values.sales, '--sales N'), '--sales', 1, MAX_SALES, 1);
    const seed = wholeNumber(values.seed, '--seed', 0, 0xffff_ffff, 1);
    const [{ openStore }, { simulateSales }, { createServices }] = await Promise.all([
      import('../db-files'),
      import('../../main/sales/simulate'),
      import('../../main/services'),
    ]);
    const { db } = openStore(file, { create: false });
    try {
      const services = createServices(db, { version: 'cli', shell: 'web' });
      const onProgress = io.stderrIsTTY ? (done: number, total: number) => io.progress(`simulating: ${count(done)} / ${count(total)} sales`) : undefined;
      const r = await simulateSales(services, { sales, seed, ...(onProgress ? { onProgress } : {}) });
      if (io.stderrIsTTY) io.progress('');
      const { currency, locale } = services.settings.store();
      const { formatMoney } = await import('../../shared/money');
      io.out(`simulated ${count(r.sales)} sales in ${seconds(r.ms)} on ${file}:`);
      io.out(`  lines         ${count(r.lines)}`);
      io.out(`  revenue       ${formatMoney(r.revenue, currency, locale)}`);
      io.out(`  with customer ${count(r.withCustomer)}, discounted ${count(r.discounted)}, split tender ${count(r.splitTender)}`);
    } finally {
      db.close();
    }
  },
};
