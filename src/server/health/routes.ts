import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import { ApiError } from '../errors/api-error.js';

const STATUS_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string' }, store: { type: 'string' } },
} as const;

/** /health says the process answers; /ready says it can also reach its store (for load balancers). */
export async function healthRoutes(app: FastifyInstance, opts: { store: services.Store }): Promise<void> {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: { summary: 'The process is up', tags: ['health'], response: { 200: STATUS_SCHEMA } },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/ready',
    {
      config: { permission: 'public' },
      schema: { summary: 'The store is reachable', tags: ['health'], response: { 200: STATUS_SCHEMA } },
    },
    async (request) => {
      const health = await services.storeHealth(opts.store);
      if (!health.reachable) {
        request.log.warn({ err: health.error }, 'store not reachable');
        throw new ApiError('unavailable', 'The store is not reachable');
      }
      return { status: 'ready', store: health.dialect };
    },
  );
}
