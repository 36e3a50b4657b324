/**
 * Issue #10's catalog figures on the 20,000-product demo store:
 * product_filter_p95_ms (the back office list: count + one page, random
 * filter mixes and pages).
 */
import { createPrng } from '../src/main/seed/prng';
import { createServices } from '../src/main/services';
import type { ProductQuery } from '../src/shared/catalog/product-query';
import type { Benchmark } from './lib/bench';
import { percentile, seededStore } from './lib/demo-store';
import { round } from './lib/stats';

const catalogBench: Benchmark = {
  title: 'catalog: product list filters',
  async run(ctx) {
    const { db, products } = await seededStore(ctx, 'catalog.sqlite');
    const note = ctx.quick ? `quick run: ${products} products` : `${products} products`;
    const services = createServices(db, { version: 'bench', shell: 'web' });
    const { sqlite } = db;
    // Thresholds on about a tenth of the variants, so "low stock" has something to find.
    sqlite.exec(`UPDATE tblprodXcolorXtalla SET low_stock_threshold = 3 WHERE idcolorxtalla % 10 = 0`);
    const prng = createPrng(7);
    const categories = sqlite.prepare(`SELECT id_catgoria FROM tblcategorias`).pluck().all() as number[];
    const makers = sqlite.prepare(`SELECT id_fabricante FROM tblfabricantes`).pluck().all() as number[];
    const words = (sqlite.prepare(`SELECT nombre_producto FROM tblproductos WHERE id_producto % 50 = 0`).pluck().all() as string[]).flatMap((n) => n.split(' ').filter((w) => w.length > 3));
    const barcodes = sqlite.prepare(`SELECT barcode FROM tblprodXcolorXtalla WHERE idcolorxtalla % 97 = 0`).pluck().all() as string[];
    const departments = ['WOMEN', 'MEN', 'KIDS', 'UNISEX'];
    const sorts = ['name', 'plu', 'newest', 'price'] as const;

    const query = (): ProductQuery => {
      const q: ProductQuery = { offset: 0, limit: 100, sort: prng.pick(sorts) };
      if (prng.chance(0.5)) q.text = prng.chance(0.1) ? prng.pick(barcodes) : prng.pick(words).slice(0, prng.int(3, 7));
      if (prng.chance(0.3)) q.categoryId = prng.pick(categories);
      if (prng.chance(0.3)) q.manufacturerId = prng.pick(makers);
      if (prng.chance(0.3)) q.departmentCode = prng.pick(departments);
      if (prng.chance(0.2)) q.status = prng.pick(['all', 'inactive'] as const);
      if (prng.chance(0.2)) q.lowStock = true;
      return q;
    };

    for (let i = 0; i < 200; i++) services.productList.query(query());
    const times: number[] = [];
    const runs = ctx.quick ? 500 : 2_000;
    for (let i = 0; i < runs; i++) {
      const q = query();
      const t0 = performance.now();
      const first = services.productList.query(q);
      // Scrolling: half the time the view then asks for a page further down.
      if (first.total > 100 && prng.chance(0.5)) services.productList.query({ ...q, offset: prng.int(1, Math.floor(first.total / 100)) * 100 });
      times.push(performance.now() - t0);
    }
    ctx.record({
      name: 'product_filter_p95_ms',
      value: round(percentile(times, 95), 2),
      unit: 'ms',
      aimBelow: 30,
      note: `${runs} filter changes (count + first page, half with a deeper page); p50 ${round(percentile(times, 50), 2)} ms, max ${round(Math.max(...times), 2)} ms; ${note}`,
    });
    db.close();
  },
};

export default catalogBench;
