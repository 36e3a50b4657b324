/**
 * Issue #7 as a cashier meets it, against the real router and database:
 * a discount that would grow asks a manager, tenders survive a reload, the
 * history finds a sale by its digits and marks a reprint COPY, the status
 * bar counts what waits for sync, the customer form shows every error and
 * warns about a shared email, and another tab starts signed out.
 */
import { expect, target, test } from './fixtures';
import { demoData } from './demo-data';
import { cartLines, clearTill, login, scan, shot } from './helpers';

let cached: ReturnType<typeof demoData> | undefined;
const store = () => (cached ??= demoData());

test.beforeEach(async ({ page }) => {
  await login(page, 'Lucía Pérez', '2468');
  await expect(page.getByTestId('screen-sell')).toBeVisible();
  await clearTill(page);
});

test('lowering the quantity under an amount discount asks a manager before the discount grows', async ({ page }) => {
  const item = store().stocked[0]!;
  await scan(page, item.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  const line = cartLines(page).first();
  const id = (await line.getAttribute('data-testid'))!.replace('cart-line-', '');
  await page.getByTestId(`line-qty-${id}`).fill('20');
  await page.getByTestId(`line-qty-${id}`).press('Enter');
  await expect(page.getByTestId(`line-qty-${id}`)).toHaveValue('20');

  // 10 % of the line as an amount: within the threshold, no PIN.
  const gross = Number((await page.getByTestId(`line-total-${id}`).textContent())!.replace(/\D/g, '')) / 100;
  await line.click({ position: { x: 40, y: 20 } });
  await page.getByTestId('action-line-discount').click();
  await page.getByTestId('discount-kind-amount').click();
  await page.getByTestId('discount-value').fill(String(Math.floor(gross / 10)));
  await page.getByTestId('discount-reason').fill('Volumen');
  await page.getByTestId('discount-submit').click();
  await expect(page.getByTestId('approval-dialog')).toBeHidden();
  await expect(page.getByTestId(`line-discount-${id}`)).toBeVisible();

  // Down to one unit: the same amount is now the whole line. A manager must approve.
  await page.getByTestId(`line-qty-${id}`).fill('1');
  await page.getByTestId(`line-qty-${id}`).press('Enter');
  await expect(page.getByTestId('approval-dialog')).toBeVisible();
  await expect(page.getByTestId('approval-dialog')).toContainText('100');
  await shot(page, '40-discount-growth-approval');
  await page.getByTestId(`approval-user-${store().managerId}`).click();
  await page.getByTestId('approval-pin').fill('1357');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-dialog')).toBeHidden();
  await expect(page.getByTestId(`line-qty-${id}`)).toHaveValue('1');
  await expect(line).toContainText('Carlos Gómez');
});

test('a card entered before a reload is still there, then the sale completes and its reprint says COPY', async ({ page }) => {
  await scan(page, store().stocked[1]!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.getByTestId('pay').click();
  await page.getByTestId('tender-card').click();
  await page.getByTestId('tender-amount').fill('1000');
  await page.getByTestId('tender-reference').fill('AUTH-RELOAD');
  await page.getByTestId('tender-add').click();
  await expect(page.getByTestId('tender-line-0')).toContainText('AUTH-RELOAD');

  await page.reload();
  await expect(page.getByTestId('payment-dialog')).toBeVisible();
  await expect(page.getByTestId('tender-line-0')).toContainText('AUTH-RELOAD');
  await shot(page, '41-tenders-after-reload');
  await page.getByTestId('tender-cash').click();
  await page.getByTestId('quick-cash-exact').click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt-view')).toBeVisible();
  await expect(page.getByTestId('receipt-copy')).toHaveCount(0);
  const number = (await page.getByTestId('receipt-number').textContent())!.trim();

  // The status bar counts the sale's documents waiting for sync.
  await expect(page.getByTestId('status-queue')).toHaveText(/^[1-9]\d* documento/, { timeout: 10_000 });

  await page.getByTestId('new-sale').click();
  await page.getByTestId('action-history').click();
  const digits = String(Number(number.split('-')[1]));
  await page.getByTestId('history-search').fill(digits);
  const row = page.getByTestId(/^history-\d+$/).filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId(/^history-\d+$/).first()).toContainText(number);
  await row.getByTestId(/^reprint-\d+$/).click();
  await expect(page.getByTestId('reprint-dialog').getByTestId('receipt-copy')).toHaveText('*** COPIA ***');
  await shot(page, '42-reprint-copy');
});

test('the customer form shows every error at once and warns about an email another customer has', async ({ page }) => {
  await scan(page, store().stocked[2]!.barcode);
  await page.keyboard.press('F10');
  await page.getByTestId('customer-new').click();
  const doc = String(Date.now()).slice(-9);
  await page.getByTestId('customer-field-document').fill(doc);
  await page.getByTestId('customer-field-firstName').fill('Mariana');
  await page.getByTestId('customer-field-lastName').fill('Ospina');
  await page.getByTestId('customer-field-email').fill('no-es-correo');
  await page.getByTestId('customer-field-phoneTypeCode').selectOption({ index: 1 });
  await page.getByTestId('customer-field-phone').fill('12');
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-error-email')).toBeVisible();
  await expect(page.getByTestId('customer-error-phone')).toBeVisible();
  await shot(page, '43-customer-all-errors');

  // An email that a customer of the demo store already has.
  const taken = 'compartido@example.com';
  await page.getByTestId('customer-field-phone').fill('');
  await page.getByTestId('customer-field-phoneTypeCode').selectOption({ index: 0 });
  await page.getByTestId('customer-field-email').fill(taken);
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-name')).toContainText('Mariana Ospina');
  if (await page.getByTestId('customer-dialog').isVisible()) await page.keyboard.press('Escape');
  // A new sale, a new customer with the same email.
  await clearTill(page);
  await scan(page, store().stocked[3]!.barcode);
  await page.keyboard.press('F10');
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-field-document').fill(String(Number(doc) + 1));
  await page.getByTestId('customer-field-firstName').fill('Julián');
  await page.getByTestId('customer-field-lastName').fill('Ospina');
  await page.getByTestId('customer-field-email').fill(taken.toUpperCase());
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-error-email')).toContainText('Mariana Ospina');
  await expect(page.getByTestId('customer-create')).toHaveText(/Guardar de todos modos/);
  await shot(page, '44-customer-email-taken');
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-name')).toContainText('Julián Ospina');
});

test('another tab of the preview starts signed out and keeps its own sign-in', async ({ page, context }) => {
  test.skip(target === 'electron', 'browser tabs are a preview matter; each Electron window already has its own session');
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('screen-login')).toBeVisible();
  await other.getByRole('button', { name: /Mateo Rojas/ }).click();
  for (const digit of '1470') await other.getByTestId(`pin-key-${digit}`).click();
  await other.getByTestId('pin-enter').click();
  await expect(other.getByTestId('topbar-user')).toContainText('Mateo Rojas');
  // The first tab is still Lucía's.
  await page.reload();
  await expect(page.getByTestId('topbar-user')).toContainText('Lucía Pérez');
  await other.close();
});
