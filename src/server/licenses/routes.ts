import type { FastifyInstance } from 'fastify';
import { authorOf } from '../http/author.js';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { LICENSE_ROUTES } from '../../api-contract/licenses.js';
import { presentLicenseSummary } from './presenter.js';
import { policySettingsRoutes } from './policy-settings-routes.js';

export async function licenseRoutes(app: FastifyInstance, { store, keptPages }: ResourceOptions): Promise<void> {
  serve(app, LICENSE_ROUTES.list, async (request, reply) =>
    keptPages.sendList(request, reply, async () =>
      (await services.licenseCatalogue(store)).map((entry) =>
        presentLicenseSummary(entry.facts, entry.obligationCount, entry.policy),
      ),
    ),
  );
  serve(app, LICENSE_ROUTES.compatibility, async (request) => {
    const q = request.query;
    const result = await services.licenseCompatibility(store, q.inbound, q.outbound, {
      linking: q.linking,
      exploitation: q.exploitation,
    });
    return {
      ...result,
      compatible: result.verdict === 'compatible' ? true : result.verdict === 'incompatible' ? false : null,
    };
  });
  serve(app, LICENSE_ROUTES.get, async (request) => services.licenseDetail(store, request.params.license));
  serve(app, LICENSE_ROUTES.policy, async (request) => services.licensePolicyOf(store, request.params.license));
  serve(app, LICENSE_ROUTES.setPolicy, async (request) =>
    services.updateLicensePolicy(
      store,
      request.params.license,
      request.body,
      { actor: authorOf(request) },
      { revalidation: request.query.background ? 'job' : 'now' },
    ),
  );
  await policySettingsRoutes(app, store);
  serve(app, LICENSE_ROUTES.policies, async () => services.listLicensePolicies(store));
}
