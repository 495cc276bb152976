import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { pageEachOf } from '../http/paging.js';
import { PORTFOLIO_ROUTES } from '../../api-contract/portfolio.js';
import { presentRelease } from '../releases/presenter.js';

export async function portfolioRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, PORTFOLIO_ROUTES.releasesContaining, async (request) =>
    (await services.releasesContaining(store, request.query)).map((hit) => ({
      ...hit,
      release: presentRelease(hit.release),
    })),
  );
  serve(app, PORTFOLIO_ROUTES.topComponents, async (request) =>
    services.mostUsedComponents(store, request.query.limit),
  );
  serve(app, PORTFOLIO_ROUTES.licenseDistribution, async (request) =>
    services.licenseDistribution(store, request.query.role, request.query.releaseId),
  );
  serve(app, PORTFOLIO_ROUTES.diff, async (request, reply) => {
    const diff = await services.diffReleases(store, request.query.from, request.query.to);
    const { added, removed, versionChanged, choiceChanged } = diff;
    const { pages, totals } = pageEachOf({ added, removed, versionChanged, choiceChanged }, request, reply);
    return { ...pages, totals };
  });
}
