import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { PORTFOLIO_ROUTES } from '../../api-contract/portfolio.js';
import { presentRelease } from '../releases/presenter.js';

/** The dashboard in one call. */
export async function dashboardRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, PORTFOLIO_ROUTES.dashboard, async () => {
    const summary = await services.dashboardSummary(store);
    return {
      ...summary,
      recentReleases: summary.recentReleases.map((v) => ({ ...v, release: presentRelease(v.release) })),
      openObligations: summary.openObligations.map((o) => ({ ...o, release: presentRelease(o.release) })),
    };
  });
}
