import { expect, test } from './fixtures';
import { makeEan13 } from '../src/main/catalog/ean13';
import { demoData } from './demo-data';
import { cartLines, clearTill, login, scan, shot } from './helpers';

// Read after the first sign-in: under Electron the app creates the database at launch.
let cached: ReturnType<typeof demoData> | undefined;
const store = () => (cached ??= demoData());

test.beforeEach(async ({ page }) => {
  await login(page, 'Lucía Pérez', '2468');
  await expect(page.getByTestId('screen-sell')).toBeVisible();
  // Start from an empty till whatever an earlier test left.
  await clearTill(page);
});

test('a cashier scans, searches, gets a discount approved, splits the payment and gets a receipt', async ({ page }) => {
  const [a, b, c] = store().stocked;
  // Focus is not in the scan box: the scanner is captured anyway.
  await page.getByTestId('cart').click();
  await scan(page, a!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await scan(page, b!.barcode);
  await expect(cartLines(page)).toHaveCount(2);

  // Type-ahead search, then pick a colour and size in the grid.
  const word = c!.name.split(' ')[0]!;
  await page.getByTestId('scan-input').fill(word.slice(0, 4));
  await expect(page.getByTestId('search-results')).toBeVisible();
  await page.getByTestId(`search-result-${c!.productId}`).or(page.getByTestId(/^search-result-\d+$/).first()).first().click();
  await expect(page.getByTestId('variant-picker')).toBeVisible();
  await shot(page, '30-variant-picker');
  await page.getByTestId(/^variant-cell-\d+$/).first().click();
  await expect(cartLines(page)).toHaveCount(3);

  // 25 % on the first line is above the 10 % threshold: a manager approves with a PIN.
  await cartLines(page).first().click({ position: { x: 40, y: 20 } });
  await expect(cartLines(page).first()).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('action-line-discount').click();
  await page.getByTestId('discount-kind-percent').click();
  await page.getByTestId('discount-value').fill('25');
  await page.getByTestId('discount-reason').fill('Cliente frecuente');
  await page.getByTestId('discount-submit').click();
  await expect(page.getByTestId('approval-dialog')).toBeVisible();
  await page.getByTestId(`approval-user-${store().managerId}`).click();
  await page.getByTestId('approval-pin').fill('1357');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-dialog')).toBeHidden();
  await expect(page.getByTestId(/^line-discount-\d+$/).first()).toContainText('25');
  await expect(cartLines(page).first()).toContainText('Carlos Gómez');
  await shot(page, '31-cart-with-discount');

  // Split tender: part by card, the rest in cash with change.
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('payment-dialog')).toBeVisible();
  await expect(page.getByTestId('complete-sale')).toBeDisabled();
  await page.getByTestId('tender-card').click();
  await page.getByTestId('tender-amount').fill('50000');
  await page.getByTestId('tender-reference').fill('AUTH-4471');
  await page.getByTestId('tender-add').click();
  await page.getByTestId('tender-cash').click();
  await page.locator('[data-testid^="quick-cash-"]:not([data-testid="quick-cash-exact"])').first().click();
  await expect(page.getByTestId('complete-sale')).toBeEnabled();
  await expect(page.getByTestId('change-due')).not.toHaveText(/\$\s?0,00/);
  await shot(page, '32-payment');
  // A double click still makes one sale.
  await page.getByTestId('complete-sale').dblclick();
  await expect(page.getByTestId('receipt-view')).toBeVisible();
  await expect(page.getByTestId('receipt-number')).toHaveText(/R01-\d{6}/);
  await expect(page.getByTestId('receipt-barcode')).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await shot(page, '33-receipt');
  const number = await page.getByTestId('receipt-number').textContent();

  await page.getByTestId('new-sale').click();
  await expect(cartLines(page)).toHaveCount(0);
  await page.getByTestId('action-history').click();
  await expect(page.getByTestId(/^history-\d+$/).filter({ hasText: number!.trim() })).toHaveCount(1);
});

test('park a sale, serve another customer, resume it', async ({ page }) => {
  const [a, b] = store().stocked.slice(4);
  await scan(page, a!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.getByTestId('action-park').click();
  await page.getByTestId('park-label').fill('Señora del abrigo');
  await page.getByTestId('park-submit').click();
  await expect(cartLines(page)).toHaveCount(0);

  await scan(page, b!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.getByTestId('action-parked').click();
  await expect(page.getByTestId('parked-list')).toContainText('Señora del abrigo');
  await shot(page, '34-parked');
  await page.getByTestId(/^parked-\d+$/).first().click();
  // The sale on screen has a line: the till says it will be parked in its place.
  await expect(page.getByTestId('resume-confirm')).toContainText('quedará en espera');
  await page.getByTestId('resume-confirm').getByTestId('confirm-ok').click();
  await expect(cartLines(page)).toHaveCount(1);
  await expect(cartLines(page).first()).toContainText(a!.name.split(' ')[0]!);
});

test('an unknown or misread barcode says so and the next scan works', async ({ page }) => {
  const unknown = makeEan13('299999999999');
  await scan(page, unknown);
  await expect(page.getByTestId('scan-error')).toContainText(unknown);
  await shot(page, '35-unknown-barcode');
  const good = store().stocked[8]!.barcode;
  const misread = good.slice(0, 12) + String((Number(good[12]) + 3) % 10);
  await scan(page, misread);
  await expect(page.getByTestId('scan-error')).toContainText(misread);
  await expect(cartLines(page)).toHaveCount(0);
  await scan(page, good);
  await expect(cartLines(page)).toHaveCount(1);
});

test('a sale in progress survives a reload', async ({ page }) => {
  await scan(page, store().stocked[10]!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('screen-sell')).toBeVisible();
  await expect(cartLines(page)).toHaveCount(1);
});

test('a customer is created at the till, with a field error first, and attached to the sale', async ({ page }) => {
  await scan(page, store().stocked[11]!.barcode);
  await expect(cartLines(page)).toHaveCount(1);
  await page.keyboard.press('F10');
  await expect(page.getByTestId('customer-dialog')).toBeVisible();
  await page.getByTestId('customer-new').click();
  const docNumber = String(Date.now()).slice(-10);
  await page.getByTestId('customer-field-document').fill(docNumber);
  await page.getByTestId('customer-field-firstName').fill('Valentina');
  await page.getByTestId('customer-field-lastName').fill('Ospina');
  await page.getByTestId('customer-field-email').fill('valentina-arroba-correo');
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-error-email')).toBeVisible();
  await shot(page, '36-customer-field-error');
  await page.getByTestId('customer-field-email').fill('valentina.ospina@example.com');
  await page.getByTestId('customer-create').click();
  await expect(page.getByTestId('customer-name')).toContainText('Valentina Ospina');
  if (await page.getByTestId('customer-dialog').isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByTestId('customer-dialog')).toBeHidden();
  await expect(page.getByTestId('customer-name')).toContainText('Valentina Ospina');
});
