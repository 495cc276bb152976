/**
 * Long work as jobs (issue 13 item 4): the caller records a job and gets it back at once; a worker
 * (`vigie worker`, or the ones `vigie serve` starts) runs it from the store. Reading a job never
 * writes. See job-runner.ts for how a job is run and job-handlers.ts for what each kind does.
 */
import type { Job, JobState } from '../model/job.js';
import { isFinished } from '../model/job.js';
import type { Store } from '../store/index.js';
import { getRelease } from './portfolio.js';
import { ServiceError, notFound } from './service-error.js';
import type { ImportDocumentInput } from './import-release.js';
import type { RunReason } from './validation-runs.js';

/** The options of an import job, stored as the job's params (the document is kept apart). */
export interface ImportJobParams {
  releaseId: number;
  fileName: string | null;
  mediaType: string | null;
  mode?: ImportDocumentInput['mode'];
  policy?: ImportDocumentInput['policy'];
  project?: string;
  scope?: string;
  linking?: ImportDocumentInput['linking'];
  modification?: ImportDocumentInput['modification'];
  author: string | null;
  maxBytes?: number;
  acceptErrors?: boolean;
}

export interface RevalidationJobParams {
  /** The releases to validate again; null: every release. */
  releaseIds: number[] | null;
  reason: RunReason;
}

export interface RescanJobParams {
  /** The releases to scan again against the store's vulnerability database; null: every release. */
  releaseIds: number[] | null;
  reason: string;
}

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Records an import job for the document; the release must exist, the document fit the limit. */
export async function enqueueImport(
  store: Store,
  releaseId: number,
  input: Omit<ImportDocumentInput, 'onPhase' | 'beforeCommit'>,
): Promise<Job> {
  await getRelease(store, releaseId);
  const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes)
    throw new ServiceError('too-large', `the document is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`);
  if (bytes.byteLength === 0) throw new ServiceError('unreadable-document', 'the document is empty');
  const params: ImportJobParams = {
    releaseId,
    fileName: input.fileName ?? null,
    mediaType: input.mediaType ?? null,
    mode: input.mode,
    policy: input.policy,
    project: input.project,
    scope: input.scope,
    linking: input.linking,
    modification: input.modification,
    author: input.author ?? null,
    maxBytes: input.maxBytes,
    acceptErrors: input.acceptErrors,
  };
  return store.createJob({
    kind: 'import',
    releaseId,
    params: { ...params },
    input: bytes,
    createdBy: input.author ?? null,
  });
}

/** Records a job that validates releases again (after a policy or knowledge-base change). */
export async function enqueueRevalidation(
  store: Store,
  input: { releaseIds?: number[] | null; reason?: RunReason; author?: string | null },
): Promise<Job> {
  const releaseIds = input.releaseIds ?? null;
  if (releaseIds) for (const id of releaseIds) await getRelease(store, id);
  const params: RevalidationJobParams = { releaseIds, reason: input.reason ?? 'manual' };
  return store.createJob({
    kind: 'revalidate',
    releaseId: releaseIds?.length === 1 ? releaseIds[0]! : null,
    params: { ...params },
    createdBy: input.author ?? null,
  });
}

/** Records a job that scans releases again against the store's vulnerability database. */
export async function enqueueRescan(
  store: Store,
  input: { releaseIds?: number[] | null; reason?: string; author?: string | null },
): Promise<Job> {
  const releaseIds = input.releaseIds ?? null;
  if (releaseIds) for (const id of releaseIds) await getRelease(store, id);
  const params: RescanJobParams = { releaseIds, reason: input.reason ?? 'on demand' };
  return store.createJob({
    kind: 'rescan',
    releaseId: releaseIds?.length === 1 ? releaseIds[0]! : null,
    params: { ...params },
    createdBy: input.author ?? null,
  });
}

export async function getJob(store: Store, id: number): Promise<Job> {
  const job = await store.getJob(id);
  if (!job) throw notFound(`job ${id}`);
  return job;
}

/**
 * Cancels a job that has committed nothing (queued, or running before its first checkpoint); a
 * conflict once part of its work is written or it has ended, saying which.
 */
export async function cancelJob(store: Store, id: number, author: string | null): Promise<Job> {
  const before = await getJob(store, id);
  if (isFinished(before)) throw new ServiceError('already-exists', `job ${id} has already ended (${before.state})`);
  const after = await store.cancelJob(id, {
    code: 'cancelled',
    message: author ? `cancelled by ${author}` : 'cancelled',
  });
  if (!after) throw notFound(`job ${id}`);
  if (after.state === 'cancelled') return after;
  if (isFinished(after)) throw new ServiceError('already-exists', `job ${id} has already ended (${after.state})`);
  throw new ServiceError(
    'already-exists',
    `job ${id} has already committed part of its work (phase ${after.progress.phase}); it runs to its end`,
  );
}

/**
 * Runs a failed or cancelled job again as a new job (ADR 53): same kind, release and params, plus
 * `retryOf` naming the job it repeats; the ended job stays as it was, for the record. A queued,
 * running or succeeded job is a conflict, and so is a job already retried (once per job, ADR 57:
 * the caller is told which job retries it). An import cannot be retried: its uploaded document is
 * dropped when the job ends (job-store.ts), so the caller is told to send the document again.
 */
export async function retryJob(store: Store, id: number, author: string | null): Promise<Job> {
  const before = await getJob(store, id);
  if (before.state !== 'failed' && before.state !== 'cancelled')
    throw new ServiceError(
      'already-exists',
      `job ${id} is ${before.state}: only a failed or cancelled job can be retried`,
    );
  if (before.kind === 'import')
    throw new ServiceError(
      'already-exists',
      `job ${id} was an import: its uploaded document is not kept once the job ends, so send the document again` +
        (before.releaseId !== null ? ` (POST /api/releases/${before.releaseId}/imports?background=true)` : ''),
    );
  // The releases it named must still exist: a retry of a job whose release was deleted is a 404, not a job that fails.
  const releaseIds = (before.params as { releaseIds?: unknown }).releaseIds;
  if (Array.isArray(releaseIds)) for (const releaseId of releaseIds) await getRelease(store, Number(releaseId));
  else if (before.releaseId !== null) await getRelease(store, before.releaseId);
  const retried = await store.createRetryJob(
    { kind: before.kind, releaseId: before.releaseId, params: before.params, createdBy: author },
    id,
  );
  if ('created' in retried) return retried.created;
  const again = retried.existing;
  throw new ServiceError(
    'already-exists',
    `job ${id} was already retried as job ${again.id} (${again.state})` +
      (again.state === 'failed' || again.state === 'cancelled' ? `; retry job ${again.id} instead` : ''),
  );
}

export async function listJobs(
  store: Store,
  filter: { state?: JobState; releaseId?: number; limit?: number } = {},
): Promise<Job[]> {
  return store.listJobs(filter);
}

export interface WaitOptions {
  /** Called with each new state of the job (progress included). */
  onUpdate?: (job: Job) => void;
  pollMs?: number;
  signal?: AbortSignal;
}

/** Polls the job until it ends; returns it ended. */
export async function waitForJob(store: Store, id: number, options: WaitOptions = {}): Promise<Job> {
  let seen = '';
  for (;;) {
    const job = await getJob(store, id);
    const fingerprint = JSON.stringify([job.state, job.progress, job.attempts]);
    if (fingerprint !== seen) {
      seen = fingerprint;
      options.onUpdate?.(job);
    }
    if (isFinished(job)) return job;
    if (options.signal?.aborted) throw new ServiceError('not-available', `stopped waiting for job ${id}`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}
