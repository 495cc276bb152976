import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';

/** The portfolio view (issue 8 item 19): every release's step, open blockers by kind and trend. */
export async function overviewRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  app.get(
    '/portfolio/overview',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['portfolio'],
        summary: 'Per release: step reached, open blockers by kind, and the trend over its stored validation runs',
        response: { 200: listOf(OPEN_OBJECT) },
      },
    },
    async () => (await services.portfolioOverview(store)).map((r) => ({ ...r, release: presentRelease(r.release) })),
  );
}
