/**
 * The cloud API over real HTTP, on PGlite and on the machine's PostgreSQL:
 * registration, authentication, exactly-once push, rejections, ordering,
 * tenant isolation, and (PostgreSQL) two cloud processes serving one register.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newGlobalId } from '../../src/shared/ids';
import type { OutboxDocument } from '../../src/shared/sync/commands';
import { PushResponse, type PushItemResult } from '../../src/shared/sync/protocol';
import type { OpenedCloudDb } from '../src/db';
import { createRegistrationCode, createStore, revokeRegister } from '../src/registry';
import { documents, registerCursors, registers, sales, stockMovements } from '../src/schema';
import { hashSecret, parseToken } from '../src/secrets';
import { startCloud, type CloudServer } from '../src/server';
import { saleDocument, saleDocuments } from './documents';
import { cloudTargets, postgresProblem, type Target } from './targets';

const targets = await cloudTargets();
const skippedPostgres = await postgresProblem;
// Shown as skipped in the report, with the reason (the run fails instead under CI=true).
if (skippedPostgres !== null) {
  describe.skip(`cloud API on postgres: SKIPPED, ${skippedPostgres}`, () => {
    it('runs every case below on PostgreSQL too', () => undefined);
  });
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function push(url: string, token: string, docs: unknown[]): Promise<PushResponse> {
  const { status, json } = await post(url, '/v1/push', { documents: docs }, token);
  expect(status, JSON.stringify(json)).toBe(200);
  return PushResponse.parse(json);
}

const statuses = (r: PushResponse) => r.results.map((x) => (x.status === 'rejected' ? `rejected:${x.reason}` : x.status));

describe.each(targets)('cloud API on $name', ({ make }) => {
  let target: Target;
  let opened: OpenedCloudDb;
  let cloud: CloudServer;

  beforeAll(async () => {
    target = await make();
    opened = await target.open();
    cloud = await startCloud({ db: opened });
  });
  afterAll(async () => {
    await cloud?.close();
    await target?.dispose();
  });

  /** A new store with one registered register: what most cases start from. */
  async function registered(storeName = 'Tienda') {
    const storeId = await createStore(opened.db, storeName);
    const registerId = newGlobalId();
    const code = await createRegistrationCode(opened.db, storeId);
    const { status, json } = await post(cloud.url, '/v1/register', { code, registerId });
    expect(status, JSON.stringify(json)).toBe(200);
    return { storeId, registerId, token: json.token as string, registerCode: json.registerCode as string };
  }

  const salesOf = async (storeId: string) => (await opened.db.select({ n: count() }).from(sales).where(eq(sales.storeId, storeId)))[0]!.n;
  const cursorOf = async (storeId: string, registerId: string) =>
    (await opened.db.select().from(registerCursors).where(and(eq(registerCursors.storeId, storeId), eq(registerCursors.registerId, registerId))))[0]!.lastAppliedSeq;

  it('answers /health without a token and every other endpoint only with one', async () => {
    const health = await fetch(new URL('/health', cloud.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const { status, json } = await post(cloud.url, '/v1/push', { documents: [] });
    expect(status).toBe(401);
    expect(json.error).toBe('unauthorized');
  });

  it('registers a till with a one-time code, keeps only the hash of its token, refuses bad and revoked tokens', async () => {
    const storeId = await createStore(opened.db, 'Centro');
    const code = await createRegistrationCode(opened.db, storeId, { registerCode: 'R07' });
    const registerId = newGlobalId();
    const first = await post(cloud.url, '/v1/register', { code, registerId });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ storeId, registerCode: 'R07' });
    const token = first.json.token as string;

    // The code works once.
    const again = await post(cloud.url, '/v1/register', { code, registerId: newGlobalId() });
    expect(again.status).toBe(403);
    expect(again.json.error).toBe('bad_code');

    // Only sha256 of the token's secret is stored; the token itself appears nowhere in the row.
    const [row] = await opened.db.select().from(registers).where(and(eq(registers.storeId, storeId), eq(registers.registerId, registerId)));
    expect(row!.tokenHash).toBe(hashSecret(parseToken(token)!.secret));
    expect(JSON.stringify(row)).not.toContain(parseToken(token)!.secret);

    expect((await push(cloud.url, token, [saleDocument(registerId, 1, 'R07')])).results[0]!.status).toBe('applied');

    // A wrong secret, a token of another register, garbage: 401.
    const forged = `${storeId}.${registerId}.${'A'.repeat(43)}`;
    for (const bad of [forged, `${storeId}.${newGlobalId()}.${parseToken(token)!.secret}`, 'not-a-token']) {
      const r = await post(cloud.url, '/v1/push', { documents: [saleDocument(registerId, 2)] }, bad);
      expect(r.status, bad).toBe(401);
    }

    await revokeRegister(opened.db, storeId, registerId, 'till stolen');
    const revoked = await post(cloud.url, '/v1/push', { documents: [saleDocument(registerId, 2, 'R07')] }, token);
    expect(revoked.status).toBe(403);
    expect(revoked.json.error).toBe('register_revoked');
    expect(revoked.json.message).toMatch(/R07 was revoked .*till stolen/);
    expect(await salesOf(storeId)).toBe(1);
  });

  it('registers many tills of one store at once, each with its own next code', async () => {
    const storeId = await createStore(opened.db, 'Norte');
    const codes = await Promise.all(Array.from({ length: 8 }, () => createRegistrationCode(opened.db, storeId)));
    const answers = await Promise.all(codes.map((code) => post(cloud.url, '/v1/register', { code, registerId: newGlobalId() })));
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 200));
    expect(answers.map((a) => a.json.registerCode).sort()).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08']);
  });

  it('applies a register\'s sales exactly once, and a retry after a lost response applies nothing twice', async () => {
    const { storeId, registerId, token } = await registered();
    const batch = saleDocuments(registerId, 1, 20);
    const first = await push(cloud.url, token, batch);
    expect(statuses(first)).toEqual(Array(20).fill('applied'));
    expect(first.lastAppliedSeq).toBe(20);
    // The client never saw that answer (connection lost after the commit): it sends the same batch again.
    const retry = await push(cloud.url, token, batch);
    expect(statuses(retry)).toEqual(Array(20).fill('duplicate'));
    // A partly new batch: the old part is duplicate, the new part applies.
    const more = await push(cloud.url, token, [...batch.slice(15), ...saleDocuments(registerId, 21, 5)]);
    expect(statuses(more)).toEqual([...Array(5).fill('duplicate'), ...Array(5).fill('applied')]);
    expect(await salesOf(storeId)).toBe(25);
    const moved = await opened.db.select({ n: count() }).from(stockMovements).where(eq(stockMovements.storeId, storeId));
    expect(moved[0]!.n).toBe(25);
    expect(await cursorOf(storeId, registerId)).toBe(25);
    // The same document under a new number (a restored till re-emitting it) is not applied again either.
    const renumbered = await push(cloud.url, token, [{ ...batch[0]!, seq: 26 }]);
    expect(statuses(renumbered)).toEqual(['duplicate']);
    expect(await salesOf(storeId)).toBe(25);
    expect(await cursorOf(storeId, registerId)).toBe(26);
  });

  it('rejects a malformed item among good ones with a reason, applies the good ones, and answers the same rejection again', async () => {
    const { storeId, registerId, token } = await registered();
    const [d1, d2, d3, d4, d5] = saleDocuments(registerId, 1, 5) as [OutboxDocument, OutboxDocument, OutboxDocument, OutboxDocument, OutboxDocument];
    const malformed = { ...d2, payload: { ...(d2.payload as object), total: 'fifty' } };
    const unknownType = { ...d4, type: 'sale.teleported' };
    const oldVersion = { ...d5, schemaVersion: 9 };
    const answer = await push(cloud.url, token, [d1, malformed, d3, unknownType, oldVersion]);
    expect(statuses(answer)).toEqual(['applied', 'rejected:invalid', 'applied', 'rejected:unknown_type', 'rejected:unknown_version']);
    const invalid = answer.results[1] as Extract<PushItemResult, { status: 'rejected' }>;
    expect(invalid.message).toMatch(/total/);
    // The queue moved past them (decided: a refused document is recorded, not a wall).
    expect(answer.lastAppliedSeq).toBe(5);
    expect(await salesOf(storeId)).toBe(2);
    const stored = await opened.db
      .select({ seq: documents.seq, status: documents.status, reason: documents.rejectReason })
      .from(documents)
      .where(eq(documents.storeId, storeId))
      .orderBy(documents.seq);
    expect(stored).toEqual([
      { seq: 1, status: 'applied', reason: null },
      { seq: 2, status: 'rejected', reason: 'invalid' },
      { seq: 3, status: 'applied', reason: null },
      { seq: 4, status: 'rejected', reason: 'unknown_type' },
      { seq: 5, status: 'rejected', reason: 'unknown_version' },
    ]);
    // Sent again, a rejected document is answered the same way, and nothing is stored twice.
    const again = await push(cloud.url, token, [malformed, d3]);
    expect(statuses(again)).toEqual(['rejected:invalid', 'duplicate']);
    // A document that is not even an envelope is refused without a number.
    expect(statuses(await push(cloud.url, token, [{ hello: 'world' }]))).toEqual(['rejected:no_seq']);
  });

  it('refuses a document out of sequence order and keeps the cursor; sending the gap first then applies both', async () => {
    const { storeId, registerId, token } = await registered();
    const [d1, d2, d3] = saleDocuments(registerId, 1, 3) as [OutboxDocument, OutboxDocument, OutboxDocument];
    expect(statuses(await push(cloud.url, token, [d1]))).toEqual(['applied']);
    const gap = await push(cloud.url, token, [d3]);
    expect(statuses(gap)).toEqual(['rejected:out_of_order']);
    expect((gap.results[0] as { message: string }).message).toMatch(/expected seq 2/);
    expect(await cursorOf(storeId, registerId)).toBe(1);
    // Sent in any order within a batch, they apply in sequence order.
    expect(statuses(await push(cloud.url, token, [d3, d2]))).toEqual(['applied', 'applied']);
    expect(await salesOf(storeId)).toBe(3);
  });

  it('keeps two registers of one store apart though they use the same sequence numbers', async () => {
    const a = await registered();
    const code = await createRegistrationCode(opened.db, a.storeId);
    const bId = newGlobalId();
    const reg = await post(cloud.url, '/v1/register', { code, registerId: bId });
    expect(reg.json.registerCode).not.toBe(a.registerCode);
    const bToken = reg.json.token as string;
    expect(statuses(await push(cloud.url, a.token, saleDocuments(a.registerId, 1, 3, a.registerCode)))).toEqual(['applied', 'applied', 'applied']);
    expect(statuses(await push(cloud.url, bToken, saleDocuments(bId, 1, 3, reg.json.registerCode as string)))).toEqual(['applied', 'applied', 'applied']);
    expect(await salesOf(a.storeId)).toBe(6);
    expect(await cursorOf(a.storeId, a.registerId)).toBe(3);
    expect(await cursorOf(a.storeId, bId)).toBe(3);
  });

  it('isolates stores: a token of store A cannot push into store B', async () => {
    const a = await registered('A');
    const b = await registered('B');
    // A's token with documents naming B's register: refused item by item, nothing stored anywhere.
    const cross = await push(cloud.url, a.token, saleDocuments(b.registerId, 1, 2));
    expect(statuses(cross)).toEqual(['rejected:wrong_register', 'rejected:wrong_register']);
    // A's secret presented as B's store: not a token at all.
    const forged = `${b.storeId}.${a.registerId}.${parseToken(a.token)!.secret}`;
    expect((await post(cloud.url, '/v1/push', { documents: saleDocuments(a.registerId, 1, 1) }, forged)).status).toBe(401);
    expect(await salesOf(b.storeId)).toBe(0);
    expect(await salesOf(a.storeId)).toBe(0);
    // The same invoice numbers in two stores do not collide.
    expect(statuses(await push(cloud.url, a.token, saleDocuments(a.registerId, 1, 1)))).toEqual(['applied']);
    expect(statuses(await push(cloud.url, b.token, saleDocuments(b.registerId, 1, 1)))).toEqual(['applied']);
  });

  it('refuses a batch over the limit and a body that is not JSON', async () => {
    const { registerId, token } = await registered();
    const tooMany = await post(cloud.url, '/v1/push', { documents: Array.from({ length: 501 }, (_, i) => ({ seq: i + 1, registerId })) }, token);
    expect(tooMany.status).toBe(400);
    const res = await fetch(new URL('/v1/push', cloud.url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{oops' });
    expect(res.status).toBe(400);
    const huge = await fetch(new URL('/v1/push', cloud.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ documents: [{ pad: 'x'.repeat(9 * 1024 * 1024) }] }),
    });
    expect(huge.status).toBe(413);
  });

  it('applies each document once when the same batch is pushed twice at once (PostgreSQL: to two cloud processes)', async () => {
    // PGlite is one process's database: there the two pushes race inside one cloud; on PostgreSQL, across two.
    const second = target.databaseUrl ? await startCloud({ databaseUrl: target.databaseUrl }) : cloud;
    try {
      const { storeId, registerId, token } = await registered();
      const batch = saleDocuments(registerId, 1, 60);
      const [x, y] = await Promise.all([push(cloud.url, token, batch), push(second.url, token, batch)]);
      batch.forEach((_, i) => {
        const pair = [x.results[i]!.status, y.results[i]!.status].sort();
        expect(pair, `seq ${i + 1}`).toEqual(['applied', 'duplicate']);
      });
      expect(await salesOf(storeId)).toBe(60);
      expect(await cursorOf(storeId, registerId)).toBe(60);
    } finally {
      if (second !== cloud) await second.close();
    }
  });
});
