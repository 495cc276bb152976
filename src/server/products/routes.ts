import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { NewProduct } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { DELETED, ID_PARAMS, listOf } from '../http/common-schemas.js';
import { presentProduct } from './presenter.js';
import { NEW_PRODUCT, PRODUCT, PRODUCT_PATCH } from './schemas.js';

export async function productRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['products'];
  app.get('/products', { config: { permission: 'read' }, schema: { tags, summary: 'List products', response: { 200: listOf(PRODUCT) } } }, async () =>
    (await services.listProducts(store)).map(presentProduct),
  );
  app.post<{ Body: services.NewProductInput }>(
    '/products',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Create a product', body: NEW_PRODUCT, response: { 201: PRODUCT } } },
    async (request, reply) => reply.status(201).send(presentProduct(await services.createProduct(store, request.body))),
  );
  app.get<{ Params: { id: number } }>(
    '/products/:id',
    { config: { permission: 'read' }, schema: { tags, summary: 'One product', params: ID_PARAMS, response: { 200: PRODUCT } } },
    async (request) => presentProduct(await services.getProduct(store, request.params.id)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<NewProduct> }>(
    '/products/:id',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Update a product', params: ID_PARAMS, body: PRODUCT_PATCH, response: { 200: PRODUCT } } },
    async (request) => presentProduct(await services.updateProduct(store, request.params.id, request.body)),
  );
  app.delete<{ Params: { id: number } }>(
    '/products/:id',
    {
      config: { permission: 'portfolio:write' },
      schema: { tags, summary: 'Delete a product with its releases', params: ID_PARAMS, response: { 200: DELETED } },
    },
    async (request) => {
      await services.deleteProduct(store, request.params.id);
      return { deleted: 1 };
    },
  );
}
