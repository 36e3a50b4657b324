/**
 * The cloud's HTTP API (Hono). It keeps nothing between requests: every
 * answer comes from PostgreSQL, so any number of these processes can serve
 * the same stores.
 *
 *   GET  /health        unauthenticated: { ok, db }
 *   POST /v1/register   { code, registerId } -> { token, storeId, registerCode }
 *   POST /v1/push       Bearer token; { documents } -> { results, lastAppliedSeq }
 *   GET  /v1/pull       Bearer token; ?after=CURSOR&limit=N -> { documents, cursor, more }
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { MAX_PULL_PAGE, PullCursor, PushRequest, RegisterRequest } from '../../src/shared/sync/protocol';
import type { CloudDb } from './db';
import { pullDocuments } from './pull';
import { pushDocuments } from './push';
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

  return app;
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
