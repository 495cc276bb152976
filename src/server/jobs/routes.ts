import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { authorOf } from '../http/author.js';
import { serve } from '../http/serve-route.js';
import { JOB_ROUTES } from '../../api-contract/jobs.js';
import { presentJob } from './presenter.js';
import { ApiError } from '../errors/api-error.js';
import { roleHas, type Permission } from '../auth/permissions.js';
import type { JobKind } from '../../model/job.js';

/** The permission the route that starts each kind of job declares. */
const START_PERMISSION: Record<JobKind, Permission> = {
  import: 'portfolio:write',
  revalidate: JOB_ROUTES.revalidation.permission,
  rescan: JOB_ROUTES.rescan.permission,
};

/** The newest jobs a list looks at (pages are cut from these). */
const LISTED_JOBS = 1000;

export async function jobRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, JOB_ROUTES.get, async (request) => presentJob(await services.getJob(store, request.params.id)));
  serve(app, JOB_ROUTES.list, async (request) =>
    (await services.listJobs(store, { ...request.query, limit: LISTED_JOBS })).map(presentJob),
  );
  serve(app, JOB_ROUTES.cancel, async (request) =>
    presentJob(await services.cancelJob(store, request.params.id, authorOf(request))),
  );
  serve(app, JOB_ROUTES.retry, async (request, reply) => {
    const ended = await services.getJob(store, request.params.id);
    // Restarting work needs the permission starting it needs (the route's own, as for cancel, is checked first).
    const needs = START_PERMISSION[ended.kind];
    const role = request.principal?.role;
    if (!role || !roleHas(role, needs))
      throw new ApiError(
        'forbidden',
        `The ${role ?? 'anonymous'} role cannot start a ${ended.kind} job (needs ${needs})`,
      );
    const job = await services.retryJob(store, ended.id, authorOf(request));
    return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
  });
  serve(app, JOB_ROUTES.revalidation, async (request, reply) => {
    const job = await services.enqueueRevalidation(store, {
      releaseIds: request.body?.releaseIds ?? null,
      reason: 'manual',
      author: authorOf(request),
    });
    return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
  });
  serve(app, JOB_ROUTES.rescan, async (request, reply) => {
    const job = await services.enqueueRescan(store, {
      releaseIds: request.body?.releaseIds ?? null,
      reason: 'on demand',
      author: authorOf(request),
    });
    return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
  });
}
