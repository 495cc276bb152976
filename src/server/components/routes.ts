import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { PORTFOLIO_ROUTES } from '../../api-contract/portfolio.js';
import { presentDecision } from '../decisions/presenter.js';
import { presentRelease } from '../releases/presenter.js';

/** Where a component is used, and which releases use a licence (issue 8 item 17). */
export async function componentRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, PORTFOLIO_ROUTES.componentUsage, async (request) => {
    const found = await services.componentUsage(store, request.query.component);
    return {
      ...found,
      releases: found.releases.map((r) => ({ ...r, release: presentRelease(r.release) })),
      decisions: found.decisions.map(presentDecision),
    };
  });
  serve(app, PORTFOLIO_ROUTES.licenseReleases, async (request) =>
    (await services.releasesUsingLicense(store, request.params.license)).map((r) => ({
      ...r,
      release: presentRelease(r.release),
    })),
  );
}
