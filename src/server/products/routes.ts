import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { PRODUCT_ROUTES } from '../../api-contract/products.js';
import { presentProduct } from './presenter.js';

export async function productRoutes(app: FastifyInstance, { store, keptPages }: ResourceOptions): Promise<void> {
  serve(app, PRODUCT_ROUTES.list, async (request, reply) =>
    keptPages.sendList(request, reply, async () => (await services.listProducts(store)).map(presentProduct)),
  );
  serve(app, PRODUCT_ROUTES.create, async (request, reply) =>
    reply.status(201).send(presentProduct(await services.createProduct(store, request.body))),
  );
  serve(app, PRODUCT_ROUTES.get, async (request) =>
    presentProduct(await services.getProduct(store, request.params.id)),
  );
  serve(app, PRODUCT_ROUTES.update, async (request) =>
    presentProduct(await services.updateProduct(store, request.params.id, request.body)),
  );
  serve(app, PRODUCT_ROUTES.delete, async (request) => {
    await services.deleteProduct(store, request.params.id);
    return { deleted: 1 };
  });
}
