// Where the e2e suite and the UI benchmark find Chromium, in this order:
// CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own browser.
import fs from 'node:fs';

export async function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  try {
    const { chromium } = await import('@playwright/test');
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright's own browser is optional.
  }
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

export const NO_BROWSER = 'no Chromium found; install one with `apt-get install -y chromium` or set CHROMIUM_PATH.';

/** Flags for Chromium on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
