import { expect, target, test } from './fixtures';
import { login, shot, signedOut } from './helpers';

const SCREENS = ['sell', 'catalog', 'inventory', 'customers', 'reports', 'settings'] as const;

test('the login screen lists the staff and refuses a wrong PIN', async ({ page }) => {
  await signedOut(page);
  for (const name of ['Ana Martínez', 'Carlos Gómez', 'Lucía Pérez', 'Mateo Rojas']) {
    await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  await shot(page, '01-login');
  await page.getByRole('button', { name: /Mateo Rojas/ }).click();
  for (const d of '9999') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
  await expect(page.getByTestId('login-error')).toContainText('4');
  await shot(page, '02-login-wrong-pin');
  // The physical keyboard works too.
  await page.keyboard.type('1470');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('app-shell')).toBeVisible();
});

test('a cashier signs in with a demo PIN and visits every screen', async ({ page }) => {
  await login(page, 'Lucía Pérez', '2468');
  await expect(page.getByTestId('topbar-user')).toContainText('Lucía Pérez');
  await expect(page.getByTestId('status-sync')).toBeVisible();
  await expect(page.getByTestId('status-queue')).toBeVisible();
  for (const [i, name] of SCREENS.entries()) {
    await page.getByTestId(`nav-${name}`).click();
    await expect(page.getByTestId(`screen-${name}`)).toBeVisible();
    await shot(page, `1${i}-screen-${name}`);
  }
  // Function keys switch screens from anywhere.
  await page.keyboard.press('F4');
  await expect(page.getByTestId('screen-customers')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('screen-sell')).toBeVisible();
});

test('the UI switches to English and back, and logout returns to the login', async ({ page }) => {
  await login(page, 'Carlos Gómez', '1357');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-settings')).toContainText('Settings');
  await shot(page, '20-english');
  await page.getByTestId('lang-es').click();
  await expect(page.getByTestId('nav-settings')).toContainText('Ajustes');
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('screen-login')).toBeVisible();
});

// The desktop app has no HTTP bridge (IPC only), so this one is for the preview.
if (target === 'web') {
  test('the bridge refuses a call without the page token', async ({ page }) => {
    await page.goto('/');
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/pos:session.staffList', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.status;
    });
    expect(status).toBe(403);
  });
}
