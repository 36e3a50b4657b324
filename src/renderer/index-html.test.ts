/** The page shell: a favicon that exists, and a CSP meta tag with only what a meta tag can carry. */
import { describe, expect, it } from 'vitest';
import html from './index.html?raw';

/** What the build copies next to index.html. */
const publicFiles = import.meta.glob<string>('./public/*', { query: '?raw', import: 'default', eager: true });
const doc = new DOMParser().parseFromString(html, 'text/html');

describe('index.html', () => {
  it('links a favicon that the build ships (no 404 for /favicon.ico)', () => {
    const icon = doc.querySelector('link[rel="icon"]');
    const href = icon?.getAttribute('href') ?? '';
    expect(href).toMatch(/^\/[\w.-]+\.svg$/);
    const file = publicFiles[`./public${href}`];
    expect(file, href).toBeDefined();
    expect(file).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('has no CSP directive that a <meta> tag ignores (they belong in the header)', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const directives = csp.split(';').map((d) => d.trim().split(/\s+/)[0]);
    for (const ignored of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox']) expect(directives).not.toContain(ignored);
  });
});
