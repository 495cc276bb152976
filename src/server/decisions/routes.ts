import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { authorOf } from '../http/author.js';
import { DECISION_ROUTES } from '../../api-contract/decisions.js';
import { presentDecision } from './presenter.js';
import { toNewDecision } from './to-new-decision.js';

export async function decisionRoutes(app: FastifyInstance, { store, keptPages }: ResourceOptions): Promise<void> {
  serve(app, DECISION_ROUTES.list, async (request, reply) =>
    keptPages.sendList(request, reply, async () =>
      (await services.listDecisions(store, request.query)).map(presentDecision),
    ),
  );
  serve(app, DECISION_ROUTES.record, async (request, reply) => {
    const decision = await services.recordDecision(store, toNewDecision(request.body, authorOf(request)));
    return reply.status(201).send(presentDecision(decision));
  });
  serve(app, DECISION_ROUTES.delete, async (request) => {
    await services.deleteDecision(store, request.params.id, { actor: authorOf(request) });
    return { deleted: 1 };
  });
  serve(app, DECISION_ROUTES.reset, async (request) => ({
    deleted: await services.resetDecisions(store, request.query, { actor: authorOf(request) }),
  }));
}
