import type { FastifyInstance } from 'fastify';
import type { Release } from '../../model/portfolio.js';
import * as services from '../../services/index.js';
import type { ReleasePatch } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { DELETED, ID_PARAMS, OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import { presentBom, presentRelease } from './presenter.js';
import { DEPENDENCY_PATH, NEW_RELEASE, PATH_QUERY, RECENT_VIEW, RELEASE, RELEASE_LIST_QUERY, RELEASE_PATCH, USAGE_EDIT, USAGE_PARAMS } from './schemas.js';

type NewReleaseBody = Pick<Release, 'number'> & Partial<Pick<Release, 'shipStatus' | 'commit' | 'outboundLicenses'>>;

export async function releaseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['releases'];
  app.get<{ Querystring: { productId?: number } }>(
    '/releases',
    { config: { permission: 'read' }, schema: { tags, summary: 'List releases', querystring: RELEASE_LIST_QUERY, response: { 200: listOf(RELEASE) } } },
    async (request) => (await services.listReleases(store, request.query.productId)).map(presentRelease),
  );
  app.get(
    '/releases/recent',
    { config: { permission: 'read' }, schema: { tags, summary: 'Releases consulted last, newest first', response: { 200: listOf(RECENT_VIEW) } } },
    async () =>
      (await services.recentReleases(store)).map((v) => ({ release: presentRelease(v.release), viewedAt: v.viewedAt, viewedBy: v.viewedBy })),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/usages',
    { config: { permission: 'read' }, schema: { tags, summary: 'The BOM of a release: each usage with its version and component', params: ID_PARAMS, response: { 200: listOf(OPEN_OBJECT) } } },
    async (request) => presentBom(await services.releaseBom(store, request.params.id)),
  );
  app.get<{ Params: { id: number; usageId: number }; Querystring: { maxSteps?: number } }>(
    '/releases/:id/usages/:usageId/dependency-path',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Shortest path from the primary component to a usage (which top-level dependency brings it), bounded',
        params: USAGE_PARAMS,
        querystring: PATH_QUERY,
        response: { 200: DEPENDENCY_PATH },
      },
    },
    async (request) =>
      services.usageDependencyPath(store, request.params.id, request.params.usageId, { maxSteps: request.query.maxSteps }),
  );
  app.patch<{ Params: { id: number; usageId: number }; Body: services.UsageEdit }>(
    '/releases/:id/usages/:usageId',
    {
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Record how a usage is linked, whether it was modified, its status and description (records a validation run)', params: USAGE_PARAMS, body: USAGE_EDIT, response: { 200: OPEN_OBJECT } },
    },
    async (request) => {
      const usage = await services.updateUsage(store, request.params.id, request.params.usageId, request.body);
      return { ...usage, modification: services.modificationOf(usage) };
    },
  );
  app.get<{ Params: { id: number } }>(
    '/products/:id/releases',
    { config: { permission: 'read' }, schema: { tags, summary: 'Releases of a product', params: ID_PARAMS, response: { 200: listOf(RELEASE) } } },
    async (request) => {
      await services.getProduct(store, request.params.id);
      return (await services.listReleases(store, request.params.id)).map(presentRelease);
    },
  );
  app.post<{ Params: { id: number }; Body: NewReleaseBody }>(
    '/products/:id/releases',
    {
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Create a release of a product', params: ID_PARAMS, body: NEW_RELEASE, response: { 201: RELEASE } },
    },
    async (request, reply) => {
      const created = await services.createRelease(store, { ...request.body, productId: request.params.id });
      return reply.status(201).send(presentRelease(created));
    },
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id',
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'One release', params: ID_PARAMS, response: { 200: RELEASE } },
    },
    async (request) => presentRelease(await services.getRelease(store, request.params.id)),
  );
  app.post<{ Params: { id: number } }>(
    '/releases/:id/views',
    {
      // Any reader may say they consulted a release: it only feeds their dashboard's recent list.
      config: { permission: 'read' },
      schema: { tags, summary: 'Record that the caller consulted the release (dashboard: consulted last)', params: ID_PARAMS, response: { 201: RELEASE } },
    },
    async (request, reply) => reply.status(201).send(presentRelease(await services.consultRelease(store, request.params.id, request.principal?.name ?? null))),
  );
  app.patch<{ Params: { id: number }; Body: ReleasePatch }>(
    '/releases/:id',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Update a release', params: ID_PARAMS, body: RELEASE_PATCH, response: { 200: RELEASE } } },
    async (request) => presentRelease(await services.updateRelease(store, request.params.id, request.body)),
  );
  app.delete<{ Params: { id: number } }>(
    '/releases/:id',
    {
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Delete a release with its usages, rules and imports', params: ID_PARAMS, response: { 200: DELETED } },
    },
    async (request) => {
      await services.deleteRelease(store, request.params.id);
      return { deleted: 1 };
    },
  );
}
