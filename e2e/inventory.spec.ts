import { demoData } from './demo-data';
import { expect, test } from './fixtures';
import { cartLines, clearTill, login, scan, shot } from './helpers';

test('a manager adjusts stock on the grid, then counts a variant while it is sold: the sale is not erased', async ({ page }) => {
  // Three screens and a sale in one story: longer than one screen's test.
  test.slow();
  const v = demoData().stocked[7]!;
  await login(page, 'Carlos Gómez', '1357');
  await clearTill(page);
  await page.getByTestId('nav-inventory').click();

  // An adjustment on the colour x size grid, with a reason code.
  await page.getByTestId('settings-tab-adjust').click();
  await page.getByTestId('adjust-pick-query').fill(v.plu);
  await page.getByTestId('adjust-pick-search').click();
  const cell = page.locator('[data-testid^="adjust-grid-cell-"]:not([disabled])').first();
  await cell.fill('-1');
  await page.getByTestId('adjust-reason').selectOption('damage');
  await page.getByTestId('adjust-apply').click();
  await expect(page.getByTestId('adjust-done')).toBeVisible();
  await shot(page, '60-inventory-adjust-grid');

  // A count: the shelf has 1 unit of the variant (scanned once).
  await page.getByTestId('settings-tab-counts').click();
  await page.getByTestId('count-start').click();
  await page.getByTestId('count-scan').fill(v.barcode);
  await page.getByTestId('count-scan').press('Enter');
  const line = page.locator('[data-testid^="count-line-"]', { has: page.getByText(v.barcode) });
  await expect(line.getByRole('textbox')).toHaveValue('1');
  const expected = Number(await line.locator('td').nth(1).textContent());
  expect(expected).toBeGreaterThan(1);

  // Meanwhile that unit is sold at the till.
  await page.getByTestId('nav-sell').click();
  await scan(page, v.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.getByTestId('pay').click();
  await page.getByTestId('tender-cash').click();
  await page.getByTestId('quick-cash-exact').click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt-view')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // Applying books counted - expected (1 - snapshot), so the sale stays: 0 left, not 1.
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('settings-tab-counts').click();
  await page.locator('[data-testid^="count-open-"]').first().click();
  await expect(line.locator('td').nth(3)).toHaveText(String(expected - 1));
  await shot(page, '61-inventory-count-variances');
  await page.getByTestId('count-apply').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('count-status')).toHaveText('Aplicado');
  await page.getByTestId('settings-tab-stock').click();
  await page.getByTestId('stock-text').fill(v.barcode);
  await page.getByTestId('stock-apply').click();
  await expect(page.locator('[data-testid^="stock-stock-"]')).toHaveText(['0']);
  await page.locator('[data-testid^="stock-row-"]').first().click();
  await expect(page.getByTestId('movement-row').first()).toHaveAttribute('data-reason', 'count');
  await shot(page, '62-inventory-movements');
});

test('a cashier sees stock but cannot open stock adjustment', async ({ page }) => {
  await login(page, 'Mateo Rojas', '1470');
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('settings-tab-stock')).toBeVisible();
  await expect(page.getByTestId('settings-tab-adjust')).toHaveCount(0);
  await expect(page.getByTestId('settings-tab-counts')).toHaveCount(0);
});
