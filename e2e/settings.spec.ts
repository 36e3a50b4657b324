import { expect, test } from './fixtures';
import { login, shot } from './helpers';

test('a manager renames the store, sees a field error, and adds a tax rate', async ({ page }) => {
  await login(page, 'Carlos Gómez', '1357');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('screen-settings')).toBeVisible();
  await page.getByTestId('settings-tab-store').click();

  await page.getByTestId('setting-registerCode').fill('r 1');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-error-registerCode')).toBeVisible();
  await page.getByTestId('setting-registerCode').fill('R01');

  await page.getByTestId('setting-storeName').fill('Moda Andina Centro');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect(page.getByTestId('topbar-store')).toHaveText('Moda Andina Centro');
  await shot(page, '40-settings-store');

  await page.getByTestId('settings-tab-taxes').click();
  await page.getByTestId('tax-add').click();
  await page.getByTestId('tax-code').fill('INC8');
  await page.getByTestId('tax-name').fill('Impoconsumo 8 %');
  await page.getByTestId('tax-rate').fill('8');
  await page.getByTestId('tax-save').click();
  await expect(page.getByTestId('tax-row-INC8')).toContainText('8');
  await shot(page, '41-settings-taxes');

  // Managers see staff but only admins add users.
  await page.getByTestId('settings-tab-staff').click();
  await expect(page.getByTestId(/^staff-row-\d+$/)).toHaveCount(4);
  await expect(page.getByTestId('staff-add')).toHaveCount(0);
});

test('a cashier sees the settings read-only', async ({ page }) => {
  await login(page, 'Mateo Rojas', '1470');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-read-only')).toBeVisible();
  await expect(page.getByTestId('settings-save')).toHaveCount(0);
  await shot(page, '42-settings-cashier');
});
