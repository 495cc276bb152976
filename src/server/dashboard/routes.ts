import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { NULLABLE_STRING, OPEN_OBJECT, STRING_LIST } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';

const OPEN_ACTION = {
  type: 'object',
  required: ['name', 'core', 'category', 'usages', 'licenses'],
  properties: { name: { type: 'string' }, core: { type: 'boolean' }, category: NULLABLE_STRING, usages: { type: 'integer' }, licenses: STRING_LIST },
} as const;

const SUMMARY = {
  type: 'object',
  required: ['counts', 'recentReleases', 'licenses', 'policies', 'openObligations'],
  properties: {
    counts: {
      type: 'object',
      properties: { categories: { type: 'integer' }, products: { type: 'integer' }, releases: { type: 'integer' }, decisions: { type: 'integer' } },
    },
    recentReleases: { type: 'array', items: OPEN_OBJECT },
    licenses: { type: 'array', items: OPEN_OBJECT },
    policies: { type: 'object', additionalProperties: { type: 'integer' } },
    openObligations: {
      type: 'array',
      description: `Compliance actions triggered in releases past the policy step (step ${services.POLICY_STEP}), newest release first, at most ${services.OPEN_OBLIGATION_RELEASES} releases`,
      items: {
        type: 'object',
        required: ['release', 'productName', 'actions'],
        properties: { release: OPEN_OBJECT, productName: NULLABLE_STRING, actions: { type: 'array', items: OPEN_ACTION } },
      },
    },
  },
} as const;

/** The dashboard in one call. */
export async function dashboardRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  app.get(
    '/dashboard',
    {
      config: { permission: 'read' },
      schema: { tags: ['dashboard'], summary: 'Counts, recently consulted releases, licence and policy status, open obligations', response: { 200: SUMMARY } },
    },
    async () => {
      const summary = await services.dashboardSummary(store);
      return {
        ...summary,
        recentReleases: summary.recentReleases.map((v) => ({ ...v, release: presentRelease(v.release) })),
        openObligations: summary.openObligations.map((o) => ({ ...o, release: presentRelease(o.release) })),
      };
    },
  );
}
