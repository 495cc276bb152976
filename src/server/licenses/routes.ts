import type { FastifyInstance } from 'fastify';
import {
  defaultPolicy,
  findLicense,
  obligationsOfLicense,
  type Exploitation,
  type LicensePolicy,
  type Linking,
} from '../../licenses/kb/index.js';
import { checkCompatibility } from '../../licenses/compatibility/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { listOf } from '../http/common-schemas.js';
import { notFound } from '../errors/api-error.js';
import { knowledgeBaseOf } from './knowledge-base.js';
import { presentLicenseSummary } from './presenter.js';
import {
  COMPATIBILITY,
  COMPATIBILITY_QUERY,
  LICENSE_DETAIL,
  LICENSE_PARAMS,
  LICENSE_SUMMARY,
  POLICY,
  POLICY_INPUT,
} from './schemas.js';

type PolicyInput = Pick<LicensePolicy, 'allowed'> & Partial<Omit<LicensePolicy, 'license' | 'allowed'>>;

export async function licenseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['licences'];
  const policyOf = async (license: string) => (await store.getPolicy(license)) ?? defaultPolicy(license);

  app.get('/licenses', { config: { permission: 'read' }, schema: { tags, summary: 'The licence catalogue with each policy', response: { 200: listOf(LICENSE_SUMMARY) } } }, async () => {
    const kb = await knowledgeBaseOf(store);
    const policies = new Map((await store.listPolicies()).map((p) => [p.license.toLowerCase(), p]));
    const counts = new Map<string, number>();
    for (const o of kb.obligations) counts.set(o.license.toLowerCase(), (counts.get(o.license.toLowerCase()) ?? 0) + 1);
    return kb.licenses.map((l) =>
      presentLicenseSummary(l, counts.get(l.id.toLowerCase()) ?? 0, policies.get(l.id.toLowerCase()) ?? defaultPolicy(l.id)),
    );
  });
  app.get<{ Querystring: { inbound: string; outbound: string; linking: Linking; exploitation: Exploitation } }>(
    '/licenses/compatibility',
    { config: { permission: 'read' }, schema: { tags, summary: 'May a component under one licence ship in a release under another?', querystring: COMPATIBILITY_QUERY, response: { 200: COMPATIBILITY } } },
    async (request) => {
      const q = request.query;
      const result = checkCompatibility(q.inbound, q.outbound, { linking: q.linking, exploitation: q.exploitation }, await knowledgeBaseOf(store));
      return { ...result, compatible: result.verdict === 'compatible' ? true : result.verdict === 'incompatible' ? false : null };
    },
  );
  app.get<{ Params: { license: string } }>(
    '/licenses/:license',
    { config: { permission: 'read' }, schema: { tags, summary: 'Facts, obligations and policy of one licence', params: LICENSE_PARAMS, response: { 200: LICENSE_DETAIL } } },
    async (request) => {
      const kb = await knowledgeBaseOf(store);
      const facts = findLicense(kb, request.params.license);
      if (!facts) throw notFound(`licence ${request.params.license}`);
      return { facts, obligations: obligationsOfLicense(kb, facts.id), policy: await policyOf(facts.id) };
    },
  );
  app.get<{ Params: { license: string } }>(
    '/licenses/:license/policy',
    { config: { permission: 'read' }, schema: { tags, summary: 'The policy of one licence ("not-reviewed" when none was set)', params: LICENSE_PARAMS, response: { 200: POLICY } } },
    async (request) => policyOf(request.params.license),
  );
  app.put<{ Params: { license: string }; Body: PolicyInput }>(
    '/licenses/:license/policy',
    { config: { permission: 'licenses:write' }, schema: { tags, summary: 'Set the policy of one licence', params: LICENSE_PARAMS, body: POLICY_INPUT, response: { 200: POLICY } } },
    async (request) => {
      const current = await policyOf(request.params.license);
      const policy: LicensePolicy = { ...current, ...request.body, license: current.license };
      await store.setPolicy(policy);
      return policy;
    },
  );
  app.get('/policies', { config: { permission: 'read' }, schema: { tags, summary: 'Every licence policy that was set', response: { 200: listOf(POLICY) } } }, async () =>
    store.listPolicies(),
  );
}
