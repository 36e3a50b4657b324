/**
 * A till that rings up sales until it is killed. It reports on stdout only
 * after each transaction has returned, so every reported fact must survive a
 * SIGKILL: `LINE <draftId> <lineCount>` after a scan, `DONE <invoiceNumber>
 * <lineCount> <total>` after a completed sale.
 */
import path from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { createPrng } from '../../src/main/seed/prng';
import { createServices } from '../../src/main/services';

const [file, seedArg] = process.argv.slice(2);
if (!file) throw new Error('usage: till-worker DB_FILE SEED');
const { db } = openDatabase(file, { migrationsFolder: path.resolve(import.meta.dirname, '../../db/migrations') });
const services = createServices(db, { version: 'crash-test', shell: 'web' });
const cashier = services.staff.list().find((s) => s.role === 'cashier')!;
const actor = { id: cashier.id, displayName: cashier.displayName, role: cashier.role };
const variants = db.sqlite.prepare(`SELECT idcolorxtalla FROM tblprodXcolorXtalla ORDER BY idcolorxtalla`).pluck().all() as number[];
const prng = createPrng(Number(seedArg ?? 1));
const pick = () => variants[Math.floor(prng.next() * variants.length)]!;

let saleNo = 0;
for (;;) {
  // Resume whatever the last run left in progress: that is the recovery path.
  let cart = services.sales.current();
  const target = 1 + Math.floor(prng.next() * 5);
  while (cart.lines.length < target) {
    cart = services.sales.addVariant(actor, pick(), 1 + Math.floor(prng.next() * 2));
    process.stdout.write(`LINE ${cart.draftId} ${cart.lines.length}\n`);
  }
  const total = cart.totals.total;
  const card = Math.floor(total / 3);
  const key = `crash-${process.pid}-${saleNo++}`;
  const done = services.completeSale(actor, [
    { method: 'card', amount: card, reference: 'AUTH' },
    { method: 'cash', amount: total - card + 5_000 },
  ], key);
  process.stdout.write(`DONE ${done.invoiceNumber} ${cart.lines.length} ${total}\n`);
}
