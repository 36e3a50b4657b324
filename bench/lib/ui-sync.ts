/**
 * ui_scan_during_sync_p95_ms: the browser preview over a register database
 * with a long queue, registered with a cloud process on PostgreSQL through a
 * proxy that holds the preview's first sync round until the cashier is
 * signed in and warmed up; then the round goes through (the preview's own
 * sync loop pushes the whole queue, 500 documents a batch) while scans are
 * typed at scanner speed. Only scans begun while the push ran are counted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { count, eq } from 'drizzle-orm';
import { openCloudDb } from '../../cloud/src/db';
import { createRegistrationCode, createStore } from '../../cloud/src/registry';
import { sales } from '../../cloud/src/schema';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER } from '../../scripts/find-browser.mjs';
import { openDatabase } from '../../src/main/db/open';
import { registerDevice } from '../../src/main/sync/register-device';
import { startCloudProcess } from '../../test/sync/cloud-process';
import { startFaultProxy } from '../../test/sync/fault-proxy';
import { INSTRUMENT, startPreview } from '../ui.bench';
import type { BenchContext } from './bench';
import { percentile } from './demo-store';
import { round } from './stats';

export async function scanDuringSync(ctx: BenchContext, queued: string, databaseUrl: string, salesCount: number): Promise<void> {
  const browserPath = await findBrowser();
  if (!browserPath) {
    ctx.log(`  ui_scan_during_sync skipped: ${NO_BROWSER}`);
    return;
  }
  const build = spawnSync(path.join(ctx.repoRoot, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts'], { cwd: ctx.repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('renderer build failed');

  const file = path.join(ctx.tmpDir, 'ui-sync.sqlite');
  fs.copyFileSync(queued, file);
  const raw = new Database(file, { readonly: true });
  // The best-stocked variants: after thousands of sales some are sold out, and a scan should just add a line.
  const barcodes = raw.prepare(`SELECT barcode FROM tblprodXcolorXtalla ORDER BY inventario DESC, idcolorxtalla LIMIT 400`).pluck().all() as string[];
  raw.close();

  const cloud = await startCloudProcess({ databaseUrl });
  const admin = await openCloudDb({ databaseUrl, poolSize: 2 });
  const proxy = await startFaultProxy(cloud.url);
  let preview: Awaited<ReturnType<typeof startPreview>> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    const storeId = await createStore(admin.db, 'Bench UI');
    const { db } = openDatabase(file, { migrationsFolder: path.join(ctx.repoRoot, 'db', 'migrations') });
    try {
      await registerDevice(db, { serverUrl: proxy.url, code: await createRegistrationCode(admin.db, storeId) });
    } finally {
      db.close();
    }
    proxy.mode = { kind: 'hold' };
    preview = await startPreview(ctx.repoRoot, file);
    browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(INSTRUMENT);
    await page.goto(preview.url);
    await page.getByRole('button', { name: /Lucía Pérez/ }).click();
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('screen-sell').waitFor();
    let scanned = 0;
    const starts: number[] = [];
    const scan = async () => {
      const code = barcodes[scanned % barcodes.length]!;
      starts.push(performance.now());
      await page.keyboard.type(code, { delay: 4 });
      await page.keyboard.press('Enter');
      scanned++;
      const seen = await Promise.race([page.evaluate(`window.__scan.wait(${scanned})`), new Promise((r) => setTimeout(r, 10_000, 'timeout'))]);
      if (seen === 'timeout') throw new Error(`scan ${scanned} (${code}) painted no cart line within 10 s`);
    };
    for (let i = 0; i < 5; i++) await scan();

    // The sync round the preview started at launch goes through now.
    const pushFrom = performance.now();
    proxy.release();
    let pushTo = 0;
    let stopWatching = false;
    const pushed = async () => (await admin.db.select({ n: count() }).from(sales).where(eq(sales.storeId, storeId)))[0]!.n;
    const watcher = (async () => {
      while (!stopWatching && (await pushed()) < salesCount) await new Promise((r) => setTimeout(r, 100));
      if (!stopWatching) pushTo = performance.now();
    })();
    // Scans until the push is over, or 300 of them (a slow push is still under way: those scans all ran during it).
    while (pushTo === 0 && scanned < 5 + 300) await scan();
    const scansEnd = performance.now();
    stopWatching = true;
    await watcher;
    const sent = await pushed();
    const end = pushTo || scansEnd;
    const times = (await page.evaluate('window.__scan.times')) as number[];
    const during = times.filter((_, i) => i >= 5 && starts[i]! >= pushFrom && starts[i]! < end);
    if (during.length < 10) throw new Error(`only ${during.length} scans ran during the push (${round((end - pushFrom) / 1000, 1)} s): too few to measure`);
    const window = pushTo ? `pushed ${salesCount} sales to PostgreSQL in ${round((pushTo - pushFrom) / 1000, 1)} s` : `had pushed ${sent} of ${salesCount} sales to PostgreSQL after ${round((scansEnd - pushFrom) / 1000, 1)} s (still pushing)`;
    ctx.record({
      name: 'ui_scan_during_sync_p95_ms',
      value: round(percentile(during, 95), 1),
      unit: 'ms',
      aimBelow: 50,
      note: `${during.length} scans while the preview's sync loop ${window}; p50 ${round(percentile(during, 50), 1)} ms; max ${round(Math.max(...during), 1)} ms; Debian Chromium headless`,
    });
  } finally {
    await browser?.close();
    preview?.child.kill('SIGTERM');
    await proxy.close();
    await admin.close();
    await cloud.stop();
  }
}
