/**
 * What each kind of job does. A handler reports progress through its context and records, inside
 * the transaction that commits a piece of work, that the piece is done (a checkpoint): a worker
 * killed after that commit leaves a job whose next attempt skips the piece, so nothing is done
 * twice; killed before it, the transaction rolls back and nothing is half-written.
 */
import type { Job, JobKind, JobProgress } from '../model/job.js';
import type { Store } from '../store/index.js';
import { importDocument, IMPORT_PHASES, type ImportOutcome } from './import-release.js';
import { recordValidationRun } from './validation-runs.js';
import { scanRelease } from './release-vulnerabilities.js';
import type { ImportJobParams, RescanJobParams, RevalidationJobParams } from './jobs.js';
import { ServiceError } from './service-error.js';

export interface JobContext {
  job: Job;
  /** Extends the lease and records progress; throws LeaseLostError when the job is no longer ours. */
  progress(progress: JobProgress): Promise<void>;
  /** Inside the transaction that commits a piece of work: records it with it. */
  checkpoint(tx: Store, checkpoint: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (store: Store, ctx: JobContext) => Promise<Record<string, unknown>>;

/** The job was taken over by another worker (our lease ran out): stop without writing anything. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} is no longer held by this worker (its lease ran out)`);
    this.name = 'LeaseLostError';
  }
}

interface ImportCheckpoint {
  import: ImportOutcome['import'];
  counts: ImportOutcome['counts'];
  conflicts: number;
  issues: number;
}

async function runImport(store: Store, ctx: JobContext): Promise<Record<string, unknown>> {
  const params = ctx.job.params as unknown as ImportJobParams;
  const total = IMPORT_PHASES.length;
  let done = ctx.job.checkpoint as ImportCheckpoint | null;
  if (!done) {
    const content = await store.getJobInput(ctx.job.id);
    if (!content) throw new ServiceError('unreadable-document', 'the document of this import job is gone');
    await importDocument(store, params.releaseId, {
      content,
      fileName: params.fileName,
      mediaType: params.mediaType,
      mode: params.mode,
      policy: params.policy,
      project: params.project,
      scope: params.scope,
      linking: params.linking ?? null,
      modification: params.modification ?? null,
      author: params.author,
      maxBytes: params.maxBytes,
      acceptErrors: params.acceptErrors,
      onPhase: (phase) => ctx.progress({ phase, done: IMPORT_PHASES.indexOf(phase), total }),
      beforeCommit: async (tx, outcome) => {
        done = {
          import: outcome.import,
          counts: outcome.counts,
          conflicts: outcome.conflicts.length,
          issues: outcome.issues.length,
        };
        await ctx.checkpoint(tx, { ...done });
      },
    });
  } else {
    // An earlier attempt committed the import and stopped before its validation run and scan
    // (what importDocument does after its commit); both only add a newer record.
    await ctx.progress({ phase: 'validating', done: total - 1, total });
    await store.transaction((tx) => recordValidationRun(tx, params.releaseId, 'import'));
    await scanRelease(store, params.releaseId, 'import', new Date().toISOString());
  }
  await ctx.progress({ phase: 'done', done: total, total });
  return { ...done! };
}

async function runRevalidation(store: Store, ctx: JobContext): Promise<Record<string, unknown>> {
  const params = ctx.job.params as unknown as RevalidationJobParams;
  const ids = params.releaseIds ?? (await store.listReleases()).map((r) => r.id);
  let validated = 0;
  for (const id of ids) {
    await ctx.progress({ phase: 'validating', done: validated, total: ids.length });
    // A release deleted since the job was recorded has nothing left to validate.
    if (!(await store.getRelease(id))) continue;
    // Each run is written whole or not at all; running one again after a crash only adds a run.
    await store.transaction((tx) => recordValidationRun(tx, id, params.reason));
    validated++;
  }
  await ctx.progress({ phase: 'done', done: ids.length, total: ids.length });
  return { releases: validated };
}

async function runRescan(store: Store, ctx: JobContext): Promise<Record<string, unknown>> {
  const params = ctx.job.params as unknown as RescanJobParams;
  const ids = params.releaseIds ?? (await store.listReleases()).map((r) => r.id);
  let scanned = 0;
  let findings = 0;
  for (const id of ids) {
    await ctx.progress({ phase: 'scanning', done: scanned, total: ids.length });
    if (!(await store.getRelease(id))) continue;
    // One transaction per release replaces its findings whole; scanning again only replaces them again.
    findings += (await scanRelease(store, id, params.reason, new Date().toISOString())).findings;
    scanned++;
  }
  await ctx.progress({ phase: 'done', done: ids.length, total: ids.length });
  return { releases: scanned, findings };
}

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  import: runImport,
  revalidate: runRevalidation,
  rescan: runRescan,
};
