/**
 * Issue #10's stock figure: apply a 5,000-variant stock count (one 'count'
 * movement and one stock.moved document per variant with a difference, plus
 * the stock_count.applied document), on the demo store, through the service.
 */
import { createServices } from '../src/main/services';
import { createPrng } from '../src/main/seed/prng';
import type { Benchmark } from './lib/bench';
import { seededStore } from './lib/demo-store';
import { median, round } from './lib/stats';

const stockBench: Benchmark = {
  title: 'stock: apply a 5,000-variant count',
  async run(ctx) {
    const { db, products } = await seededStore(ctx);
    const services = createServices(db, { version: 'bench', shell: 'web' });
    const manager = services.staff.list().find((s) => s.role === 'manager');
    if (!manager) throw new Error('the demo store has no manager');
    const actor = { id: manager.id, displayName: manager.displayName, role: manager.role };
    const size = ctx.quick ? 1_000 : 5_000;
    const variants = db.sqlite.prepare(`SELECT idcolorxtalla AS id, inventario AS stock FROM tblprodXcolorXtalla WHERE active = 1 ORDER BY idcolorxtalla LIMIT ?`).all(size * 3) as { id: number; stock: number }[];
    const prng = createPrng(7);
    const times: number[] = [];
    const rounds = ctx.quick ? 2 : 3;
    for (let r = 0; r < rounds; r++) {
      const count = services.inventory.counts.start(actor, { scope: 'all' });
      // Each round counts a different slice, so every apply books real differences.
      const slice = variants.slice(r * size, (r + 1) * size);
      if (slice.length < size) throw new Error(`the demo store has only ${variants.length} variants; need ${size * 3}`);
      for (const v of slice) services.inventory.counts.record(actor, count.id, { variantId: v.id, quantity: Math.max(0, v.stock + prng.int(-2, 2)), mode: 'set' });
      const t0 = performance.now();
      services.inventory.counts.apply(actor, count.id);
      times.push(performance.now() - t0);
    }
    ctx.record({ name: 'stock_count_apply_5k_ms', value: round(median(times), 1), unit: 'ms', aimBelow: 500, note: `median of ${rounds} applies of ${size} counted variants (~4/5 with a difference); ${products} products${ctx.quick ? ' (quick run)' : ''}` });
  },
};

export default stockBench;
