import type { Job } from '../../services/store-door.js';

/** A job as the API shows it: which worker holds it and its checkpoint stay inside. */
export function presentJob(job: Job) {
  const { leaseOwner: _owner, leaseUntil: _until, checkpoint: _checkpoint, ...shown } = job;
  return { ...shown, links: { self: `/api/jobs/${job.id}` } };
}
