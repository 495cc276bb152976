import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { requestedPage, sendSerialisedPage } from '../http/paging.js';
import { RELEASE_ROUTES } from '../../api-contract/releases.js';
import { presentRelease } from './presenter.js';

/** A BOM page as sent: its JSON bytes (the route's response schema wrote them) and its counts. */
interface BomBody {
  body: Buffer;
  count: number;
  total: number;
}

/** BOM pages kept while the store is unchanged (ADR 37): up to 200 pages and 64 MiB of JSON per server. */
const BOM_CACHE_LIMITS = { maxEntries: 200, maxWeight: 64 * 1024 * 1024 };

export async function releaseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const bomBodies = new services.StampedCache<BomBody>(BOM_CACHE_LIMITS, (page) => page.body.length);
  serve(app, RELEASE_ROUTES.list, async (request) =>
    (await services.listReleases(store, request.query.productId)).map(presentRelease),
  );
  serve(app, RELEASE_ROUTES.recent, async () =>
    (await services.recentReleases(store)).map((v) => ({
      release: presentRelease(v.release),
      viewedAt: v.viewedAt,
      viewedBy: v.viewedBy,
    })),
  );
  serve(app, RELEASE_ROUTES.usages, async (request, reply) => {
    // Only the page asked for is read (a 50k-component release is never loaded whole here). The page
    // is the same for every role the route lets in (checked before this runs), so its bytes are
    // kept until the store changes (ADR 37).
    const { limit, offset } = requestedPage(request);
    const id = request.params.id;
    const page = await bomBodies.read(store, `${id}:${limit}:${offset}`, async () => {
      const read = await services.releaseBomRows(store, id, { limit, offset });
      return { body: jsonBytes(reply.serialize(read.rows)), count: read.rows.length, total: read.total };
    });
    return sendSerialisedPage(page.body, page.count, page.total, request, reply);
  });
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

function jsonBytes(json: string | ArrayBuffer | Buffer): Buffer {
  if (Buffer.isBuffer(json)) return json;
  return typeof json === 'string' ? Buffer.from(json, 'utf8') : Buffer.from(json);
}
