/**
 * Issue #10's catalog figures on the 20,000-product demo store:
 * product_filter_p95_ms (the back office list: count + one page, random
 * filter mixes and pages), product_save_60_variants_ms (a new product with
 * a 6 x 10 grid and opening stock, through the editor's save: snapshot,
 * checks, apply, movements, audit, outbox) and csv_import_10k_products_s
 * (10,000 products x 15 variants: checks, then the one transaction).
 */
import { PRODUCT_CSV_COLUMNS } from '../src/shared/catalog/csv-columns';
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

    // --- product_save_60_variants_ms ---------------------------------------
    const manager = services.staff.list().find((u) => u.role === 'manager')!;
    // Six-digit PLUs the demo catalog does not use (so barcodes come from the PLU, as for a real store's).
    const taken = new Set(sqlite.prepare(`SELECT plu FROM tblproductos`).pluck().all() as string[]);
    let nextPlu = 100_000;
    const freePlu = () => {
      while (taken.has(String(nextPlu))) nextPlu++;
      taken.add(String(nextPlu));
      return String(nextPlu++);
    };
    const colorIds = sqlite.prepare(`SELECT id_color FROM tblcolor ORDER BY id_color LIMIT 6`).pluck().all() as number[];
    const sizeIds = sqlite.prepare(`SELECT id_talla FROM tbltallas ORDER BY sort_order LIMIT 10`).pluck().all() as number[];
    const saves = ctx.quick ? 30 : 100;
    const saveTimes: number[] = [];
    for (let i = 0; i < saves + 5; i++) {
      const input = {
        productId: null,
        plu: freePlu(),
        name: `Bench chaqueta ${i}`,
        description: null,
        manufacturerId: makers[0]!,
        departmentCode: 'UNISEX',
        categoryIds: [categories[0]!],
        optionIds: [],
        price: 19_990_000,
        costPrice: 9_000_000,
        taxCode: null,
        active: true,
        variants: colorIds.flatMap((colorId) => sizeIds.map((sizeId) => ({ colorId, sizeId, barcode: null, active: true, lowStockThreshold: 2, openingStock: 3 }))),
      };
      const t0 = performance.now();
      services.productEditor.save(input, manager);
      if (i >= 5) saveTimes.push(performance.now() - t0);
    }
    ctx.record({
      name: 'product_save_60_variants_ms',
      value: round(percentile(saveTimes, 50), 2),
      unit: 'ms',
      aimBelow: 30,
      note: `median of ${saves} new products with a 6 x 10 grid and opening stock (60 movements, 61 outbox documents each); p95 ${round(percentile(saveTimes, 95), 2)} ms; ${note}`,
    });

    // --- csv_import_10k_products_s -----------------------------------------
    const importProducts = ctx.quick ? 1_000 : 10_000;
    const colorCodes = sqlite.prepare(`SELECT code FROM tblcolor ORDER BY id_color LIMIT 3`).pluck().all() as string[];
    const sizeCodes = sqlite.prepare(`SELECT talla FROM tbltallas ORDER BY sort_order LIMIT 5`).pluck().all() as string[];
    const makerName = sqlite.prepare(`SELECT nombre_fabricante FROM tblfabricantes LIMIT 1`).pluck().get() as string;
    const lines = [PRODUCT_CSV_COLUMNS.join(',')];
    for (let p = 0; p < importProducts; p++) {
      const plu = freePlu();
      for (const c of colorCodes) for (const z of sizeCodes) lines.push(`${plu},Importado ${p},,${makerName},WOMEN,,,49900,20000,,1,${c},${z},,2,1`);
    }
    const csv = lines.join('\n');
    const t0 = performance.now();
    const job = services.csvJobs.start(csv, manager);
    await services.csvJobs.idle();
    const seconds = (performance.now() - t0) / 1000;
    const status = services.csvJobs.status(job.jobId);
    if (status.phase !== 'done') throw new Error(`CSV import bench: ${status.phase} ${status.failure ?? JSON.stringify(status.errors.slice(0, 3))}`);
    ctx.record({
      name: 'csv_import_10k_products_s',
      value: round(seconds, 1),
      unit: 's',
      aimBelow: 20,
      note: `${importProducts} products x ${colorCodes.length * sizeCodes.length} variants (${lines.length - 1} rows, ${(csv.length / 1e6).toFixed(1)} MB), checked then written in one transaction; ${note}`,
    });
    db.close();
  },
};

export default catalogBench;
