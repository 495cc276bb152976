/** API tokens: bearer secrets with a role; only the creation answer carries the secret. */
import { ROLES } from '../model/access.js';
import { DELETED, ID, ID_PARAMS, NAME, STRING, STRING_OR_NULL, closed, listOf, type Infer } from './json-schema.js';
import { route } from './route.js';

const ROLE = { type: 'string', enum: ROLES } as const;

export const TOKEN = closed(
  {
    id: ID,
    name: STRING,
    role: ROLE,
    createdAt: STRING,
    expiresAt: STRING_OR_NULL,
    lastUsedAt: STRING_OR_NULL,
    revokedAt: STRING_OR_NULL,
  },
  ['id', 'name', 'role', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
);

export const NEW_TOKEN = {
  type: 'object',
  required: ['name', 'role'],
  properties: {
    name: NAME,
    role: ROLE,
    expiresIn: {
      type: 'string',
      pattern: '^[0-9]+[hdwy]$',
      description: 'e.g. 12h, 30d, 8w, 1y; absent = never expires',
    },
  },
  additionalProperties: false,
} as const;

export const CREATED_TOKEN = closed({ token: TOKEN, secret: STRING }, ['token', 'secret']);

const tags = ['tokens'] as const;

export const TOKEN_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/tokens',
    permission: 'tokens:manage',
    tags,
    summary: 'API tokens (without secrets)',
    response: { 200: listOf(TOKEN) },
  }),
  create: route({
    method: 'POST',
    path: '/api/tokens',
    permission: 'tokens:manage',
    tags,
    summary: 'Create a token; the secret is in this response only',
    body: NEW_TOKEN,
    response: { 201: CREATED_TOKEN },
  }),
  revoke: route({
    method: 'DELETE',
    path: '/api/tokens/:id',
    permission: 'tokens:manage',
    tags,
    summary: 'Revoke a token',
    params: ID_PARAMS,
    response: { 200: DELETED },
  }),
} as const;

export type ApiToken = Infer<typeof TOKEN>;
export type CreatedToken = Infer<typeof CREATED_TOKEN>;
