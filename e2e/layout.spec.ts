/// <reference lib="dom" />
/**
 * Money and quantities never wrap or clip on the Sell screen at 1024x768 and
 * 1366x768 (issue #7, items 8 and 9): a 9999 quantity, long line totals, a
 * ten-figure grand total and a billion in cash tendered. Screenshots go to
 * e2e/artifacts/screenshots/layout-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { cartLines, clearTill, login, scan, shot } from './helpers';

/**
 * Three items of the demo store: `big` is the dearest at most 90,000 (so 9999 of
 * it makes a ten-figure line total still under the most a sale can hold), then the two cheapest.
 */
function items(): { big: string; cheap: string; other: string } {
  const db = new Database(process.env.POS_E2E_DB ?? '', { readonly: true, fileMustExist: true });
  try {
    const pick = (order: string, where: string, limit: number) =>
      db
        .prepare(
          `SELECT v.barcode FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto
           WHERE v.inventario >= 3 AND p.active = 1 ${where} GROUP BY v.ID_producto ORDER BY p.precio ${order}, v.ID_producto LIMIT ${limit}`,
        )
        .pluck()
        .all() as string[];
    const [big] = pick('DESC', 'AND p.precio <= 9000000', 1);
    const [cheap, other] = pick('ASC', '', 2);
    return { big: big!, cheap: cheap!, other: other! };
  } finally {
    db.close();
  }
}

/** How a figure sits in its box: one line (by height and by line boxes) and nothing cut off. */
async function fitOf(locator: Locator) {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    const rows = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    const text = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
    return {
      text,
      // An input is one line by nature (and taller than its text for touch).
      height: el instanceof HTMLInputElement ? 0 : rect.height,
      fontSize: parseFloat(style.fontSize),
      rows: el instanceof HTMLInputElement ? 1 : rows.size,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      right: rect.right,
      left: rect.left,
      top: rect.top,
      bottom: rect.bottom,
    };
  });
}

async function expectFits(locator: Locator, label: string) {
  const fit = await fitOf(locator);
  expect(fit.rows, `${label} "${fit.text}" is on one line`).toBe(1);
  expect(fit.height, `${label} "${fit.text}" is one line high`).toBeLessThan(fit.fontSize * 1.9);
  expect(fit.scrollWidth, `${label} "${fit.text}" is not clipped`).toBeLessThanOrEqual(fit.clientWidth);
  return fit;
}

/** Types a quantity into a line's box; above 100 the till asks first. */
async function setQuantity(page: Page, line: Locator, quantity: string) {
  const id = await line.getAttribute('data-line-id');
  const box = page.getByTestId(`line-qty-${id}`);
  await box.fill(quantity);
  await box.press('Enter');
  if (Number(quantity) > 100) {
    await expect(page.getByTestId('confirm-dialog')).toContainText(new RegExp(`en ${quantity.replace(/\B(?=(\d{3})+$)/g, '[.]?')} unidades`));
    await page.getByTestId('confirm-ok').click();
  }
  await expect(box).toHaveValue(quantity);
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('money and quantities stay on one line and whole; long names have a tooltip', async ({ page }) => {
      const failed: string[] = [];
      page.on('response', (res) => {
        if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      });
      const consoleErrors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') consoleErrors.push(msg.text());
      });

      await login(page, 'Carlos Gómez', '1357');
      await expect(page.getByTestId('screen-sell')).toBeVisible();
      await clearTill(page);

      const { big, cheap, other } = items();
      for (const [i, item] of [big, cheap, other].entries()) {
        await page.getByTestId('scan-input').focus();
        await scan(page, item);
        await expect(cartLines(page)).toHaveCount(i + 1);
      }
      await setQuantity(page, cartLines(page).nth(0), '9999');
      await setQuantity(page, cartLines(page).nth(1), '250');
      // A percent discount on the last line (a manager needs no approval).
      await cartLines(page).nth(2).click({ position: { x: 40, y: 20 } });
      await page.getByTestId('action-line-discount').click();
      await page.getByTestId('discount-kind-percent').click();
      await page.getByTestId('discount-value').fill('15');
      await page.getByTestId('discount-reason').fill('Cliente frecuente');
      await page.getByTestId('discount-submit').click();
      await expect(page.getByTestId('discount-dialog')).toBeHidden();

      const total = page.getByTestId('cart-total');
      const grand = await expectFits(total, 'grand total');
      expect(grand.text.replace(/\D/g, '').length).toBeGreaterThanOrEqual(11);
      const panel = await page.getByTestId('cart-totals').boundingBox();
      expect(grand.right).toBeLessThanOrEqual(panel!.x + panel!.width);
      for (const id of ['cart-subtotal', 'cart-units', 'cart-discount']) {
        const row = await expectFits(page.getByTestId(id), id);
        expect(row.right, `${id} ends inside the totals panel`).toBeLessThanOrEqual(panel!.x + panel!.width);
      }

      for (let i = 0; i < 3; i++) {
        const id = await cartLines(page).nth(i).getAttribute('data-line-id');
        const qty = await expectFits(page.getByTestId(`line-qty-${id}`), `quantity of line ${i}`);
        expect(qty.text).toBe(['9999', '250', '1'][i]);
        const lineTotal = await expectFits(page.getByTestId(`line-total-${id}`), `total of line ${i}`);
        await expectFits(page.getByTestId(`line-price-${id}`), `price of line ${i}`);
        // The line total and the remove button do not overlap (side by side, or on different rows when narrow).
        const remove = (await page.getByTestId(`line-remove-${id}`).boundingBox())!;
        const overlaps = lineTotal.right > remove.x && lineTotal.left < remove.x + remove.width && lineTotal.bottom > remove.y && lineTotal.top < remove.y + remove.height;
        expect(overlaps, `total of line ${i} runs under the remove button`).toBe(false);
        // The name may be cut with an ellipsis; the full name is in its tooltip.
        const name = page.getByTestId(`line-name-${id}`);
        expect(await name.getAttribute('title')).toContain(await name.textContent());
        expect(await name.getAttribute('title')).toContain('PLU');
        // However it is cut, the last word (the collection) shows whole.
        const last = (await name.textContent())!.trim().split(' ').at(-1)!;
        const tail = await name.evaluate((el) => {
          const t = el.lastElementChild as HTMLElement;
          const box = t.getBoundingClientRect();
          const row = el.getBoundingClientRect();
          return { text: t.textContent!.trim(), clipped: t.scrollWidth > t.clientWidth + 1 || box.right > row.right + 1 || box.width === 0 };
        });
        expect(tail).toEqual({ text: last, clipped: false });
      }
      const discounted = await cartLines(page).nth(2).getAttribute('data-line-id');
      await expectFits(page.getByTestId(`line-discount-${discounted}`).locator('.fit'), 'discount of line 2');
      await shot(page, `layout-${viewport.width}x${viewport.height}-cart`);

      // A billion in cash on this sale: asked first, then the change fits its box.
      await page.keyboard.press('F9');
      const pay = page.getByTestId('payment-dialog');
      await expect(pay).toBeVisible();
      await expectFits(pay.getByTestId('payment-total'), 'amount due');
      await pay.getByTestId('tender-amount').fill('900000000000');
      await pay.getByTestId('tender-add').click();
      await expect(page.getByTestId('cash-confirm')).toBeVisible();
      await shot(page, `layout-${viewport.width}x${viewport.height}-cash-confirm`);
      await page.getByTestId('cash-confirm').getByTestId('confirm-ok').click();
      await expect(pay.getByTestId('tender-line-0')).toBeVisible();
      const change = await expectFits(pay.getByTestId('change-due'), 'change');
      const box = await pay.locator('.pay__figure--change').boundingBox();
      expect(change.right).toBeLessThanOrEqual(box!.x + box!.width);
      expect(change.left).toBeGreaterThanOrEqual(box!.x);
      await shot(page, `layout-${viewport.width}x${viewport.height}-pay`);
      await page.keyboard.press('Escape');

      // No 404 (favicon included) and no CSP directive the meta tag ignores.
      expect(failed).toEqual([]);
      expect(consoleErrors.filter((m) => /Content Security Policy|favicon|404/i.test(m))).toEqual([]);
      expect((await page.request.get('/favicon.svg')).status()).toBe(200);
    });
  });
}
