import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { JobState } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, listOf } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { presentJob } from './presenter.js';
import { JOB, JOB_LIST_QUERY, RELEASES_BODY } from './schemas.js';

/** The newest jobs a list looks at (pages are cut from these). */
const LISTED_JOBS = 1000;

export async function jobRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['jobs'];
  app.get<{ Params: { id: number } }>(
    '/jobs/:id',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'A job: state, progress, result or error',
        description: 'Long work (imports sent with ?background=true, re-validations) runs as a job in a worker (`vigie worker`, or those `vigie serve` starts). Poll this until `state` is succeeded or failed.',
        params: ID_PARAMS,
        response: { 200: JOB },
      },
    },
    async (request) => presentJob(await services.getJob(store, request.params.id)),
  );
  app.get<{ Querystring: { state?: JobState; releaseId?: number } }>(
    '/jobs',
    { config: { permission: 'read' }, schema: { tags, summary: 'Jobs, newest first', querystring: JOB_LIST_QUERY, response: { 200: listOf(JOB) } } },
    async (request) => (await services.listJobs(store, { ...request.query, limit: LISTED_JOBS })).map(presentJob),
  );
  app.post<{ Body: { releaseIds?: number[] | null } }>(
    '/jobs/revalidation',
    {
      config: { permission: 'licenses:write' },
      schema: {
        tags,
        summary: 'Validate releases again, as a job (after a licence policy or knowledge-base change)',
        description: 'Answers 202 with the job; each release gets a new stored validation run.',
        body: RELEASES_BODY,
        response: { 202: JOB },
      },
    },
    async (request, reply) => {
      const job = await services.enqueueRevalidation(store, { releaseIds: request.body?.releaseIds ?? null, reason: 'manual', author: authorOf(request) });
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
    },
  );
  app.post<{ Body: { releaseIds?: number[] | null } }>(
    '/jobs/rescan',
    {
      config: { permission: 'vulnerabilities:write' },
      schema: {
        tags,
        summary: "Scan releases again against the store's vulnerability database, as a job",
        description: 'Answers 202 with the job; each release gets its stored findings replaced.',
        body: RELEASES_BODY,
        response: { 202: JOB },
      },
    },
    async (request, reply) => {
      const job = await services.enqueueRescan(store, { releaseIds: request.body?.releaseIds ?? null, reason: 'on demand', author: authorOf(request) });
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
    },
  );
}
