import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, OPEN_OBJECT } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';
import { RELEASE } from '../../api-contract/records.js';

const VALIDATION = {
  type: 'object',
  required: ['release', 'validationStep', 'steps'],
  properties: {
    release: RELEASE,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['step', 'name', 'passed', 'blockers'],
        properties: { step: { type: 'integer' }, name: { type: 'string' }, passed: { type: 'boolean' }, blockers: { type: 'array', items: {} } },
        additionalProperties: true,
      },
    },
    report: OPEN_OBJECT,
    run: { anyOf: [{ type: 'null' }, OPEN_OBJECT] },
  },
} as const;

const RUN_SUMMARY = {
  type: 'object',
  required: ['id', 'releaseId', 'createdAt', 'reason', 'validationStep', 'blockerCount', 'fingerprint', 'licenseCounts'],
  properties: {
    id: { type: 'integer' },
    releaseId: { type: 'integer' },
    createdAt: { type: 'string' },
    reason: { type: 'string' },
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
    blockerCount: { type: 'integer', minimum: 0 },
    fingerprint: { type: 'string' },
    licenseCounts: { type: 'object', additionalProperties: { type: 'integer' } },
  },
} as const;

function presentValidation(v: services.ReleaseValidation) {
  return { release: presentRelease(v.release), validationStep: v.validationStep, steps: v.steps, report: v.report, run: v.run };
}

export async function validationRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['validation'];
  app.get<{ Params: { id: number } }>(
    '/releases/:id/validation',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The six validation steps, each with what blocks it and the decision that clears it',
        description:
          'The newest stored validation run, recorded whenever the release, its decisions, the policy or the knowledge base changed; reading never validates nor writes.',
        params: ID_PARAMS,
        response: { 200: VALIDATION },
      },
    },
    async (request) => presentValidation(await services.releaseValidation(store, request.params.id)),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/validation-runs',
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'The stored validation runs of a release, newest first (without their reports)', params: ID_PARAMS, response: { 200: { type: 'array', items: RUN_SUMMARY } } },
    },
    async (request) => {
      await services.getRelease(store, request.params.id);
      return services.listValidationRuns(store, request.params.id);
    },
  );
  app.post<{ Params: { id: number } }>(
    '/releases/:id/validation-runs',
    {
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Validate the release now and store the run', params: ID_PARAMS, response: { 201: VALIDATION } },
    },
    async (request, reply) => reply.status(201).send(presentValidation(await services.validateRelease(store, request.params.id))),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/obligations',
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'Obligations grouped by compliance action, with the usages that trigger them', params: ID_PARAMS },
    },
    async (request) => services.releaseObligations(store, request.params.id),
  );
}
