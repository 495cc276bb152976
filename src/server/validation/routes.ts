import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { BLOCKERS_SHOWN, VALIDATION_ROUTES } from '../../api-contract/validation.js';
import { requestedPage, storePage } from '../http/paging.js';
import { presentRelease } from '../releases/presenter.js';

/**
 * Steps and report are the compliance layer's shapes, which the contract leaves open (ADR 33). The
 * report is sent as its summary: its steps are the `steps` sent beside it and its per-usage results
 * are the BOM's; sent whole, they made the answer 2.3 times larger (263 MB for 100k components).
 * Each step lists its first blockers and counts them all; the rest are paged (ADR 63).
 */
function presentValidation(v: services.ValidationPage) {
  // Spread: the contract's open objects take the compliance layer's records as plain objects.
  return { ...v, release: presentRelease(v.release), steps: v.steps.map((s) => ({ ...s })) };
}

export async function validationRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, VALIDATION_ROUTES.validation, async (request) =>
    presentValidation(
      await services.releaseValidationPage(store, request.params.id, request.query.blockers ?? BLOCKERS_SHOWN),
    ),
  );
  serve(app, VALIDATION_ROUTES.stepBlockers, async (request, reply) => {
    const { limit, offset } = requestedPage(request);
    const { id, step } = request.params;
    const kinds = request.query.kind?.split(',') ?? null;
    const { items, total } = await services.releaseStepBlockers(store, id, step, { offset, limit, kinds });
    return storePage(
      items.map((b) => ({ ...b })),
      total,
      request,
      reply,
    );
  });
  serve(app, VALIDATION_ROUTES.runs, async (request) => {
    await services.getRelease(store, request.params.id);
    return services.listValidationRuns(store, request.params.id);
  });
  serve(app, VALIDATION_ROUTES.validate, async (request, reply) =>
    reply
      .status(201)
      .send(
        presentValidation(
          await services.validateReleasePage(store, request.params.id, request.query.blockers ?? BLOCKERS_SHOWN),
        ),
      ),
  );
  serve(app, VALIDATION_ROUTES.obligations, async (request) => services.releaseObligations(store, request.params.id));
}
