// `vigie job show|list|cancel|retry`: the jobs recorded in the store, following one to its end, cancelling one, running a failed one again.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { cancelJob, getJob, listJobs, retryJob, JOB_STATES, type Job, type JobState } from '../../services/index.js';
import { jobProgressLine } from '../../reports/job-progress.js';
import { followJob } from '../job-progress.js';
import { choiceOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

function jobId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(`a job id is a positive integer, not "${text}"`);
  return id;
}

export function registerJob(program: Command, ctx: CommandContext): void {
  const job = program
    .command('job')
    .description('jobs recorded in the store (run by vigie worker): show, follow, list, cancel, retry');
  withStoreOptions(
    job
      .command('show <id>')
      .description('show a job; with --wait, follow its progress until it ends (exit 1 if it failed or was cancelled)'),
  )
    .option('--wait', 'follow the job until it ends')
    .action((id: string, opts: StoreFlags & { wait?: boolean }) =>
      withStore(ctx, opts, async (store) => {
        const found: Job = opts.wait ? await followJob(ctx, store, jobId(id)) : await getJob(store, jobId(id));
        if (opts.json) printJson(ctx, found);
        else ctx.io.stdout(`${jobProgressLine(found)}\n`);
        if (found.state === 'failed' || found.state === 'cancelled') ctx.setExit(1);
      }),
    );
  withStoreOptions(
    job
      .command('cancel <id>')
      .description('cancel a job that has committed nothing yet (queued, or running before its first write)'),
  )
    .option('--author <name>', 'who cancels (kept in the job)')
    .action((id: string, opts: StoreFlags & { author?: string }) =>
      withStore(ctx, opts, async (store) => {
        const cancelled = await cancelJob(store, jobId(id), opts.author ?? null);
        if (opts.json) printJson(ctx, cancelled);
        else ctx.io.stdout(`${jobProgressLine(cancelled)}\n`);
      }),
    );
  withStoreOptions(
    job
      .command('retry <id>')
      .description(
        'run a failed or cancelled job again, as a new job with the same parameters (not an import: send its document again)',
      ),
  )
    .option('--author <name>', "who retries (recorded as the new job's creator)")
    .option('--wait', 'follow the new job until it ends')
    .action((id: string, opts: StoreFlags & { author?: string; wait?: boolean }) =>
      withStore(ctx, opts, async (store) => {
        const queued = await retryJob(store, jobId(id), opts.author ?? null);
        const shown = opts.wait ? await followJob(ctx, store, queued.id) : queued;
        if (opts.json) printJson(ctx, shown);
        else ctx.io.stdout(`${jobProgressLine(shown)}\n`);
        if (shown.state === 'failed' || shown.state === 'cancelled') ctx.setExit(1);
      }),
    );
  withStoreOptions(job.command('list').description('the newest jobs first'))
    .option('--state <state>', `only jobs in this state (${JOB_STATES.join(', ')})`)
    .option('--limit <n>', 'how many', '50')
    .action((opts: StoreFlags & { state?: string; limit: string }) =>
      withStore(ctx, opts, async (store) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new UsageError(`--limit must be 1-1000, not "${opts.limit}"`);
        const jobs = await listJobs(store, { state: choiceOf<JobState>(opts.state, JOB_STATES, '--state'), limit });
        if (opts.json) printJson(ctx, jobs);
        else
          for (const j of jobs)
            ctx.io.stdout(`${jobProgressLine(j)}  created ${j.createdAt}${j.createdBy ? ` by ${j.createdBy}` : ''}\n`);
      }),
    );
}
