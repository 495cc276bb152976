import { ID, OPEN_OBJECT } from '../http/common-schemas.js';

export const JOB = {
  type: 'object',
  required: ['id', 'kind', 'state', 'progress', 'attempts', 'maxAttempts', 'createdAt', 'links'],
  properties: {
    id: ID,
    kind: { type: 'string', enum: ['import', 'revalidate', 'rescan'] },
    state: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed'] },
    releaseId: { type: ['integer', 'null'] },
    params: OPEN_OBJECT,
    progress: {
      type: 'object',
      required: ['phase', 'done', 'total'],
      properties: { phase: { type: 'string' }, done: { type: 'integer' }, total: { type: 'integer' } },
    },
    result: { anyOf: [{ type: 'null' }, OPEN_OBJECT] },
    error: {
      anyOf: [{ type: 'null' }, { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } }],
    },
    attempts: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    startedAt: { type: ['string', 'null'] },
    finishedAt: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
    links: { type: 'object', properties: { self: { type: 'string' } } },
  },
} as const;

export const JOB_LIST_QUERY = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed'] },
    releaseId: ID,
  },
} as const;

export const RELEASES_BODY = {
  type: 'object',
  properties: {
    releaseIds: { type: ['array', 'null'], items: ID, maxItems: 1000, uniqueItems: true, description: 'The releases to validate again; left out or null: every release' },
  },
  additionalProperties: false,
} as const;
