/**
 * Rings up realistic random sales through the same services the till uses:
 * scans and searches, quantities, discounts (big ones approved by a
 * manager's PIN), customers, split tender. For demo history, benchmarks and
 * tests. Deterministic for a given seed and store.
 */
import { randomUUID } from 'node:crypto';
import type { StaffSummary } from '../../shared/ipc/dto';
import { createPrng } from '../seed/prng';
import { DEMO_STAFF } from '../seed/demo-staff';
import type { Services } from '../services';
import type { TenderInput } from '../../shared/tender';

export interface SimulateOptions {
  sales: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulateReport {
  sales: number;
  lines: number;
  revenue: number;
  withCustomer: number;
  discounted: number;
  splitTender: number;
  ms: number;
}

const TENDER_PLANS = [
  ['cash'],
  ['card'],
  ['card'],
  ['transfer'],
  ['card', 'cash'],
  ['cash', 'card'],
] as const;

export async function simulateSales(services: Services, options: SimulateOptions): Promise<SimulateReport> {
  const started = performance.now();
  const prng = createPrng(options.seed);
  const { sqlite } = services.db;
  const staff = services.staff.list();
  const cashiers = staff.filter((s) => s.role === 'cashier').map(({ id, displayName, role }): StaffSummary => ({ id, displayName, role }));
  if (cashiers.length === 0) throw new Error('the store has no active cashier to ring up sales');
  const manager = staff.find((s) => s.role === 'manager');
  const managerPin = manager ? DEMO_STAFF.find((d) => d.username === manager.username)?.pin : undefined;
  const barcodes = sqlite
    .prepare<[], string>(`SELECT v.barcode FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto WHERE p.active = 1 ORDER BY v.idcolorxtalla`)
    .pluck()
    .all();
  const words = sqlite.prepare<[], string>(`SELECT nombre_producto FROM tblproductos ORDER BY id_producto LIMIT 500`).pluck().all();
  const customerIds = sqlite.prepare<[], number>(`SELECT id_cliente FROM tblclientes ORDER BY id_cliente`).pluck().all();
  if (barcodes.length === 0) throw new Error('the store has no products; seed it first');

  const report: SimulateReport = { sales: 0, lines: 0, revenue: 0, withCustomer: 0, discounted: 0, splitTender: 0, ms: 0 };
  for (let n = 0; n < options.sales; n++) {
    const actor = prng.pick(cashiers);
    // A sale left open (e.g. by a crash) is finished first, as a cashier would.
    const lineCount = prng.int(1, 6);
    for (let i = 0; i < lineCount; i++) {
      if (prng.chance(0.8)) {
        const found = services.catalog.scan(prng.pick(barcodes));
        if (found.kind === 'variant') services.sales.addVariant(actor, found.variant.variantId, prng.chance(0.85) ? 1 : prng.int(2, 3));
      } else {
        const word = prng.pick(words).split(' ')[0] ?? 'camisa';
        const hit = services.catalog.search(word.slice(0, 4), 5)[0];
        const cell = hit ? services.catalog.grid(hit.productId).cells.find((c) => c.stock > 0) : undefined;
        if (cell) services.sales.addVariant(actor, cell.variantId, 1, true);
      }
    }
    let cart = services.sales.current();
    if (cart.lines.length === 0) continue;
    if (prng.chance(0.15)) {
      const line = prng.pick(cart.lines);
      const big = prng.chance(0.3) && manager && managerPin;
      cart = await services.sales.setLineDiscount(
        actor,
        line.lineId,
        { kind: 'percent', percentBp: big ? 2000 : 500, reason: big ? 'Cliente frecuente' : 'Promoción' },
        big ? { userId: manager.id, pin: managerPin } : undefined,
      );
      report.discounted++;
    }
    if (customerIds.length && prng.chance(0.3)) {
      cart = services.sales.setCustomer(actor, prng.pick(customerIds));
      report.withCustomer++;
    }
    const total = cart.totals.total;
    const plan = prng.pick(TENDER_PLANS);
    const tenders: TenderInput[] = [];
    if (plan.length === 2) {
      const first = Math.floor(total * prng.int(20, 80) / 100);
      tenders.push(tender(plan[0], first, prng.digits(6)));
      tenders.push(tender(plan[1], plan[1] === 'cash' ? roundUp(total - first, 1_000_000) : total - first, prng.digits(6)));
      report.splitTender++;
    } else {
      tenders.push(tender(plan[0], plan[0] === 'cash' ? roundUp(total, 1_000_000) : total, prng.digits(6)));
    }
    services.completeSale(actor, tenders, randomUUID());
    report.sales++;
    report.lines += cart.lines.length;
    report.revenue += total;
    options.onProgress?.(n + 1, options.sales);
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

const tender = (method: TenderInput['method'], amount: number, ref: string): TenderInput =>
  method === 'cash' ? { method, amount } : { method, amount, reference: `AUTH-${ref}` };

/** Cash handed over: the next round note above the amount (10.000 COP = 1.000.000 minor units). */
const roundUp = (amount: number, step: number) => Math.max(step, Math.ceil(amount / step) * step);
