import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { CATEGORY_ROUTES } from '../../api-contract/categories.js';
import { presentCategory } from './presenter.js';

export async function categoryRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, CATEGORY_ROUTES.list, async () => (await services.listCategories(store)).map(presentCategory));
  serve(app, CATEGORY_ROUTES.create, async (request, reply) => {
    const b = request.body;
    const created = await services.createCategory(store, {
      name: b.name,
      description: b.description ?? null,
      outboundLicenses: b.outboundLicenses ?? [],
    });
    return reply.status(201).send(presentCategory(created));
  });
  serve(app, CATEGORY_ROUTES.get, async (request) =>
    presentCategory(await services.getCategory(store, request.params.id)),
  );
  serve(app, CATEGORY_ROUTES.update, async (request) =>
    presentCategory(await services.updateCategory(store, request.params.id, request.body)),
  );
  serve(app, CATEGORY_ROUTES.delete, async (request) => {
    await services.deleteCategory(store, request.params.id);
    return { deleted: 1 };
  });
}
