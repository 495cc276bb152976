import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { OPEN_OBJECT } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';

const SUMMARY = {
  type: 'object',
  required: ['counts', 'recentReleases', 'licenses', 'policies'],
  properties: {
    counts: {
      type: 'object',
      properties: { categories: { type: 'integer' }, products: { type: 'integer' }, releases: { type: 'integer' }, decisions: { type: 'integer' } },
    },
    recentReleases: { type: 'array', items: OPEN_OBJECT },
    licenses: { type: 'array', items: OPEN_OBJECT },
    policies: { type: 'object', additionalProperties: { type: 'integer' } },
  },
} as const;

/**
 * The dashboard in one call. Only gathers what the services and the store already answer; open
 * obligations per release come from /releases/:id/obligations.
 */
export async function dashboardRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  app.get('/dashboard', { config: { permission: 'read' }, schema: { tags: ['dashboard'], summary: 'Counts, recently consulted releases, licence and policy status', response: { 200: SUMMARY } } }, async () => {
    const [categories, products, releases, decisions, views, licenses, policies] = await Promise.all([
      services.listCategories(store),
      services.listProducts(store),
      services.listReleases(store),
      services.listDecisions(store),
      store.listRecentReleaseViews(10),
      services.licenseDistribution(store, 'chosen'),
      store.listPolicies(),
    ]);
    const productNames = new Map(products.map((p) => [p.id, p.name]));
    const policyCounts: Record<string, number> = {};
    for (const p of policies) policyCounts[p.allowed] = (policyCounts[p.allowed] ?? 0) + 1;
    return {
      counts: { categories: categories.length, products: products.length, releases: releases.length, decisions: decisions.length },
      recentReleases: views.map((v) => ({
        release: presentRelease(v.release),
        productName: productNames.get(v.release.productId) ?? null,
        viewedAt: v.viewedAt,
        viewedBy: v.viewedBy,
      })),
      licenses,
      policies: policyCounts,
    };
  });
}
