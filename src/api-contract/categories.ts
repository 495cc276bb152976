/** Categories group products and carry outbound licences. */
import {
  DELETED,
  ID,
  ID_PARAMS,
  NAME,
  NULLABLE_STRING,
  STRING,
  STRING_LIST,
  STRING_OR_NULL,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { route } from './route.js';

export const CATEGORY = closed({ id: ID, name: STRING, description: STRING_OR_NULL, outboundLicenses: STRING_LIST }, [
  'id',
  'name',
  'description',
  'outboundLicenses',
]);

const FIELDS = {
  name: NAME,
  description: NULLABLE_STRING,
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_CATEGORY = {
  type: 'object',
  required: ['name'],
  properties: FIELDS,
  additionalProperties: false,
} as const;
export const CATEGORY_PATCH = {
  type: 'object',
  properties: FIELDS,
  additionalProperties: false,
  minProperties: 1,
} as const;

const tags = ['categories'] as const;

export const CATEGORY_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/categories',
    permission: 'read',
    tags,
    summary: 'List categories',
    response: { 200: listOf(CATEGORY) },
  }),
  create: route({
    method: 'POST',
    path: '/api/categories',
    permission: 'portfolio:write',
    tags,
    summary: 'Create a category',
    body: NEW_CATEGORY,
    response: { 201: CATEGORY },
  }),
  get: route({
    method: 'GET',
    path: '/api/categories/:id',
    permission: 'read',
    tags,
    summary: 'One category',
    params: ID_PARAMS,
    response: { 200: CATEGORY },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/categories/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Update a category',
    params: ID_PARAMS,
    body: CATEGORY_PATCH,
    response: { 200: CATEGORY },
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/categories/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Delete a category',
    params: ID_PARAMS,
    response: { 200: DELETED },
  }),
} as const;

export type Category = Infer<typeof CATEGORY>;
export type NewCategory = Infer<typeof NEW_CATEGORY>;
