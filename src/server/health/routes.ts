import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { ApiError } from '../errors/api-error.js';

const STATUS_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string' }, store: { type: 'string' } },
} as const;

/** /health says the process answers; /ready says it can also reach its store (for load balancers). */
export async function healthRoutes(app: FastifyInstance, opts: { store: Store }): Promise<void> {
  app.get(
    '/health',
    { config: { permission: 'public' }, schema: { summary: 'The process is up', tags: ['health'], response: { 200: STATUS_SCHEMA } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/ready',
    { config: { permission: 'public' }, schema: { summary: 'The store is reachable', tags: ['health'], response: { 200: STATUS_SCHEMA } } },
    async () => {
      try {
        // Any indexed lookup proves a live connection; id 0 never exists.
        await opts.store.getCategory(0);
      } catch (err) {
        app.log.warn({ err }, 'store not reachable');
        throw new ApiError('unavailable', 'The store is not reachable');
      }
      return { status: 'ready', store: opts.store.dialect };
    },
  );
}
