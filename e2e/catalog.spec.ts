import { expect, test } from './fixtures';
import { cartLines, clearTill, login, shot } from './helpers';

/**
 * The back office's catalog as a manager uses it: a product with 3 colours x
 * 5 sizes and opening stock, found and sold at the till; its labels; the
 * product list scrolling and filtering the demo catalog.
 */
test('a manager creates a 3 x 5 product with stock, prints its labels, and it sells at the till', async ({ page }) => {
  await login(page, 'Carlos Gómez', '1357');
  await clearTill(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('screen-catalog')).toBeVisible();
  await expect(page.getByTestId('product-count')).toContainText(/\d/);
  await shot(page, '60-catalog-list');

  await page.getByTestId('product-new').click();
  await page.getByTestId('product-plu').fill('770077');
  await page.getByTestId('product-name').fill('Chaqueta impermeable trekking');
  await page.getByTestId('product-price').fill('189.900');
  await page.getByTestId('product-cost').fill('95.000');
  await page.getByTestId('product-dept').selectOption('UNISEX');
  for (const c of ['BLACK', 'NAVY', 'RED']) await page.getByTestId(`pick-color-${c}`).check();
  for (const s of ['XS', 'S', 'M', 'L', 'XL']) await page.getByTestId(`pick-size-${s}`).check();
  // Opening stock typed down a column: Enter moves to the next colour.
  await page.getByTestId('cell-BLACK-M-opening').fill('4');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cell-NAVY-M-opening')).toBeFocused();
  await page.keyboard.type('3');
  await page.getByTestId('cell-RED-L-opening').fill('2');
  await page.getByTestId('matrix-mode-threshold').locator('..').click();
  await page.getByTestId('fill-threshold').fill('1');
  await page.getByTestId('fill-threshold-apply').click();
  await shot(page, '61-product-editor-grid');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-saved')).toContainText('15');

  // Barcodes were generated: read one from the grid, print its labels.
  await page.getByTestId('matrix-mode-barcode').locator('..').click();
  const barcode = await page.getByTestId('cell-NAVY-M-barcode').inputValue();
  expect(barcode).toMatch(/^2\d{12}$/);
  await page.getByTestId('matrix-mode-labels').locator('..').click();
  await page.getByTestId('cell-NAVY-M-labels').fill('3');
  await page.getByTestId('cell-BLACK-M-labels').fill('2');
  await page.getByTestId('print-labels').click();
  await expect(page.getByTestId('labels-dialog')).toBeVisible();
  await expect(page.getByTestId(`label-${barcode}`)).toContainText('Chaqueta impermeable');
  await shot(page, '62-labels-preview');
  const download = page.waitForEvent('download');
  await page.getByTestId('labels-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await expect(page.getByTestId('labels-done')).toContainText('5');
  await page.keyboard.press('Escape');

  // At the till: the generated barcode sells the variant.
  await page.keyboard.press('F1');
  await page.getByTestId('cart').click();
  await page.keyboard.type(barcode, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(cartLines(page)).toHaveCount(1);
  await expect(cartLines(page).first()).toContainText('Chaqueta impermeable');
  await clearTill(page);
});

test('the product list scrolls to its end and filters by category and text', async ({ page }) => {
  await login(page, 'Carlos Gómez', '1357');
  await page.keyboard.press('F2');
  const count = page.getByTestId('product-count');
  await expect(count).toContainText(/\d/);
  const total = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(0);
  // Scrolling to the end shows the last rows, fetched as they come into view.
  await page.getByTestId('product-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId(/^product-row-/).last()).toBeVisible();
  const before = (await count.textContent()) ?? '';
  await page.getByTestId('product-filter-category').selectOption({ index: 1 });
  await expect(count).not.toHaveText(before);
  await page.getByTestId('product-filter-text').fill('zzzzqqq');
  await expect(count).toContainText('0');
  await shot(page, '63-catalog-filtered');
});
