import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { PORTFOLIO_ROUTES } from '../../api-contract/portfolio.js';
import { presentRelease } from '../releases/presenter.js';

/** The portfolio view (issue 8 item 19): every release's step, open blockers by kind and trend. */
export async function overviewRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, PORTFOLIO_ROUTES.overview, async () =>
    (await services.portfolioOverview(store)).map((r) => ({ ...r, release: presentRelease(r.release) })),
  );
}
