/**
 * The HTTP bridge of the browser preview: the same router Electron's ipcMain
 * uses, behind checks as strict as IPC. Only the page we serve can call it:
 * - Host must be our own 127.0.0.1:port (defeats DNS rebinding: a rebound
 *   page would send its own host name, and never sees the token);
 * - POSTs must come from our origin (Origin header; CSRF from other pages);
 * - and carry the per-run secret token, handed only to the page we serve (a
 *   stray local process or another origin never has it);
 * - and each client (browser cookie + tab id) has its own sign-in session, so
 *   whoever else reads the page starts signed out (client-sessions.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import type { Router } from '../main/ipc/router';
import { CLIENT_HEADER, createClientSessions, SESSION_COOKIE } from './client-sessions';

export const TOKEN_HEADER = 'x-pos-token';
export const TOKEN_META = 'pos-bridge-token';

export interface BridgeOptions {
  router: Router;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** `127.0.0.1:PORT`; `localhost:PORT` is accepted too (it only ever names this machine). */
  host: string;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** index.html with the token in a meta tag (no inline script: the CSP forbids it). */
function indexWithToken(rendererDir: string, token: string): string {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  return html.replace('<head>', `<head>\n    <meta name="${TOKEN_META}" content="${token}" />`);
}

export function createBridgeApp(options: BridgeOptions): Hono {
  const { router, rendererDir, token, host } = options;
  const sessions = createClientSessions(token);
  const port = host.slice(host.lastIndexOf(':') + 1);
  const allowedHosts = new Set([host, `localhost:${port}`]);
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!allowedHosts.has(c.req.header('host') ?? '')) return c.text('Forbidden host', 403);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Content-Security-Policy', CSP);
  });

  app.post(
    '/api/:channel',
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ ok: false, error: { code: 'VALIDATION', message: 'request too large' } }, 413) }),
    async (c) => {
      if (c.req.header('origin') !== `http://${c.req.header('host')}`) return c.json({ ok: false, error: { code: 'FORBIDDEN', message: 'cross-origin request refused' } }, 403);
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin') {
        return c.json({ ok: false, error: { code: 'FORBIDDEN', message: 'cross-site request refused' } }, 403);
      }
      if (!sameSecret(c.req.header(TOKEN_HEADER) ?? '', token)) {
        return c.json({ ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong bridge token' } }, 403);
      }
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
        return c.json({ ok: false, error: { code: 'VALIDATION', message: 'body must be application/json' } }, 415);
      }
      let input: unknown;
      try {
        input = await c.req.json();
      } catch {
        return c.json({ ok: false, error: { code: 'VALIDATION', message: 'body is not valid JSON' } }, 400);
      }
      const session = sessions.sessionFor(getCookie(c, SESSION_COOKIE), c.req.header(CLIENT_HEADER));
      if ('refused' in session) return c.json({ ok: false, error: { code: 'FORBIDDEN', message: session.refused } }, 403);
      const result = await router.call(c.req.param('channel'), input, session);
      c.header('Cache-Control', 'no-store');
      return c.json(result);
    },
  );
  app.all('/api/*', (c) => c.json({ ok: false, error: { code: 'NOT_FOUND', message: 'use POST /api/<channel>' } }, 405));

  const serveIndex = (c: Context) => {
    c.header('Cache-Control', 'no-store');
    if (!sessions.valid(getCookie(c, SESSION_COOKIE))) {
      setCookie(c, SESSION_COOKIE, sessions.mint(), { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
    return c.html(indexWithToken(rendererDir, token));
  };
  app.get('/', serveIndex);
  app.get('/index.html', serveIndex);
  app.get('/*', serveStatic({ root: rendererDir }));
  return app;
}
