/**
 * Two registers of one store, each a browser preview (`npm run web`) with
 * its own database and sync loop, and a real cloud (`npm run cloud` on
 * PGlite, its own process) set up as IT would: `cloud:admin create-store`
 * and `register-code`, `admin register` for each database. A cashier sells
 * on register A while the cloud is down and watches the queue grow; the
 * cloud comes back and the queue drains to zero; register B's manager syncs
 * and sees the stock the sale took in the Sell screen's colour x size grid.
 *
 * Both registers need the store's catalog under the same global ids: the
 * demo seed draws fresh UUIDv7s on every run, so register B starts as a copy
 * of A's seeded file, given its own register identity (reprovisionDevice),
 * as a till cloned from another's image would be.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { reprovisionDevice } from '../src/main/device/device-identity';
import { startCloudProcess, type CloudProcess } from '../test/sync/cloud-process';
import { target } from './fixtures';
import { scan, SHOTS } from './helpers';

const root = path.resolve(import.meta.dirname, '..');

test.skip(target === 'electron', 'two browser-preview registers side by side: the preview only');

/** Runs a project command (node script) to completion; returns its stdout, throws with its stderr. */
function run(args: string[]): string {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

function startPreview(db: string): Promise<{ url: string; child: ChildProcess }> {
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

async function signIn(page: Page, url: string, name: string, pin: string) {
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(name) }).first().click();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-enter').click();
  await expect(page.getByTestId('cart')).toHaveAttribute('data-loaded', 'true');
}

/** The number in the status bar's "To send: N" / "Por enviar: N". */
async function queued(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-queue').textContent()) ?? '';
  const m = /(\d+)/.exec(text.replace(/[.,\s](?=\d{3}\b)/g, ''));
  if (!m) throw new Error(`no number in the status bar's queue: "${text}"`);
  return Number(m[1]);
}

/** Opens the colour x size grid of `productName` on the Sell screen and reads one cell's stock. */
async function gridStock(page: Page, productId: number, productName: string, variantId: number): Promise<number> {
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('scan-input').fill(productName);
  await page.getByTestId(`search-result-${productId}`).click();
  await expect(page.getByTestId('variant-picker')).toBeVisible();
  const stock = Number(await page.getByTestId(`variant-cell-${variantId}`).getAttribute('data-stock'));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('variant-picker')).toBeHidden();
  return stock;
}

test('a sale made while the cloud is down waits in the queue, drains when the cloud is back, and shows in the other register\'s stock', async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-sync-'));
  const dbA = path.join(dir, 'a.sqlite');
  const dbB = path.join(dir, 'b.sqlite');
  const cloudData = path.join(dir, 'cloud');
  const children: ChildProcess[] = [];
  let cloud: CloudProcess | null = null;
  try {
    // Register A: a seeded demo store. Register B: a copy of it, made its own register.
    run([path.join(root, 'scripts/admin.mjs'), 'seed', '--db', dbA, '--demo', '--products', '40']);
    const a = new Database(dbA);
    a.exec(`VACUUM INTO '${dbB}'`);
    const item = a
      .prepare(
        `SELECT v.idcolorxtalla AS variantId, v.barcode, v.inventario AS stock, p.id_producto AS productId, p.nombre_producto AS name
         FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto
         WHERE v.inventario >= 5 AND p.active = 1 ORDER BY v.idcolorxtalla LIMIT 1`,
      )
      .get() as { variantId: number; barcode: string; stock: number; productId: number; name: string };
    a.close();
    const b = new Database(dbB);
    // A's own documents (the seed's staff) stay A's to send.
    b.exec(`DELETE FROM sync_outbox`);
    reprovisionDevice(b, { now: () => new Date() }, 'R02');
    b.close();

    // The cloud, as IT sets it up: a store and two one-time codes, then the cloud itself.
    const admin = (...args: string[]) => run(['--import', 'tsx', path.join(root, 'cloud/src/admin.ts'), ...args, '--data', cloudData]);
    const storeId = admin('create-store', 'Moda Andina Centro');
    const codeA = admin('register-code', '--store', storeId, '--register-code', 'R01');
    const codeB = admin('register-code', '--store', storeId, '--register-code', 'R02');
    cloud = await startCloudProcess({ dataDir: cloudData });
    const port = cloud.port;
    expect(run([path.join(root, 'scripts/admin.mjs'), 'register', '--db', dbA, '--server', cloud.url, '--code', codeA])).toMatch(/as register R01/);
    expect(run([path.join(root, 'scripts/admin.mjs'), 'register', '--db', dbB, '--server', cloud.url, '--code', codeB])).toMatch(/as register R02/);

    const previewA = await startPreview(dbA);
    children.push(previewA.child);
    const previewB = await startPreview(dbB);
    children.push(previewB.child);
    const pageA = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(pageA, previewA.url, 'Lucía Pérez', '2468');
    await signIn(pageB, previewB.url, 'Carlos Gómez', '1357');

    // Both online with nothing to send (A's first round sent the seed's staff documents).
    await expect(pageA.getByTestId('status-sync')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect.poll(() => queued(pageA), { timeout: 30_000 }).toBe(0);
    expect(await gridStock(pageB, item.productId, item.name, item.variantId)).toBe(item.stock);

    // The cloud goes down; register A keeps selling, two sales of the same item.
    await cloud.stop();
    for (let sale = 1; sale <= 2; sale++) {
      await scan(pageA, item.barcode);
      await expect(pageA.getByTestId(/^cart-line-\d+$/)).toHaveCount(1);
      await pageA.getByTestId('pay').click();
      await pageA.getByTestId('tender-cash').click();
      await pageA.getByTestId('quick-cash-exact').click();
      await pageA.getByTestId('complete-sale').click();
      await expect(pageA.getByTestId('receipt-number')).toHaveText(/R01-\d{6}/);
      await pageA.getByTestId('new-sale').click();
      await expect.poll(() => queued(pageA), { timeout: 20_000 }).toBe(sale);
    }
    await expect(pageA.getByTestId('status-sync')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(pageA.getByTestId('status-sync-error')).toHaveAttribute('data-code', 'network');
    await pageA.screenshot({ path: `${SHOTS}/70-sync-offline-queue.png` });

    // The cloud is back on its address: the loop's next retry drains the queue.
    cloud = await startCloudProcess({ dataDir: cloudData, port });
    await expect.poll(() => queued(pageA), { timeout: 60_000 }).toBe(0);
    await expect(pageA.getByTestId('status-sync')).toHaveAttribute('data-state', 'online');
    await pageA.screenshot({ path: `${SHOTS}/71-sync-drained.png` });

    // Register B's manager syncs now (the loop would in 15 s) and sees the two units gone from the grid.
    await pageB.getByTestId('nav-settings').click();
    await pageB.getByTestId('settings-tab-sync').click();
    await pageB.getByTestId('sync-now').click();
    await expect(pageB.getByTestId('sync-now-result')).toHaveAttribute('data-ok', 'true');
    expect(await gridStock(pageB, item.productId, item.name, item.variantId)).toBe(item.stock - 2);
    await pageB.getByTestId('scan-input').fill(item.name);
    await pageB.getByTestId(`search-result-${item.productId}`).click();
    await pageB.screenshot({ path: `${SHOTS}/72-sync-other-register-stock.png` });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await cloud?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
