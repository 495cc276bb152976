import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import { META_ROUTES } from '../../api-contract/meta.js';
import { ApiError } from '../errors/api-error.js';
import { serve } from '../http/serve-route.js';

/** /health says the process answers; /ready says it can also reach its store (for load balancers). */
export async function healthRoutes(app: FastifyInstance, opts: { store: services.Store }): Promise<void> {
  serve(app, META_ROUTES.health, async () => ({ status: 'ok' }));
  serve(app, META_ROUTES.ready, async (request) => {
    const health = await services.storeHealth(opts.store);
    if (!health.reachable) {
      request.log.warn({ err: health.error }, 'store not reachable');
      throw new ApiError('unavailable', 'The store is not reachable');
    }
    return { status: 'ready', store: health.dialect };
  });
}
