import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { DELETED, ID_PARAMS, listOf } from '../http/common-schemas.js';
import { presentCategory } from './presenter.js';
import { CATEGORY, CATEGORY_PATCH, NEW_CATEGORY } from './schemas.js';

interface Body {
  name: string;
  description?: string | null;
  outboundLicenses?: string[];
}

export async function categoryRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['categories'];
  app.get('/categories', { config: { permission: 'read' }, schema: { tags, summary: 'List categories', response: { 200: listOf(CATEGORY) } } }, async () =>
    (await services.listCategories(store)).map(presentCategory),
  );
  app.post<{ Body: Body }>(
    '/categories',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Create a category', body: NEW_CATEGORY, response: { 201: CATEGORY } } },
    async (request, reply) => {
      const b = request.body;
      const created = await services.createCategory(store, { name: b.name, description: b.description ?? null, outboundLicenses: b.outboundLicenses ?? [] });
      return reply.status(201).send(presentCategory(created));
    },
  );
  app.get<{ Params: { id: number } }>(
    '/categories/:id',
    { config: { permission: 'read' }, schema: { tags, summary: 'One category', params: ID_PARAMS, response: { 200: CATEGORY } } },
    async (request) => presentCategory(await services.getCategory(store, request.params.id)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<Body> }>(
    '/categories/:id',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Update a category', params: ID_PARAMS, body: CATEGORY_PATCH, response: { 200: CATEGORY } } },
    async (request) => presentCategory(await services.updateCategory(store, request.params.id, request.body)),
  );
  app.delete<{ Params: { id: number } }>(
    '/categories/:id',
    { config: { permission: 'portfolio:write' }, schema: { tags, summary: 'Delete a category', params: ID_PARAMS, response: { 200: DELETED } } },
    async (request) => {
      await services.deleteCategory(store, request.params.id);
      return { deleted: 1 };
    },
  );
}
