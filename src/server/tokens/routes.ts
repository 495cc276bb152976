import type { FastifyInstance } from 'fastify';
import { ROLES, type ApiToken, type Role } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { DELETED, ID_PARAMS, NAME, NULLABLE_STRING, listOf } from '../http/common-schemas.js';
import * as services from '../../services/index.js';
import { ApiError } from '../errors/api-error.js';
import { DURATION_HINT, parseDuration } from './expiry.js';

const TOKEN = {
  type: 'object',
  required: ['id', 'name', 'role', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    createdAt: { type: 'string' },
    expiresAt: NULLABLE_STRING,
    lastUsedAt: NULLABLE_STRING,
    revokedAt: NULLABLE_STRING,
  },
} as const;

const NEW_TOKEN = {
  type: 'object',
  required: ['name', 'role'],
  properties: {
    name: NAME,
    role: { type: 'string', enum: ROLES },
    expiresIn: { type: 'string', pattern: '^[0-9]+[hdwy]$', description: 'e.g. 12h, 30d, 8w, 1y; absent = never expires' },
  },
  additionalProperties: false,
} as const;

/** Never the hash, let alone a secret: only the one creation response carries the secret. */
function presentToken(t: ApiToken) {
  return { id: t.id, name: t.name, role: t.role, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt };
}

export async function tokenRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['tokens'];
  app.get('/tokens', { config: { permission: 'tokens:manage' }, schema: { tags, summary: 'API tokens (without secrets)', response: { 200: listOf(TOKEN) } } }, async () =>
    (await services.listTokens(store)).map(presentToken),
  );
  app.post<{ Body: { name: string; role: Role; expiresIn?: string } }>(
    '/tokens',
    {
      config: { permission: 'tokens:manage' },
      schema: {
        tags,
        summary: 'Create a token; the secret is in this response only',
        body: NEW_TOKEN,
        response: { 201: { type: 'object', required: ['token', 'secret'], properties: { token: TOKEN, secret: { type: 'string' } } } },
      },
    },
    async (request, reply) => {
      const b = request.body;
      let lifetimeMs: number | undefined;
      if (b.expiresIn !== undefined) {
        const ms = parseDuration(b.expiresIn);
        if (ms === null) throw new ApiError('validation-failed', `expiresIn must be ${DURATION_HINT}`, [{ field: 'body/expiresIn', message: DURATION_HINT }]);
        lifetimeMs = ms;
      }
      const created = await services.createToken(store, { name: b.name, role: b.role, lifetimeMs });
      return reply.status(201).send({ token: presentToken(created.token), secret: created.secret });
    },
  );
  app.delete<{ Params: { id: number } }>(
    '/tokens/:id',
    { config: { permission: 'tokens:manage' }, schema: { tags, summary: 'Revoke a token', params: ID_PARAMS, response: { 200: DELETED } } },
    async (request) => {
      await services.revokeToken(store, request.params.id);
      return { deleted: 1 };
    },
  );
}
