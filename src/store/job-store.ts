/** The jobs part of the Store (see job-repo.ts). */
import type { Job, JobError, JobKind, JobProgress, JobState } from '../model/job.js';

export interface NewJob {
  kind: JobKind;
  releaseId: number | null;
  params: Record<string, unknown>;
  input?: Uint8Array | null;
  maxAttempts?: number;
  createdBy: string | null;
}

export interface JobFilter {
  state?: JobState;
  releaseId?: number;
  limit?: number;
}

export interface JobClaim {
  /** Who claims (a worker id: host, pid, random). */
  owner: string;
  /** How long the claim holds without a heartbeat. */
  leaseMs: number;
  /** ISO now (workers pass their clock; tests pass a fixed one). */
  now: string;
}

export interface JobStore {
  createJob(input: NewJob): Promise<Job>;
  /**
   * A new job retrying job `retryOf` (ADR 57), or the job that already retries it: one retry per
   * job, even when two are asked for at the same moment (a unique index decides, on both dialects).
   */
  createRetryJob(input: NewJob, retryOf: number): Promise<{ created: Job } | { existing: Job }>;
  getJob(id: number): Promise<Job | null>;
  /** Newest first. */
  listJobs(filter?: JobFilter): Promise<Job[]>;
  getJobInput(id: number): Promise<Uint8Array | null>;
  /**
   * Takes the oldest queued job, or a running one whose lease ran out, for `owner`; null when there
   * is none. Two workers never get the same job: PostgreSQL skips rows another claim holds (FOR
   * UPDATE SKIP LOCKED), SQLite claims in one write transaction (BEGIN IMMEDIATE). Running jobs whose
   * lease ran out after their last attempt are failed on the way (`lease-expired`).
   */
  claimJob(claim: JobClaim): Promise<Job | null>;
  /**
   * The owner's heartbeat: extends the lease and records progress. False when the job is no longer
   * the owner's (its lease ran out and another worker took it, or it ended): the caller must stop.
   */
  touchJob(id: number, owner: string, leaseUntil: string, progress?: JobProgress): Promise<boolean>;
  /** Records what an attempt committed; call it inside the transaction that commits it. False when not the owner's. */
  checkpointJob(id: number, owner: string, checkpoint: Record<string, unknown>): Promise<boolean>;
  /** Ends the job (the owner's only); the uploaded input is dropped. */
  finishJob(
    id: number,
    owner: string,
    outcome: { result: Record<string, unknown> } | { error: JobError },
  ): Promise<boolean>;
  /**
   * Cancels a queued job, or a running one that has no checkpoint (nothing committed): its owner's
   * next touch, checkpoint or finish then fails, so its open transaction rolls back. Returns the
   * job as it is afterwards (cancelled, or unchanged when it could not be), null when there is none.
   */
  cancelJob(id: number, error: JobError): Promise<Job | null>;
  /** Gives the job back to the queue after a failure worth retrying (the error is kept for the record). */
  releaseJob(id: number, owner: string, error: JobError): Promise<boolean>;
}
