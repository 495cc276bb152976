import type { FastifyInstance } from 'fastify';
import type { ApiToken } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import * as services from '../../services/index.js';
import { ApiError } from '../errors/api-error.js';
import { serve } from '../http/serve-route.js';
import { TOKEN_ROUTES } from '../../api-contract/tokens.js';
import { DURATION_HINT, parseDuration } from './expiry.js';

/** Never the hash, let alone a secret: only the one creation response carries the secret. */
function presentToken(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

export async function tokenRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, TOKEN_ROUTES.list, async () => (await services.listTokens(store)).map(presentToken));
  serve(app, TOKEN_ROUTES.create, async (request, reply) => {
    const b = request.body;
    let lifetimeMs: number | undefined;
    if (b.expiresIn !== undefined) {
      const ms = parseDuration(b.expiresIn);
      if (ms === null)
        throw new ApiError('validation-failed', `expiresIn must be ${DURATION_HINT}`, [
          { field: 'body/expiresIn', message: DURATION_HINT },
        ]);
      lifetimeMs = ms;
    }
    const created = await services.createToken(store, { name: b.name, role: b.role, lifetimeMs });
    return reply.status(201).send({ token: presentToken(created.token), secret: created.secret });
  });
  serve(app, TOKEN_ROUTES.revoke, async (request) => {
    await services.revokeToken(store, request.params.id);
    return { deleted: 1 };
  });
}
