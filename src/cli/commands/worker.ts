// `vigie worker`: runs the jobs recorded in the store (imports sent with --background or to the
// API, re-validations), one at a time, until SIGINT/SIGTERM; the job being run is finished first.
// Several workers may share one store: each job is claimed by one of them (issue 13 item 4).
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { DEFAULT_LEASE_MS, runWorker, workerName } from '../../services/index.js';
import { withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface WorkerFlags extends StoreFlags {
  once?: boolean;
  lease?: string;
  poll?: string;
}

function positive(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} must be a positive number, not "${value}"`);
  return n;
}

export function registerWorker(program: Command, ctx: CommandContext): void {
  withStoreOptions(
    program.command('worker').description('run the jobs recorded in the store (imports, re-validations) until stopped'),
  )
    .option('--once', 'stop when the queue is empty')
    .option(
      '--lease <seconds>',
      'how long a job stays ours without a heartbeat; a job of a worker that died is taken again after it',
      String(DEFAULT_LEASE_MS / 1000),
    )
    .option('--poll <ms>', 'pause between two looks at an empty queue', '1000')
    .action((opts: WorkerFlags) =>
      withStore(ctx, opts, async (store) => {
        const leaseMs = Math.round(positive(opts.lease, '--lease', DEFAULT_LEASE_MS / 1000) * 1000);
        const pollMs = positive(opts.poll, '--poll', 1000);
        const owner = workerName();
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const log = (event: string, fields: Record<string, unknown>) =>
          opts.json
            ? ctx.io.stdout(`${JSON.stringify({ event, worker: owner, ...fields })}\n`)
            : ctx.io.stdout(
                `${event} ${Object.entries(fields)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(' ')}\n`,
              );
        log('worker-started', { store: store.dialect, leaseMs });
        try {
          const ran = await runWorker(store, {
            owner,
            leaseMs,
            pollMs,
            once: opts.once === true,
            signal: stop.signal,
            onClaim: (job) => log('job-claimed', { job: job.id, kind: job.kind, attempt: job.attempts }),
            onEnd: (job) =>
              log('job-ended', { job: job.id, state: job.state, ...(job.error ? { error: job.error.code } : {}) }),
            onInternalError: (job, error) =>
              ctx.io.stderr(
                `job ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
              ),
          });
          log('worker-stopped', { jobs: ran });
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      }),
    );
}
