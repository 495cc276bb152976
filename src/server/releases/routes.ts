import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { RELEASE_ROUTES } from '../../api-contract/releases.js';
import { presentRelease } from './presenter.js';

export async function releaseRoutes(app: FastifyInstance, { store, keptPages }: ResourceOptions): Promise<void> {
  serve(app, RELEASE_ROUTES.list, async (request, reply) =>
    keptPages.sendList(request, reply, async () =>
      (await services.listReleases(store, request.query.productId)).map(presentRelease),
    ),
  );
  serve(app, RELEASE_ROUTES.recent, async () =>
    (await services.recentReleases(store)).map((v) => ({
      release: presentRelease(v.release),
      viewedAt: v.viewedAt,
      viewedBy: v.viewedBy,
    })),
  );
  // Only the page asked for is read (a 50k-component release is never loaded whole here); the page
  // is the same for every role the route lets in, and kept until the store changes (ADR 37).
  serve(app, RELEASE_ROUTES.usages, async (request, reply) =>
    keptPages.send(request, reply, async (page) => {
      const read = await services.releaseBomRows(store, request.params.id, page);
      return { items: read.rows, total: read.total };
    }),
  );
  serve(app, RELEASE_ROUTES.dependencyPath, async (request) =>
    services.usageDependencyPath(store, request.params.id, request.params.usageId, {
      maxSteps: request.query.maxSteps,
    }),
  );
  serve(app, RELEASE_ROUTES.editUsage, async (request) => {
    const usage = await services.updateUsage(store, request.params.id, request.params.usageId, request.body);
    return { ...usage, modification: services.modificationOf(usage) };
  });
  serve(app, RELEASE_ROUTES.ofProduct, async (request) => {
    await services.getProduct(store, request.params.id);
    return (await services.listReleases(store, request.params.id)).map(presentRelease);
  });
  serve(app, RELEASE_ROUTES.create, async (request, reply) => {
    const created = await services.createRelease(store, { ...request.body, productId: request.params.id });
    return reply.status(201).send(presentRelease(created));
  });
  serve(app, RELEASE_ROUTES.get, async (request) =>
    presentRelease(await services.getRelease(store, request.params.id)),
  );
  serve(app, RELEASE_ROUTES.view, async (request, reply) =>
    reply
      .status(201)
      .send(presentRelease(await services.consultRelease(store, request.params.id, request.principal?.name ?? null))),
  );
  serve(app, RELEASE_ROUTES.update, async (request) =>
    presentRelease(await services.updateRelease(store, request.params.id, request.body)),
  );
  serve(app, RELEASE_ROUTES.delete, async (request) => {
    await services.deleteRelease(store, request.params.id);
    return { deleted: 1 };
  });
}
