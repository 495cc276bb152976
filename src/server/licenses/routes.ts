import type { FastifyInstance } from 'fastify';
import { authorOf } from '../http/author.js';
import type { Exploitation, LicensePolicy, Linking } from '../../licenses/kb/index.js';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { listOf } from '../http/common-schemas.js';
import { presentLicenseSummary } from './presenter.js';
import { policySettingsRoutes } from './policy-settings-routes.js';
import {
  COMPATIBILITY,
  COMPATIBILITY_QUERY,
  LICENSE_DETAIL,
  LICENSE_PARAMS,
  LICENSE_SUMMARY,
  POLICY,
  POLICY_INPUT,
  POLICY_CHANGE_QUERY,
} from './schemas.js';

type PolicyInput = Pick<LicensePolicy, 'allowed'> & Partial<Omit<LicensePolicy, 'license' | 'allowed'>>;

export async function licenseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['licences'];
  app.get('/licenses', { config: { permission: 'read' }, schema: { tags, summary: 'The licence catalogue with each policy', response: { 200: listOf(LICENSE_SUMMARY) } } }, async () =>
    (await services.licenseCatalogue(store)).map((entry) => presentLicenseSummary(entry.facts, entry.obligationCount, entry.policy)),
  );
  app.get<{ Querystring: { inbound: string; outbound: string; linking: Linking; exploitation: Exploitation } }>(
    '/licenses/compatibility',
    { config: { permission: 'read' }, schema: { tags, summary: 'May a component under one licence ship in a release under another?', querystring: COMPATIBILITY_QUERY, response: { 200: COMPATIBILITY } } },
    async (request) => {
      const q = request.query;
      const result = await services.licenseCompatibility(store, q.inbound, q.outbound, { linking: q.linking, exploitation: q.exploitation });
      return { ...result, compatible: result.verdict === 'compatible' ? true : result.verdict === 'incompatible' ? false : null };
    },
  );
  app.get<{ Params: { license: string } }>(
    '/licenses/:license',
    { config: { permission: 'read' }, schema: { tags, summary: 'Facts, obligations and policy of one licence', params: LICENSE_PARAMS, response: { 200: LICENSE_DETAIL } } },
    async (request) => services.licenseDetail(store, request.params.license),
  );
  app.get<{ Params: { license: string } }>(
    '/licenses/:license/policy',
    { config: { permission: 'read' }, schema: { tags, summary: 'The policy of one licence ("not-reviewed" when none was set)', params: LICENSE_PARAMS, response: { 200: POLICY } } },
    async (request) => services.licensePolicyOf(store, request.params.license),
  );
  app.put<{ Params: { license: string }; Body: PolicyInput; Querystring: { background?: boolean } }>(
    '/licenses/:license/policy',
    {
      config: { permission: 'licenses:write' },
      schema: { tags, summary: 'Set the policy of one licence', params: LICENSE_PARAMS, querystring: POLICY_CHANGE_QUERY, body: POLICY_INPUT, response: { 200: POLICY } },
    },
    async (request) =>
      services.updateLicensePolicy(store, request.params.license, request.body, { actor: authorOf(request) }, { revalidation: request.query.background ? 'job' : 'now' }),
  );
  await policySettingsRoutes(app, store);
  app.get('/policies', { config: { permission: 'read' }, schema: { tags, summary: 'Every licence policy that was set', response: { 200: listOf(POLICY) } } }, async () =>
    services.listLicensePolicies(store),
  );
}
