/**
 * Serves an update feed folder over HTTP on 127.0.0.1: what tests and IT use
 * to try a build's update path before publishing (`npm run release:feed --
 * --serve`). Static files only, GET and HEAD, nothing outside the folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface FeedServer {
  /** Base URL of the feed, ending in `/`. */
  url: string;
  /** Paths requested, in order (tests read what the updater asked for). */
  requests: string[];
  close(): Promise<void>;
}

export interface FeedServerOptions {
  host?: string;
  port?: number;
  /** Called before a file is served; return true when it answered the request itself (tests inject faults here). */
  intercept?: (file: string, req: http.IncomingMessage, res: http.ServerResponse) => boolean;
}

export async function serveFeed(dir: string, options: FeedServerOptions = {}): Promise<FeedServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://feed').pathname);
    requests.push(pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (options.intercept?.(file, req, res)) return;
    const size = fs.statSync(file).size;
    res.writeHead(200, { 'content-type': file.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
