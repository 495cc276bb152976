import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, OPEN_OBJECT } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';
import { RELEASE } from '../releases/schemas.js';

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
  },
} as const;

export async function validationRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['validation'];
  app.get<{ Params: { id: number } }>(
    '/releases/:id/validation',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The six validation steps, each with what blocks it and the decision that clears it',
        description: 'Recomputed on every call; the step reached is stored on the release.',
        params: ID_PARAMS,
        response: { 200: VALIDATION },
      },
    },
    async (request) => {
      const v = await services.validateRelease(store, request.params.id);
      return { release: presentRelease(v.release), validationStep: v.validationStep, steps: v.steps, report: v.report };
    },
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
