import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/find-browser.mjs';

// scripts/e2e.mjs sets these: a free port, a temp database, the browser found.
const port = Number(process.env.POS_E2E_PORT ?? 5181);
const db = process.env.POS_E2E_DB ?? '.web-data/e2e.sqlite';
const executablePath = process.env.POS_E2E_BROWSER;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['html', { outputFolder: 'e2e/artifacts/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  // Under POS_E2E_TARGET=electron the app itself is launched by e2e/fixtures.ts.
  webServer: process.env.POS_E2E_TARGET === 'electron' ? undefined : {
    command: `node scripts/web.mjs --no-build --db ${JSON.stringify(db)} --port ${port} --products 200`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
