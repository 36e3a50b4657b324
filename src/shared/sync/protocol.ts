/**
 * The push and registration protocol between a register and the cloud:
 * request and answer shapes, shared by the cloud API (cloud/) and the
 * register's sync client (src/main/sync/), so neither side guesses.
 */
import { z } from 'zod';

/** Most documents one push may carry; the register sends batches of at most this many. */
export const MAX_PUSH_BATCH = 500;

/** POST /v1/register: a one-time registration code for a device token. */
export const RegisterRequest = z
  .object({
    code: z.string().min(1).max(200),
    registerId: z.uuid(),
    /** The code the till prints now; kept when the registration code names none and no other register of the store has it. */
    registerCode: z.string().regex(/^[A-Z0-9]{2,6}$/).optional(),
  })
  .strict();
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const RegisterResponse = z.object({ token: z.string().min(1), storeId: z.uuid(), registerCode: z.string().min(1) }).strict();
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/**
 * POST /v1/push. Items are checked one by one on the server (a malformed
 * item is rejected alone), so the request only fixes the batch's shape.
 */
export const PushRequest = z.object({ documents: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH) }).strict();
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * Why the cloud refused a document. `invalid` (payload or envelope fails its
 * schema), `unknown_type`/`unknown_version` and `conflict` (a row it names
 * already exists differently) are stored by the cloud and advance the
 * register's cursor: the register keeps them as visible rejected items and
 * its queue keeps moving. `out_of_order` (seq is not last applied + 1),
 * `wrong_register` (the envelope names another register than the token's)
 * and `no_seq` (no readable sequence number) are not stored and do not move
 * the cursor: the document can be pushed again in order.
 */
export const REJECT_REASONS = ['invalid', 'unknown_type', 'unknown_version', 'conflict', 'out_of_order', 'wrong_register', 'no_seq'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const PushItemResult = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int().nullable(), status: z.literal('applied') }).strict(),
  z.object({ seq: z.number().int().nullable(), status: z.literal('duplicate') }).strict(),
  z
    .object({
      seq: z.number().int().nullable(),
      status: z.literal('rejected'),
      reason: z.enum(REJECT_REASONS),
      message: z.string(),
      /** With a `conflict` on a versioned row: the cloud's row as it stands, which the register takes. */
      current: z.object({ changeId: z.string(), type: z.string(), payload: z.unknown() }).strict().nullable().optional(),
    })
    .strict(),
]);
export type PushItemResult = z.infer<typeof PushItemResult>;

/** One result per pushed document, in the order they were sent. */
export const PushResponse = z.object({ results: z.array(PushItemResult), lastAppliedSeq: z.number().int().nonnegative() }).strict();
export type PushResponse = z.infer<typeof PushResponse>;

/** Every non-2xx answer of the cloud. */
export const CloudError = z.object({ error: z.string(), message: z.string() });
export type CloudError = z.infer<typeof CloudError>;

/** Most documents one pull page may carry; the default page size. */
export const MAX_PULL_PAGE = 500;

/** A pull cursor: a PostgreSQL xid8 as a decimal string ("0" before the first pull). */
export const PullCursor = z.string().regex(/^(0|[1-9]\d{0,19})$/);

/** One document another register of the store pushed and the cloud applied, as pull hands it out. */
export const PulledDocument = z
  .object({
    registerId: z.uuid(),
    seq: z.number().int().positive(),
    idempotencyKey: z.string(),
    type: z.string(),
    schemaVersion: z.number().int().positive(),
    payload: z.unknown(),
    /** The cloud transaction that applied it (xid8, decimal). */
    txid: PullCursor,
  })
  .strict();
export type PulledDocument = z.infer<typeof PulledDocument>;

/**
 * GET /v1/pull?after=CURSOR&limit=N: the applied sale.completed and
 * stock.moved documents of the store's other registers written by cloud
 * transactions after the cursor, ordered by txid then (registerId, seq).
 * `cursor` is the highest txid returned (the same cursor when none);
 * `more`: another page is ready now.
 */
export const PullResponse = z.object({ documents: z.array(PulledDocument), cursor: PullCursor, more: z.boolean() }).strict();
export type PullResponse = z.infer<typeof PullResponse>;

/** Most rows one snapshot page may carry. */
export const MAX_SNAPSHOT_PAGE = 2000;

/**
 * GET /v1/snapshot/start: where a new register's first download stands. Every
 * transaction below `horizon` has finished; the snapshot's stock counts only
 * their movements, and incremental pull continues from `horizon` (so a
 * change made during the download is pulled after it, never lost).
 */
export const SnapshotStart = z.object({ horizon: PullCursor, entities: z.number().int().nonnegative(), variants: z.number().int().nonnegative() }).strict();
export type SnapshotStart = z.infer<typeof SnapshotStart>;

/** GET /v1/snapshot/entities?type=T&after=ID&limit=N: the store's current rows of one versioned type, by entity id. */
export const SnapshotEntity = z.object({ entityId: z.string(), changeId: z.string(), payload: z.unknown() }).strict();
export const SnapshotEntities = z.object({ rows: z.array(SnapshotEntity), more: z.boolean() }).strict();
export type SnapshotEntities = z.infer<typeof SnapshotEntities>;

/** GET /v1/snapshot/stock?horizon=H&after=VARIANT&limit=N: stock per variant from the movements below the horizon. */
export const SnapshotStock = z.object({ rows: z.array(z.object({ variantId: z.uuid(), quantity: z.number().int() }).strict()), more: z.boolean() }).strict();
export type SnapshotStock = z.infer<typeof SnapshotStock>;

/**
 * GET /v1/store: what the cloud holds for this register's store, for
 * `admin sync --initial-upload` (only into an empty store) and the
 * convergence check (stock and catalog checksums, computed as in
 * src/shared/sync/checksum.ts over the movements and rows below `horizon`).
 */
export const StoreSummary = z
  .object({
    storeId: z.uuid(),
    entities: z.number().int().nonnegative(),
    /** Applied documents of the store's other registers. */
    otherDocuments: z.number().int().nonnegative(),
    horizon: PullCursor,
  })
  .strict();
export type StoreSummary = z.infer<typeof StoreSummary>;
