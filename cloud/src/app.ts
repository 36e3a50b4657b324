/**
 * The cloud's HTTP API (Hono). It keeps nothing between requests: every
 * answer comes from PostgreSQL, so any number of these processes can serve
 * the same stores.
 *
 *   GET  /health        unauthenticated: { ok, db }
 *   POST /v1/register   { code, registerId } -> { token, storeId, registerCode }
 *   POST /v1/push       Bearer token; { documents } -> { results, lastAppliedSeq }
 *   GET  /v1/pull       Bearer token; ?after=CURSOR&limit=N -> { documents, cursor, more }
 *   GET  /v1/store      Bearer token; what the cloud holds for the store (initial upload goes only into an empty one)
 *   GET  /v1/snapshot/start | entities?type=T&after=ID | stock?horizon=H&after=ID | documents?horizon=H&after=CURSOR
 *                       Bearer token; a new register's first download, in pages
 *   GET  /v1/checksum   Bearer token; ?cursor=C -> stock and catalog checksums (convergence check)
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { COMMAND_TYPES, COMMANDS } from '../../src/shared/sync/commands';
import { MAX_PULL_PAGE, MAX_SNAPSHOT_PAGE, PullCursor, PushRequest, RegisterRequest } from '../../src/shared/sync/protocol';
import type { CloudDb } from './db';
import { pullDocuments } from './pull';
import { pushDocuments } from './push';
import { checksums, snapshotEntities, snapshotStart, snapshotStock, storeSummary } from './snapshot';
import { authenticate, CloudError, registerDevice, type Caller } from './registry';

/** A full batch of 500 sales with a few lines each fits well under this. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function createApp(db: CloudDb, log: Logger) {
  const app = new Hono<{ Variables: { caller: Caller } }>();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Never the Authorization header or the body: tokens and codes stay out of the logs.
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), register: c.get('caller')?.registerId }, 'request');
  });
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'too_large', message: `request bodies are limited to ${MAX_BODY_BYTES} bytes` }, 413) }));

  app.onError((err, c) => {
    if (err instanceof CloudError) return c.json({ error: err.code, message: err.message }, err.status);
    log.error({ err, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal', message: 'the cloud could not handle this request; try again' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.get('/health', async (c) => {
    await db.execute(sql`SELECT 1`);
    return c.json({ ok: true });
  });

  app.post('/v1/register', async (c) => {
    const input = await body(c, RegisterRequest);
    const result = await registerDevice(db, input);
    log.info({ store: result.storeId, register: input.registerId, registerCode: result.registerCode }, 'register registered');
    return c.json(result);
  });

  app.use('/v1/*', async (c, next) => {
    c.set('caller', await authenticate(db, c.req.header('authorization')));
    await next();
  });

  app.post('/v1/push', async (c) => {
    const { documents } = await body(c, PushRequest);
    const caller = c.get('caller');
    const answer = await pushDocuments(db, caller, documents);
    const count = (s: string) => answer.results.filter((r) => r.status === s).length;
    log.info({ store: caller.storeId, register: caller.registerId, applied: count('applied'), duplicate: count('duplicate'), rejected: count('rejected'), lastAppliedSeq: answer.lastAppliedSeq }, 'push');
    return c.json(answer);
  });

  app.get('/v1/pull', async (c) => {
    const after = c.req.query('after') ?? '0';
    if (!PullCursor.safeParse(after).success) throw new CloudError(400, 'bad_request', 'after: a pull cursor (a decimal transaction id) is required, "0" for the first pull');
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? MAX_PULL_PAGE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_PAGE) throw new CloudError(400, 'bad_request', `limit: a whole number from 1 to ${MAX_PULL_PAGE}`);
    const caller = c.get('caller');
    const answer = await pullDocuments(db, caller, after, limit);
    log.info({ store: caller.storeId, register: caller.registerId, after, cursor: answer.cursor, documents: answer.documents.length, more: answer.more }, 'pull');
    return c.json(answer);
  });

  app.get('/v1/store', async (c) => c.json(await storeSummary(db, c.get('caller'))));

  app.get('/v1/snapshot/start', async (c) => c.json(await snapshotStart(db, c.get('caller'))));

  app.get('/v1/snapshot/entities', async (c) => {
    const type = c.req.query('type') ?? '';
    if (!(COMMAND_TYPES as string[]).includes(type) || !COMMANDS[type as keyof typeof COMMANDS].versioned) {
      throw new CloudError(400, 'bad_request', `type: one of ${COMMAND_TYPES.filter((t) => COMMANDS[t].versioned).join(', ')}`);
    }
    const after = c.req.query('after') ?? '';
    if (after.length > 100) throw new CloudError(400, 'bad_request', 'after: an entity id');
    return c.json(await snapshotEntities(db, c.get('caller'), type, after, pageLimit(c, MAX_SNAPSHOT_PAGE)));
  });

  app.get('/v1/snapshot/stock', async (c) => {
    const horizon = cursorParam(c, 'horizon');
    const after = c.req.query('after') ?? '00000000-0000-0000-0000-000000000000';
    if (!/^[0-9a-f-]{36}$/.test(after)) throw new CloudError(400, 'bad_request', 'after: a variant id');
    return c.json(await snapshotStock(db, c.get('caller'), horizon, after, pageLimit(c, MAX_SNAPSHOT_PAGE)));
  });

  app.get('/v1/snapshot/documents', async (c) => {
    const horizon = cursorParam(c, 'horizon');
    const after = cursorParam(c, 'after');
    // The catalog facts that are documents, not rows: the store's whole history of them, below the horizon.
    const scope = { types: ['customer.address_added', 'tax_rate.assigned'], before: (BigInt(horizon) + 1n).toString() };
    return c.json(await pullDocuments(db, c.get('caller'), after, pageLimit(c, MAX_PULL_PAGE), scope));
  });

  app.get('/v1/checksum', async (c) => c.json(await checksums(db, c.get('caller'), cursorParam(c, 'cursor'))));

  return app;
}

function cursorParam(c: Context, name: string): string {
  const value = c.req.query(name) ?? '';
  if (!PullCursor.safeParse(value).success) throw new CloudError(400, 'bad_request', `${name}: a cursor (a decimal transaction id) is required`);
  return value;
}

function pageLimit(c: Context, max: number): number {
  const text = c.req.query('limit');
  const limit = text === undefined ? max : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new CloudError(400, 'bad_request', `limit: a whole number from 1 to ${max}`);
  return limit;
}

export type CloudApp = ReturnType<typeof createApp>;

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new CloudError(400, 'bad_json', 'the request body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CloudError(400, 'bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
