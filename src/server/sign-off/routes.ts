import type { FastifyInstance } from 'fastify';
import { INPUT_LIMITS } from '../../model/input-limits.js';
import * as services from '../../services/index.js';
import { authorOf } from '../http/author.js';
import { ID, ID_PARAMS, OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import type { ResourceOptions } from '../http/route-options.js';
import { presentRelease } from '../releases/presenter.js';

const REASON_BODY = {
  type: 'object',
  properties: { reason: { type: 'string', maxLength: INPUT_LIMITS.text } },
  additionalProperties: false,
} as const;

const HISTORY_QUERY = {
  type: 'object',
  properties: {
    subject: { type: 'string', enum: ['decision', 'policy', 'release'] },
    subjectId: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name },
    releaseId: ID,
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  additionalProperties: false,
} as const;

const present = (s: services.ReleaseSignOff) => ({ ...s, release: presentRelease(s.release) });

/** Release sign-off and the change history (issue 8 item 18). */
export async function signOffRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['sign-off'];
  app.get<{ Params: { id: number } }>(
    '/releases/:id/sign-off',
    { config: { permission: 'read' }, schema: { tags, summary: 'Approval and shipping state of a release', params: ID_PARAMS, response: { 200: OPEN_OBJECT } } },
    async (request) => present(await services.releaseSignOff(store, request.params.id)),
  );
  app.post<{ Params: { id: number }; Body: { reason?: string } }>(
    '/releases/:id/approval',
    {
      // Approving is a licence-compliance judgement: legal and compliance officers (decisions:write).
      config: { permission: 'decisions:write' },
      schema: { tags, summary: 'Approve a release validated to step 6 (records who, when and why)', params: ID_PARAMS, body: REASON_BODY, response: { 201: OPEN_OBJECT } },
    },
    async (request, reply) => reply.status(201).send(present(await services.approveRelease(store, request.params.id, { actor: authorOf(request), reason: request.body?.reason ?? null }))),
  );
  app.post<{ Params: { id: number }; Body: { reason?: string } }>(
    '/releases/:id/ship',
    {
      // Shipping runs the portfolio: project managers and compliance officers (portfolio:write).
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Publish an approved release whose approval is still current (recorded)', params: ID_PARAMS, body: REASON_BODY, response: { 201: OPEN_OBJECT } },
    },
    async (request, reply) => reply.status(201).send(present(await services.shipRelease(store, request.params.id, { actor: authorOf(request), reason: request.body?.reason ?? null }))),
  );
  app.get<{ Querystring: { subject?: 'decision' | 'policy' | 'release'; subjectId?: string; releaseId?: number; limit?: number } }>(
    '/history',
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'Changes to decisions, licence policies and release sign-off, newest first (who, when, why, before, after)', querystring: HISTORY_QUERY, response: { 200: listOf(OPEN_OBJECT) } },
    },
    async (request) => services.listChanges(store, request.query),
  );
}
