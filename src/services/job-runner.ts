/**
 * The worker: claims jobs from the store and runs them, one at a time. While a job runs, a
 * heartbeat extends its lease; a worker that dies (SIGKILL, power loss) stops the heartbeat, and
 * once the lease runs out another worker claims the job again (up to its maxAttempts). Bad input
 * (a ServiceError) ends the job at once: running it again would fail the same way.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Job, JobError, JobProgress } from '../model/job.js';
import type { Store } from '../store/index.js';
import { isServiceError } from './service-error.js';
import { JOB_HANDLERS, LeaseLostError, type JobContext } from './job-handlers.js';

export interface WorkerOptions {
  /** This worker's name in the store (default: host, pid and a random part). */
  owner?: string;
  /** How long a claim holds without a heartbeat (default 60 s). */
  leaseMs?: number;
  /** Pause between two looks at an empty queue (default 1 s). */
  pollMs?: number;
  /** Stop after the queue is found empty once (tests, `vigie worker --once`). */
  once?: boolean;
  /** Stops the loop; the job being run is finished first. */
  signal?: AbortSignal;
  /** Told when a job is claimed and when it ends (the CLI prints a line). */
  onClaim?: (job: Job) => void;
  onEnd?: (job: Job) => void;
  /** Told of unexpected failures, with the error itself (the worker logs it; the job keeps a short message). */
  onInternalError?: (job: Job, error: unknown) => void;
}

export const DEFAULT_LEASE_MS = 60_000;

export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Runs jobs until the signal aborts (or, with `once`, until the queue is empty); returns how many ran. */
export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<number> {
  const owner = options.owner ?? workerName();
  let ran = 0;
  while (!options.signal?.aborted) {
    const job = await runNextJob(store, { ...options, owner });
    if (job) {
      ran++;
      continue;
    }
    if (options.once) break;
    await pause(options.pollMs ?? 1_000, options.signal);
  }
  return ran;
}

/** Claims one job and runs it to its end; null when there was nothing to claim. */
export async function runNextJob(store: Store, options: WorkerOptions & { owner: string }): Promise<Job | null> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const job = await store.claimJob({ owner: options.owner, leaseMs, now: new Date().toISOString() });
  if (!job) return null;
  options.onClaim?.(job);
  await runClaimed(store, job, options.owner, leaseMs, options);
  const ended = (await store.getJob(job.id)) ?? job;
  options.onEnd?.(ended);
  return ended;
}

async function runClaimed(
  store: Store,
  job: Job,
  owner: string,
  leaseMs: number,
  options: WorkerOptions,
): Promise<void> {
  const leaseUntil = () => new Date(Date.now() + leaseMs).toISOString();
  let lost = false;
  const ctx: JobContext = {
    job,
    async progress(progress: JobProgress) {
      if (lost || !(await store.touchJob(job.id, owner, leaseUntil(), progress))) {
        lost = true;
        throw new LeaseLostError(job.id);
      }
    },
    async checkpoint(tx, checkpoint) {
      if (lost || !(await tx.checkpointJob(job.id, owner, checkpoint))) {
        lost = true;
        throw new LeaseLostError(job.id);
      }
    },
  };
  // The heartbeat; unref'd so that it never keeps a finished process alive.
  const heartbeat = setInterval(
    () => {
      store.touchJob(job.id, owner, leaseUntil()).then(
        (held) => (lost ||= !held),
        () => undefined, // a missed beat is retried at the next one; the lease allows a few
      );
    },
    Math.max(50, Math.floor(leaseMs / 4)),
  );
  heartbeat.unref();
  try {
    const result = await JOB_HANDLERS[job.kind](store, ctx);
    await store.finishJob(job.id, owner, { result });
  } catch (error) {
    if (error instanceof LeaseLostError || lost) return;
    if (isServiceError(error)) {
      await store.finishJob(job.id, owner, { error: { code: error.code, message: error.message } });
      return;
    }
    options.onInternalError?.(job, error);
    const failure: JobError = {
      code: 'internal',
      message: `the job failed unexpectedly (${error instanceof Error ? error.name : 'error'}); the worker's log has the details`,
    };
    if (job.attempts < job.maxAttempts) await store.releaseJob(job.id, owner, failure);
    else await store.finishJob(job.id, owner, { error: failure });
  } finally {
    clearInterval(heartbeat);
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
