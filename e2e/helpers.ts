import type { Page } from '@playwright/test';
import { expect, openApp } from './fixtures';

export const SHOTS = 'e2e/artifacts/screenshots';

/** Signs in as a demo staff member by tapping their tile and the PIN pad. */
export async function login(page: Page, name: string, pin: string): Promise<void> {
  await signedOut(page);
  await page.getByRole('button', { name: new RegExp(name) }).first().click();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-enter').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  // Sign-in opens the Sell screen: wait until it shows the sale main holds, so a
  // spec that counts the lines left by an earlier one does not count too early.
  await expect(page.getByTestId('cart')).toHaveAttribute('data-loaded', 'true');
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/**
 * Opens the app at the login screen. The preview, like an Electron window,
 * keeps its sign-in across reloads, so sign out whoever the last test left.
 */
export async function signedOut(page: Page): Promise<void> {
  await openApp(page);
  await expect(page.getByTestId('screen-login').or(page.getByTestId('app-shell'))).toBeVisible();
  if (await page.getByTestId('app-shell').isVisible()) await page.getByTestId('logout').click();
  await expect(page.getByTestId('screen-login')).toBeVisible();
}

/** A barcode scanner: fast keystrokes ending in Enter, wherever focus is. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** The lines of the sale on the Sell screen. */
export const cartLines = (page: Page) => page.getByTestId(/^cart-line-\d+$/);

/** Cancels whatever sale an earlier spec left open, so a spec starts from an empty till. */
export async function clearTill(page: Page): Promise<void> {
  if ((await cartLines(page).count()) === 0) return;
  await page.getByTestId('action-void').click();
  await page.getByTestId('void-reason').fill('Limpieza de prueba');
  await page.getByTestId('void-submit').click();
  await expect(cartLines(page)).toHaveCount(0);
}
