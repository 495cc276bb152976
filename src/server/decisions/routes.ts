import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { DecisionFilter } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { DELETED, ID_PARAMS, listOf } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { presentDecision } from './presenter.js';
import { DECISION, DECISION_FILTER, NEW_DECISION } from './schemas.js';
import { toNewDecision, type DecisionBody } from './to-new-decision.js';

export async function decisionRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['decisions'];
  app.get<{ Querystring: DecisionFilter }>(
    '/decisions',
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'Curations, licence choices, derogations and authorised contexts', querystring: DECISION_FILTER, response: { 200: listOf(DECISION) } },
    },
    async (request) => (await services.listDecisions(store, request.query)).map(presentDecision),
  );
  app.post<{ Body: DecisionBody }>(
    '/decisions',
    {
      config: { permission: 'decisions:write' },
      schema: { tags, summary: 'Record a decision, signed with the token name', body: NEW_DECISION, response: { 201: DECISION } },
    },
    async (request, reply) => {
      const decision = await services.recordDecision(store, toNewDecision(request.body, authorOf(request)));
      return reply.status(201).send(presentDecision(decision));
    },
  );
  app.delete<{ Params: { id: number } }>(
    '/decisions/:id',
    { config: { permission: 'decisions:write' }, schema: { tags, summary: 'Delete one decision', params: ID_PARAMS, response: { 200: DELETED } } },
    async (request) => {
      await services.deleteDecision(store, request.params.id, { actor: authorOf(request) });
      return { deleted: 1 };
    },
  );
  app.delete<{ Querystring: DecisionFilter }>(
    '/decisions',
    {
      config: { permission: 'decisions:write' },
      schema: { tags, summary: 'Reset: delete every decision matching the filter (all when none)', querystring: DECISION_FILTER, response: { 200: DELETED } },
    },
    async (request) => ({ deleted: await services.resetDecisions(store, request.query, { actor: authorOf(request) }) }),
  );
}
