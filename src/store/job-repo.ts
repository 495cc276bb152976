/**
 * Jobs in the store (issue 13 item 4; docs/decisions/0016-jobs-in-the-store.md). The claim is the
 * one place where the dialects differ: PostgreSQL locks the chosen row and lets concurrent claims
 * skip it (FOR UPDATE SKIP LOCKED), SQLite takes the database's single write lock up front (BEGIN
 * IMMEDIATE) so that no two processes read the same queued row.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { Job, JobError, JobKind, JobProgress, JobState } from '../model/job.js';
import type { JobStore, NewJob } from './job-store.js';
import { fromJson, nowIso, toJson, type StoreContext } from './context.js';

const NO_PROGRESS: JobProgress = { phase: 'queued', done: 0, total: 0 };
const DEFAULT_MAX_ATTEMPTS = 3;

type JobRow = Selectable<Database['jobs']>;

function toJob(row: Omit<JobRow, 'retry_of'>): Job {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    state: row.state as JobState,
    releaseId: row.release_id,
    params: fromJson<Record<string, unknown>>(row.params, {}),
    progress: fromJson<JobProgress>(row.progress, NO_PROGRESS),
    checkpoint: fromJson<Record<string, unknown> | null>(row.checkpoint, null),
    result: fromJson<Record<string, unknown> | null>(row.result, null),
    error: fromJson<JobError | null>(row.error, null),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  };
}

/** Every column but the document (lists and reads never carry it). */
const COLUMNS = [
  'id',
  'kind',
  'state',
  'release_id',
  'params',
  'progress',
  'checkpoint',
  'result',
  'error',
  'attempts',
  'max_attempts',
  'lease_owner',
  'lease_until',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;

type JobColumnsRow = Omit<JobRow, 'input' | 'retry_of'>;

function toJobWithoutInput(row: JobColumnsRow): Job {
  return toJob({ ...row, input: null });
}

export function jobRepository(ctx: StoreContext): JobStore {
  const { db } = ctx;

  /** The claim's statements, on a connection that already holds the write lock or the rows. */
  async function claimOn(
    conn: Kysely<Database> | Transaction<Database>,
    owner: string,
    leaseUntil: string,
    now: string,
  ): Promise<Job | null> {
    const skipLocked = ctx.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
    const expired: JobError = {
      code: 'lease-expired',
      message: 'the worker running this job stopped (no heartbeat before its lease ran out) on its last attempt',
    };
    await sql`UPDATE jobs SET state = 'failed', error = ${toJson(expired)}, finished_at = ${now}, updated_at = ${now}, lease_owner = NULL, input = NULL
      WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_until < ${now} AND attempts >= max_attempts${skipLocked})`.execute(
      conn,
    );
    const candidate = await sql<{ id: number }>`SELECT id FROM jobs
      WHERE state = 'queued' OR (state = 'running' AND lease_until < ${now})
      ORDER BY id LIMIT 1${skipLocked}`.execute(conn);
    const id = candidate.rows[0]?.id;
    if (id === undefined) return null;
    const row = await conn
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lease_owner: owner,
        lease_until: leaseUntil,
        started_at: eb.fn.coalesce('started_at', sql.lit(now)),
        updated_at: now,
      }))
      .where('id', '=', Number(id))
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toJobWithoutInput(row);
  }

  function newRow(input: NewJob, retryOf: number | null) {
    const now = nowIso();
    return {
      kind: input.kind,
      state: 'queued',
      release_id: input.releaseId,
      params: toJson(retryOf === null ? input.params : { ...input.params, retryOf }),
      retry_of: retryOf,
      input: input.input ?? null,
      progress: toJson(NO_PROGRESS),
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
    };
  }

  const methods: JobStore = {
    async createJob(input) {
      const row = await db.insertInto('jobs').values(newRow(input, null)).returning(COLUMNS).executeTakeFirstOrThrow();
      return toJobWithoutInput(row);
    },
    async createRetryJob(input, retryOf) {
      // ON CONFLICT DO NOTHING: the loser of a race gets no row (and, on PostgreSQL, its transaction
      // stays usable) and reads the winner's.
      const row = await db
        .insertInto('jobs')
        .values(newRow(input, retryOf))
        .onConflict((oc) => oc.column('retry_of').doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      if (row) return { created: toJobWithoutInput(row) };
      const existing = await db.selectFrom('jobs').select(COLUMNS).where('retry_of', '=', retryOf).executeTakeFirst();
      if (!existing) throw new Error(`job ${retryOf}: a retry collided but none is stored`);
      return { existing: toJobWithoutInput(existing) };
    },
    async getJob(id) {
      const row = await db.selectFrom('jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toJobWithoutInput(row) : null;
    },
    async listJobs(filter = {}) {
      let query = db.selectFrom('jobs').select(COLUMNS).orderBy('id', 'desc');
      if (filter.state !== undefined) query = query.where('state', '=', filter.state);
      if (filter.releaseId !== undefined) query = query.where('release_id', '=', filter.releaseId);
      return (await query.limit(filter.limit ?? 100).execute()).map(toJobWithoutInput);
    },
    async getJobInput(id) {
      const row = await db.selectFrom('jobs').select('input').where('id', '=', id).executeTakeFirst();
      // A view of the bytes the driver gave, not a copy (an import job's document can be hundreds of MB).
      const input = row?.input;
      return input ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : null;
    },
    async claimJob({ owner, leaseMs, now }) {
      const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
      if (ctx.dialect === 'postgres') return db.transaction().execute((trx) => claimOn(trx, owner, leaseUntil, now));
      if (ctx.inTransaction) throw new Error('claimJob must not run inside a transaction');
      // One connection, held for the claim; BEGIN IMMEDIATE takes SQLite's write lock before reading.
      return db.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const job = await claimOn(conn, owner, leaseUntil, now);
          await sql`COMMIT`.execute(conn);
          return job;
        } catch (error) {
          await sql`ROLLBACK`.execute(conn);
          throw error;
        }
      });
    },
    async touchJob(id, owner, leaseUntil, progress) {
      const result = await db
        .updateTable('jobs')
        .set({ lease_until: leaseUntil, updated_at: nowIso(), ...(progress ? { progress: toJson(progress) } : {}) })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async checkpointJob(id, owner, checkpoint) {
      const result = await db
        .updateTable('jobs')
        .set({ checkpoint: toJson(checkpoint), updated_at: nowIso() })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async finishJob(id, owner, outcome) {
      const now = nowIso();
      const ended =
        'result' in outcome
          ? { state: 'succeeded', result: toJson(outcome.result) }
          : { state: 'failed', error: toJson(outcome.error) };
      const result = await db
        .updateTable('jobs')
        .set({ ...ended, finished_at: now, updated_at: now, lease_owner: null, lease_until: null, input: null })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async cancelJob(id, error) {
      const now = nowIso();
      await db
        .updateTable('jobs')
        .set({
          state: 'cancelled',
          error: toJson(error),
          finished_at: now,
          updated_at: now,
          lease_owner: null,
          lease_until: null,
          input: null,
        })
        .where('id', '=', id)
        // A checkpoint is written in the transaction that commits the work it records: a job that
        // has one has written to the release, and cancelling it would leave that work unexplained.
        .where((eb) =>
          eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('checkpoint', 'is', null)])]),
        )
        .executeTakeFirst();
      return methods.getJob(id);
    },
    async releaseJob(id, owner, error) {
      const result = await db
        .updateTable('jobs')
        .set({ state: 'queued', error: toJson(error), lease_owner: null, lease_until: null, updated_at: nowIso() })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
  return methods;
}
