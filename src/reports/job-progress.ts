/** One line that says where a job is, for the CLI's progress display (a bar when it has a total). */
import type { Job } from '../model/job.js';

const BAR_WIDTH = 20;

export function jobProgressLine(job: Job, options: { bar?: boolean } = {}): string {
  const head = `job ${job.id} (${job.kind})`;
  if (job.state === 'queued')
    return `${head}: queued${job.attempts > 0 ? `, attempt ${job.attempts + 1} of ${job.maxAttempts} (${job.error?.message ?? 'retrying'})` : ', waiting for a worker (vigie worker)'}`;
  if (job.state === 'failed') return `${head}: failed: ${job.error?.code ?? 'internal'}: ${job.error?.message ?? ''}`;
  if (job.state === 'succeeded') return `${head}: done`;
  if (job.state === 'cancelled') return `${head}: ${job.error?.message ?? 'cancelled'}`;
  const { phase, done, total } = job.progress;
  const counts = total > 0 ? ` ${done}/${total}` : '';
  const attempt = job.attempts > 1 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : '';
  if (!options.bar || total <= 0) return `${head}: ${phase}${counts}${attempt}`;
  const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `${head} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${phase}${counts}${attempt}`;
}
