/**
 * The happy-dom environment replaces `fetch` with the browser's (CORS
 * checks against the test document's origin), which cannot reach a cloud on
 * 127.0.0.1 the way main does. Main's sync engine in renderer tests uses
 * this instead: a plain node:http request, as little of fetch as the sync
 * client needs (method, headers, a string body, a timeout signal; status and
 * text of the answer).
 */
import http from 'node:http';

export const nodeFetch: typeof globalThis.fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const req = http.request(url, { method: init?.method ?? 'GET', headers, signal: init?.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks).toString('utf8'), { status: res.statusCode ?? 500 })));
      res.on('error', reject);
    });
    req.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
    if (typeof init?.body === 'string') req.write(init.body);
    req.end();
  });
