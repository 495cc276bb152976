/** Follows a job to its end on stderr: a redrawn line with a bar on a terminal, one line per change otherwise. */
import type { CommandContext } from './context.js';
import { waitForJob, type Job, type Store } from '../services/index.js';
import { jobProgressLine } from '../reports/job-progress.js';

export async function followJob(ctx: CommandContext, store: Store, jobId: number, pollMs = 250): Promise<Job> {
  const tty = ctx.io.isTTY === true;
  let width = 0;
  const job = await waitForJob(store, jobId, {
    pollMs,
    onUpdate: (j) => {
      const line = jobProgressLine(j, { bar: tty });
      if (tty) {
        ctx.io.stderr(`\r${line.padEnd(width)}`);
        width = line.length;
      } else ctx.io.stderr(`${line}\n`);
    },
  });
  if (tty) ctx.io.stderr('\n');
  return job;
}
