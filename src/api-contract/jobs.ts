/** Jobs: long work a worker runs (background imports, re-validations, re-scans). */
import { ID, ID_PARAMS, OPEN_OBJECT, STRING, STRING_OR_NULL, closed, listOf, type Infer } from './json-schema.js';
import { route } from './route.js';

const JOB_STATE = { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] } as const;

export const JOB = closed(
  {
    id: ID,
    kind: { type: 'string', enum: ['import', 'revalidate', 'rescan'] },
    state: JOB_STATE,
    releaseId: { type: ['integer', 'null'] },
    params: OPEN_OBJECT,
    progress: closed({ phase: STRING, done: { type: 'integer' }, total: { type: 'integer' } }, [
      'phase',
      'done',
      'total',
    ]),
    result: { anyOf: [{ type: 'null' }, OPEN_OBJECT] },
    error: { anyOf: [{ type: 'null' }, closed({ code: STRING, message: STRING }, ['code', 'message'])] },
    attempts: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    createdBy: STRING_OR_NULL,
    createdAt: STRING,
    startedAt: STRING_OR_NULL,
    finishedAt: STRING_OR_NULL,
    updatedAt: STRING,
    links: closed({ self: STRING }, ['self']),
  },
  [
    'id',
    'kind',
    'state',
    'releaseId',
    'params',
    'progress',
    'result',
    'error',
    'attempts',
    'maxAttempts',
    'createdBy',
    'createdAt',
    'startedAt',
    'finishedAt',
    'updatedAt',
    'links',
  ],
);

export const JOB_LIST_QUERY = {
  type: 'object',
  properties: { state: JOB_STATE, releaseId: ID },
  additionalProperties: false,
} as const;

export const RELEASES_BODY = {
  type: 'object',
  properties: {
    releaseIds: {
      type: ['array', 'null'],
      items: ID,
      maxItems: 1000,
      uniqueItems: true,
      description: 'The releases to validate again; left out or null: every release',
    },
  },
  additionalProperties: false,
} as const;

const tags = ['jobs'] as const;

export const JOB_ROUTES = {
  get: route({
    method: 'GET',
    path: '/api/jobs/:id',
    permission: 'read',
    tags,
    summary: 'A job: state, progress, result or error',
    description:
      'Long work (imports sent with ?background=true, re-validations) runs as a job in a worker (`vigie worker`, or those `vigie serve` starts). Poll this until `state` is succeeded, failed or cancelled.',
    params: ID_PARAMS,
    response: { 200: JOB },
  }),
  list: route({
    method: 'GET',
    path: '/api/jobs',
    permission: 'read',
    tags,
    summary: 'Jobs, newest first',
    querystring: JOB_LIST_QUERY,
    response: { 200: listOf(JOB) },
  }),
  cancel: route({
    method: 'POST',
    path: '/api/jobs/:id/cancel',
    permission: 'portfolio:write',
    tags,
    summary: 'Cancel a job that has committed nothing yet',
    description:
      'A queued job is cancelled at once and never runs; a running one is cancelled while none of its work is committed: its worker stops at its next step and rolls back what it had begun. 409 conflict once the job has committed part of its work (it then runs to its end) or has ended.',
    params: ID_PARAMS,
    response: { 200: JOB },
  }),
  retry: route({
    method: 'POST',
    path: '/api/jobs/:id/retry',
    permission: 'portfolio:write',
    tags,
    summary: 'Run a failed or cancelled job again, as a new job',
    description:
      'Answers 202 with a new job of the same kind, release and params (`params.retryOf` names the job it repeats); the ended job is left as it was. Same role as cancelling, plus the permission that starting a job of that kind needs (a re-validation: licenses:write; a re-scan: vulnerabilities:write). 409 conflict when the job is queued, running or succeeded, when it was already retried (a job is retried once: the message names the job that retries it; two retries sent at once make one job), and for an import (its uploaded document is not kept once the job ends: send it again).',
    params: ID_PARAMS,
    response: { 202: JOB },
  }),
  revalidation: route({
    method: 'POST',
    path: '/api/jobs/revalidation',
    permission: 'licenses:write',
    tags,
    summary: 'Validate releases again, as a job (after a licence policy or knowledge-base change)',
    description: 'Answers 202 with the job; each release gets a new stored validation run.',
    body: RELEASES_BODY,
    response: { 202: JOB },
  }),
  rescan: route({
    method: 'POST',
    path: '/api/jobs/rescan',
    permission: 'vulnerabilities:write',
    tags,
    summary: "Scan releases again against the store's vulnerability database, as a job",
    description: 'Answers 202 with the job; each release gets its stored findings replaced.',
    body: RELEASES_BODY,
    response: { 202: JOB },
  }),
} as const;

export type Job = Infer<typeof JOB>;
