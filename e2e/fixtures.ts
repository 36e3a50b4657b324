/**
 * One suite, two targets. By default the specs drive Debian Chromium against
 * the browser preview (`npm run web`). With POS_E2E_TARGET=electron
 * (`npm run test:e2e -- --electron`, on a machine that has the Electron
 * binary) the same specs drive the built desktop app through _electron.launch,
 * on a temp demo database.
 */
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';

export const target: 'web' | 'electron' = process.env.POS_E2E_TARGET === 'electron' ? 'electron' : 'web';

const electronTest = base.extend<object, { electronApp: ElectronApplication }>({
  electronApp: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const app = await _electron.launch({
        args: ['out/main/index.js'],
        env: { ...process.env, POS_DB_FILE: process.env.POS_E2E_DB ?? '', POS_DEMO: '1' } as Record<string, string>,
      });
      await use(app);
      await app.close();
    },
    { scope: 'worker' },
  ],
  // The app's window replaces the browser page; no browser is launched.
  page: async ({ electronApp }, use) => use(await electronApp.firstWindow()),
});

export const test = target === 'electron' ? (electronTest as unknown as typeof base) : base;

export { expect };

/** The app's start page: the preview's URL, or a reload of the Electron window. */
export async function openApp(page: Page): Promise<void> {
  if (target === 'electron') await page.reload();
  else await page.goto('/');
}
