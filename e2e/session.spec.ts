/**
 * A session that ends elsewhere (issue #7, item 15): the next call main
 * answers UNAUTHENTICATED takes the till back to the login screen, without the
 * old user, saying why. Main answers so when, say, an administrator disabled
 * the user; disabling a demo user would change the staff the other specs see,
 * so here the bridge's answer to the scan is replaced by main's refusal.
 */
import { expect, target, test } from './fixtures';
import { demoData } from './demo-data';
import { login, shot } from './helpers';

/** POST /api/pos:sales.scan (the channel name is URL-encoded). */
const SCAN_CALL = /\/api\/pos(:|%3A)sales\.scan$/;

test('a till whose session ended elsewhere goes back to the login screen and says so', async ({ page }) => {
  test.skip(target === 'electron', 'replaces an answer of the preview\'s HTTP bridge');
  await login(page, 'Lucía Pérez', '2468');
  await expect(page.getByTestId('topbar-user')).toContainText('Lucía Pérez');

  // Main no longer knows this session.
  await page.route(SCAN_CALL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'your session has ended: the user was disabled' } }) }),
  );
  await page.getByTestId('scan-input').focus();
  await page.keyboard.type(demoData().stocked[0]!.barcode, { delay: 5 });
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('screen-login')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
  await expect(page.getByTestId('topbar-user')).toHaveCount(0);
  await expect(page.getByTestId('session-ended')).toContainText('Su sesión terminó');
  await shot(page, '60-session-ended');

  // Signing in again works and the notice goes away.
  await page.unroute(SCAN_CALL);
  await page.getByRole('button', { name: /Lucía Pérez/ }).click();
  for (const digit of '2468') await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-enter').click();
  await expect(page.getByTestId('screen-sell')).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
});
