/**
 * Starts a cloud process: opens (and migrates) the database, serves the API.
 * Used by `npm run cloud` and by tests, which start several on ephemeral ports.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from './app';
import { openCloudDb, type OpenedCloudDb } from './db';

export interface CloudServer {
  url: string;
  port: number;
  db: OpenedCloudDb;
  /** Stops listening; closes the database only when this server opened it. */
  close(): Promise<void>;
}

export interface StartCloudOptions {
  host?: string;
  /** 0: any free port. */
  port?: number;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already open database (tests share one PGlite between server restarts). */
  db?: OpenedCloudDb;
  log?: Logger;
}

export async function startCloud(options: StartCloudOptions): Promise<CloudServer> {
  const log = options.log ?? pino({ level: 'silent' });
  const owned = !options.db;
  const db = options.db ?? (await openCloudDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));
  const app = createApp(db.db, log);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    db,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open: a stopped cloud drops them, as a crash would.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      if (owned) await db.close();
    },
  };
}
