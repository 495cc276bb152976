import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { VALIDATION_ROUTES } from '../../api-contract/validation.js';
import { presentRelease } from '../releases/presenter.js';

/**
 * Steps and report are the compliance layer's shapes, which the contract leaves open (ADR 33). The
 * report is sent as its summary: its steps are the `steps` sent beside it and its per-usage results
 * are the BOM's; sent whole, they made the answer 2.3 times larger (263 MB for 100k components).
 */
function presentValidation(v: services.ReleaseValidation) {
  const { steps: _sameAsSteps, usages, ...summary } = v.report;
  return {
    release: presentRelease(v.release),
    validationStep: v.validationStep,
    steps: v.steps.map((s) => ({ ...s })),
    report: { ...summary, usageCount: usages.length },
    run: v.run,
  };
}

export async function validationRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, VALIDATION_ROUTES.validation, async (request) =>
    presentValidation(await services.releaseValidation(store, request.params.id)),
  );
  serve(app, VALIDATION_ROUTES.runs, async (request) => {
    await services.getRelease(store, request.params.id);
    return services.listValidationRuns(store, request.params.id);
  });
  serve(app, VALIDATION_ROUTES.validate, async (request, reply) =>
    reply.status(201).send(presentValidation(await services.validateRelease(store, request.params.id))),
  );
  serve(app, VALIDATION_ROUTES.obligations, async (request) => services.releaseObligations(store, request.params.id));
}
