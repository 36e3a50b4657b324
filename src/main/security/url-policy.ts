/**
 * Navigation and link policy for the Electron windows, as pure functions so
 * tests can hold them to the checklist: the app loads only from its own
 * custom protocol (or the dev server in development), never navigates away,
 * and opens in the system browser only a short list of vetted https hosts.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hosts the app may open in the user's browser (help pages, support). */
const VETTED_EXTERNAL_HOSTS = new Set(['docs.pos-ropa.example', 'support.pos-ropa.example']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for our own renderer: app://pos/... (or the dev server URL in development). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && u.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
  }
  return false;
}

export function isVettedExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && VETTED_EXTERNAL_HOSTS.has(u.hostname);
}

/**
 * Maps app://pos/<path> to a file inside the renderer folder; null for
 * anything that would escape it (../, encoded slashes, absolute paths).
 */
export function resolveAppAsset(rendererDir: string, url: string, join: (...p: string[]) => string, sep: string): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const parts = pathname.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\\') || p.includes('\0'))) return null;
  const file = join(rendererDir, ...parts);
  return file.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep) ? file : null;
}
