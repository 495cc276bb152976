import type { FastifyRequest } from 'fastify';
import type { RequestReferences } from '../../services/index.js';

/** Route prefixes whose `:id` names a stored row a write may hang off. */
const ID_PARAM_KINDS: Array<[prefix: string, kind: 'releaseIds' | 'productIds' | 'categoryIds']> = [
  ['/api/releases/:id', 'releaseIds'],
  ['/api/products/:id', 'productIds'],
  ['/api/categories/:id', 'categoryIds'],
];

/** Body fields that name a parent row by id, on the routes that take them. */
const BODY_FIELDS: Array<[field: string, kind: 'releaseIds' | 'productIds' | 'categoryIds']> = [
  ['releaseId', 'releaseIds'],
  ['releaseIds', 'releaseIds'],
  ['productId', 'productIds'],
  ['categoryId', 'categoryIds'],
  ['categoryIds', 'categoryIds'],
];

/** The rows a request refers to: its path's `:id`, the id fields of its JSON body, an import's names. */
export function requestReferences(request: FastifyRequest): RequestReferences {
  const refs: RequestReferences = { productIds: [], releaseIds: [], categoryIds: [] };
  const route = request.routeOptions.url ?? '';
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [prefix, kind] of ID_PARAM_KINDS) {
    if ((route === prefix || route.startsWith(`${prefix}/`)) && typeof params.id === 'number')
      refs[kind].push(params.id);
  }
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body)) {
    for (const [field, kind] of BODY_FIELDS) {
      const value = (body as Record<string, unknown>)[field];
      for (const id of Array.isArray(value) ? value : [value])
        if (Number.isSafeInteger(id)) refs[kind].push(id as number);
    }
  }
  const query = (request.query ?? {}) as Record<string, unknown>;
  // An import that may create its product and release: after a failed write they are gone with the
  // rolled-back transaction whatever happened, so their absence says nothing.
  if (
    route === '/api/imports' &&
    typeof query.product === 'string' &&
    typeof query.release === 'string' &&
    query.create !== true
  )
    refs.named = { product: query.product, release: query.release };
  return refs;
}
