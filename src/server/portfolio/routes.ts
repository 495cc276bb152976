import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { LicenseRole } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';
import { DIFF_QUERY, DISTRIBUTION_QUERY, LIMIT_QUERY, SEARCH_QUERY } from './schemas.js';

export async function portfolioRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['portfolio'];
  app.get<{ Querystring: services.ComponentSearch }>(
    '/queries/releases-containing',
    { config: { permission: 'read' }, schema: { tags, summary: 'Which releases ship this component?', querystring: SEARCH_QUERY, response: { 200: listOf(OPEN_OBJECT) } } },
    async (request) =>
      (await services.releasesContaining(store, request.query)).map((hit) => ({ ...hit, release: presentRelease(hit.release) })),
  );
  app.get<{ Querystring: { limit: number } }>(
    '/queries/top-components',
    { config: { permission: 'read' }, schema: { tags, summary: 'Most used components', querystring: LIMIT_QUERY, response: { 200: listOf(OPEN_OBJECT) } } },
    async (request) => services.mostUsedComponents(store, request.query.limit),
  );
  app.get<{ Querystring: { role: LicenseRole; releaseId?: number } }>(
    '/queries/license-distribution',
    { config: { permission: 'read' }, schema: { tags, summary: 'Usages per licence', querystring: DISTRIBUTION_QUERY, response: { 200: listOf(OPEN_OBJECT) } } },
    async (request) => services.licenseDistribution(store, request.query.role, request.query.releaseId),
  );
  app.get<{ Querystring: { from: number; to: number } }>(
    '/queries/diff',
    { config: { permission: 'read' }, schema: { tags, summary: 'Components and licence choices that changed between two releases', querystring: DIFF_QUERY, response: { 200: OPEN_OBJECT } } },
    async (request) => services.diffReleases(store, request.query.from, request.query.to),
  );
}
