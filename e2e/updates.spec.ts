import { expect, test } from './fixtures';
import { login, shot } from './helpers';

test('an admin reads Settings > Updates and chooses the channel; the preview says it does not update itself', async ({ page }) => {
  await login(page, 'Ana Martínez', '2580');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-updates').click();
  await expect(page.getByTestId('updates-phase')).toHaveText('No se actualiza aquí');
  await expect(page.getByTestId('updates-unsupported')).toBeVisible();
  await expect(page.getByTestId('updates-check')).toHaveCount(0);
  await page.getByTestId('updates-channel-select').selectOption('beta');
  await page.getByTestId('updates-channel-save').click();
  await expect(page.getByTestId('updates-channel')).toHaveText('Beta (versiones anticipadas) (elegido por Ana Martínez)');
  // Back to stable, as the other specs expect the demo store.
  await shot(page, '43-settings-updates');
  await page.getByTestId('updates-channel-select').selectOption('stable');
  await page.getByTestId('updates-channel-save').click();
  await expect(page.getByTestId('updates-channel')).toHaveText('Estable (elegido por Ana Martínez)');
});
