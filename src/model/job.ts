/**
 * A job: long work (an import of a large SBOM, re-validation of releases, a vulnerability re-scan) recorded in the store and
 * run by a worker, so that the request that asked for it answers at once (issue 13 item 4). The
 * record is what the API, the CLI and the UI show: state, progress, result or error.
 */
export type JobKind = 'import' | 'revalidate' | 'rescan';
export const JOB_KINDS: readonly JobKind[] = ['import', 'revalidate', 'rescan'];

/**
 * queued → running → succeeded | failed; a running job whose lease ran out goes back to the queue.
 * queued | running → cancelled, by request, while nothing of the job's work is committed.
 */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export interface JobProgress {
  /** What the job is doing now, in words ("decoding", "writing", "validating"…). */
  phase: string;
  /** Units done out of total (phases, or releases); total 0 when not known yet. */
  done: number;
  total: number;
}

export interface JobError {
  /** A ServiceError code (bad input: not retried) or `internal` / `lease-expired`. */
  code: string;
  message: string;
}

export interface Job {
  id: number;
  kind: JobKind;
  state: JobState;
  /** The release the job works on, when it works on one (for lists and permissions). */
  releaseId: number | null;
  /** The job's inputs as given (without the uploaded document, kept apart). */
  params: Record<string, unknown>;
  progress: JobProgress;
  /** What an earlier attempt already committed (so that a retry never does it twice). */
  checkpoint: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: JobError | null;
  attempts: number;
  maxAttempts: number;
  /** The worker holding the job and until when (ISO); a lease that ran out makes the job claimable. */
  leaseOwner: string | null;
  leaseUntil: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

export function isFinished(job: Pick<Job, 'state'>): boolean {
  return job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled';
}
