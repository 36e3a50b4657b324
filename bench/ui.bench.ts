/**
 * ui_scan_to_line_p95_ms: in Chromium against `npm run web` on the
 * 20,000-product demo store, from the scanner's Enter to the new cart line
 * painted. Measured inside the page: a capture listener stamps the Enter,
 * a MutationObserver sees the new line, and the time is taken in the first
 * task after the next animation frame (i.e. after that frame was painted).
 *
 * ui_first_scan_ms: the same for the first scan after sign-in, typed as soon
 * as the Sell screen shows (the instrumentation is in the page from its start).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER } from '../scripts/find-browser.mjs';
import type { Benchmark } from './lib/bench';
import { percentile, seededStore } from './lib/demo-store';
import { round } from './lib/stats';

/**
 * Page-side instrumentation, as source text: functions compiled by tsx carry
 * helper calls that do not exist inside the page.
 */
export const INSTRUMENT = `(() => {
  if (window.__scan) return;
  const s = (window.__scan = { t0: 0, times: [], lines: 0, waiters: [] });
  const record = (ms) => { s.times.push(ms); s.waiters.splice(0).forEach((w) => w()); };
  s.wait = (n) => new Promise((resolve) => { const check = () => (s.times.length >= n ? resolve(n) : s.waiters.push(check)); check(); });
  const count = () => document.querySelectorAll('[data-testid^="cart-line-"]').length;
  document.addEventListener('keydown', (e) => {
    // Only on the Sell screen: the PIN's Enter is not a scan.
    if (e.key === 'Enter' && document.querySelector('[data-testid="screen-sell"]')) { s.t0 = performance.now(); s.lines = count(); }
  }, { capture: true });
  const observe = () => new MutationObserver(() => {
    if (s.t0 && count() > s.lines) {
      const t0 = s.t0;
      s.t0 = 0;
      requestAnimationFrame(() => setTimeout(() => record(performance.now() - t0), 0));
    }
  }).observe(document.body, { childList: true, subtree: true });
  if (document.body) observe();
  else document.addEventListener('DOMContentLoaded', observe);
})()`;

export function startPreview(root: string, db: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/web.mjs'), '--no-build', '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /POS browser preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`preview exited ${code}: ${out}`)));
  });
}

const uiBench: Benchmark = {
  title: 'ui: scan to painted cart line in Chromium',
  async run(ctx) {
    const browserPath = await findBrowser();
    if (!browserPath) {
      ctx.log(`ui bench skipped: ${NO_BROWSER}`);
      return;
    }
    const build = spawnSync(path.join(ctx.repoRoot, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], { cwd: ctx.repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('renderer build failed');

    const { db, file, products } = await seededStore(ctx, 'ui.sqlite');
    db.close();
    const raw = new Database(file, { readonly: true });
    const scans = ctx.quick ? 30 : 100;
    const barcodes = raw
      .prepare(`SELECT barcode FROM tblprodXcolorXtalla WHERE inventario > 0 ORDER BY (idcolorxtalla * 7919) % 100003 LIMIT ?`)
      .pluck()
      .all(scans + 5) as string[];
    raw.close();

    const { url, child } = await startPreview(ctx.repoRoot, file);
    const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(INSTRUMENT);
      await page.goto(url);
      await page.getByRole('button', { name: /Lucía Pérez/ }).click();
      await page.keyboard.type('2468');
      await page.keyboard.press('Enter');
      await page.getByTestId('screen-sell').waitFor();
      // The first scan goes at once; then a few unmeasured scans warm the page and the statements.
      const type = async (code: string) => {
        await page.keyboard.type(code, { delay: 4 });
        await page.keyboard.press('Enter');
      };
      for (let i = 0; i < scans + 5; i++) {
        await type(barcodes[i]!);
        const seen = await Promise.race([page.evaluate(`window.__scan.wait(${i + 1})`), new Promise((r) => setTimeout(r, 10_000, 'timeout'))]);
        if (seen === 'timeout') throw new Error(`scan ${i + 1} (${barcodes[i]}) painted no cart line within 10 s`);
      }
      const all = (await page.evaluate('window.__scan.times')) as number[];
      const times = all.slice(5);
      ctx.record({
        name: 'ui_first_scan_ms',
        value: round(all[0]!, 1),
        unit: 'ms',
        aimBelow: 100,
        note: `the first scan after sign-in, typed as soon as the Sell screen shows; Enter to painted line; ${products} products${ctx.quick ? ' (quick run)' : ''}`,
      });
      ctx.record({
        name: 'ui_scan_to_line_p95_ms',
        value: round(percentile(times, 95), 1),
        unit: 'ms',
        aimBelow: 25,
        note: `${times.length} scans typed at scanner speed into the Sell screen; p50 ${round(percentile(times, 50), 1)} ms; Debian Chromium headless; ${products} products${ctx.quick ? ' (quick run)' : ''}`,
      });
    } finally {
      await browser.close();
      child.kill('SIGTERM');
    }
  },
};

export default uiBench;
