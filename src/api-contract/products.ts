/** Products: the things an organisation ships (DESIGN.md, domain model). */
import {
  DELETED,
  ID,
  ID_PARAMS,
  NAME,
  NULLABLE_STRING,
  STRING,
  STRING_LIST,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { route } from './route.js';

export const PRODUCT = closed(
  {
    id: ID,
    name: STRING,
    description: NULLABLE_STRING,
    owner: NULLABLE_STRING,
    categoryIds: { type: 'array', items: ID },
    outboundLicenses: STRING_LIST,
  },
  ['id', 'name', 'description', 'owner', 'categoryIds', 'outboundLicenses'],
);

const FIELDS = {
  name: NAME,
  description: NULLABLE_STRING,
  owner: NULLABLE_STRING,
  categoryIds: { type: 'array', items: ID },
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_PRODUCT = {
  type: 'object',
  required: ['name'],
  properties: FIELDS,
  additionalProperties: false,
} as const;
export const PRODUCT_PATCH = {
  type: 'object',
  properties: FIELDS,
  additionalProperties: false,
  minProperties: 1,
} as const;

const tags = ['products'] as const;

export const PRODUCT_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/products',
    permission: 'read',
    tags,
    summary: 'List products',
    response: { 200: listOf(PRODUCT) },
  }),
  create: route({
    method: 'POST',
    path: '/api/products',
    permission: 'portfolio:write',
    tags,
    summary: 'Create a product',
    body: NEW_PRODUCT,
    response: { 201: PRODUCT },
  }),
  get: route({
    method: 'GET',
    path: '/api/products/:id',
    permission: 'read',
    tags,
    summary: 'One product',
    params: ID_PARAMS,
    response: { 200: PRODUCT },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/products/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Update a product',
    params: ID_PARAMS,
    body: PRODUCT_PATCH,
    response: { 200: PRODUCT },
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/products/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Delete a product with its releases',
    params: ID_PARAMS,
    response: { 200: DELETED },
  }),
} as const;

export type Product = Infer<typeof PRODUCT>;
export type NewProductBody = Infer<typeof NEW_PRODUCT>;
