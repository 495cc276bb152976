import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import { authorOf } from '../http/author.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { VALIDATION_ROUTES } from '../../api-contract/validation.js';
import { presentRelease } from '../releases/presenter.js';

const present = (s: services.ReleaseSignOff) => ({ ...s, release: presentRelease(s.release) });

/** Release sign-off and the change history (issue 8 item 18). */
export async function signOffRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, VALIDATION_ROUTES.signOff, async (request) =>
    present(await services.releaseSignOff(store, request.params.id)),
  );
  serve(app, VALIDATION_ROUTES.approve, async (request, reply) =>
    reply.status(201).send(
      present(
        await services.approveRelease(store, request.params.id, {
          actor: authorOf(request),
          reason: request.body?.reason ?? null,
        }),
      ),
    ),
  );
  serve(app, VALIDATION_ROUTES.ship, async (request, reply) =>
    reply.status(201).send(
      present(
        await services.shipRelease(store, request.params.id, {
          actor: authorOf(request),
          reason: request.body?.reason ?? null,
        }),
      ),
    ),
  );
  serve(app, VALIDATION_ROUTES.history, async (request) => services.listChanges(store, request.query));
}
