import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as services from '../../services/index.js';
import { ApiError } from '../errors/api-error.js';
import { FailedAuthLimiter, type FailedAuthLimits } from './failed-auth-limiter.js';
import { roleHas } from './permissions.js';
import './principal.js';

export interface AuthOptions {
  authenticator: services.Authenticator;
  now?: () => Date;
  failedAuthLimits?: FailedAuthLimits;
}

/**
 * Checks the bearer token and the route's declared permission before any route runs. Routes
 * without a permission were already refused at registration (see collectRoutes). An address that
 * keeps presenting bad tokens is told to wait (429 with Retry-After) before its tokens are looked at.
 */
export function installAuthentication(app: FastifyInstance, options: AuthOptions): void {
  const now = options.now ?? (() => new Date());
  const limiter = new FailedAuthLimiter(options.failedAuthLimits);
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === 'public') return;
    const at = now();
    const waitMs = limiter.retryAfterMs(request.ip, at.getTime());
    if (waitMs > 0) {
      void reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      throw new ApiError(
        'too-many-requests',
        `Too many failed authentications from this address: retry in ${Math.ceil(waitMs / 1000)} s`,
      );
    }
    const secret = bearerSecret(request);
    try {
      request.principal = await options.authenticator.authenticate(secret, at);
    } catch (err) {
      // Only a presented secret that is wrong counts: a request without one guesses nothing.
      if (services.isServiceError(err) && err.code === 'unauthenticated')
        limiter.recordFailure(request.ip, at.getTime());
      throw err;
    }
    if (!roleHas(request.principal.role, permission)) {
      throw new ApiError(
        'forbidden',
        `The ${request.principal.role} role does not allow this action (needs ${permission})`,
      );
    }
  });
}

function bearerSecret(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header) throw new ApiError('unauthenticated');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
}
