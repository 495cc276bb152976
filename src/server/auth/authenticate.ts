import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashTokenSecret, isTokenActive, type Store } from '../../store/index.js';
import { ApiError } from '../errors/api-error.js';
import { roleHas } from './permissions.js';
import type { Principal } from './principal.js';
import './principal.js';

export interface AuthOptions {
  store: Store;
  /** A secret accepted as a compliance officer's token (VIGIE_ADMIN_TOKEN, for demos and bootstrap). */
  adminToken?: string | undefined;
  now?: () => Date;
}

/** lastUsedAt is a hint for humans: refreshing it once a minute spares a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Checks the bearer token and the route's declared permission before any route runs. Routes
 * without a permission were already refused at registration (see requirePermissionOnRoutes).
 */
export function installAuthentication(app: FastifyInstance, options: AuthOptions): void {
  const now = options.now ?? (() => new Date());
  const adminHash = options.adminToken ? hashTokenSecret(options.adminToken) : null;
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === 'public') return;
    const principal = await identify(request, options.store, adminHash, now());
    request.principal = principal;
    if (!roleHas(principal.role, permission)) {
      throw new ApiError('forbidden', `The ${principal.role} role does not allow this action (needs ${permission})`);
    }
  });
}

async function identify(request: FastifyRequest, store: Store, adminHash: string | null, now: Date): Promise<Principal> {
  const secret = bearerSecret(request.headers.authorization);
  if (adminHash !== null && sameHash(hashTokenSecret(secret), adminHash)) {
    return { tokenId: null, name: 'admin', role: 'compliance-officer' };
  }
  const token = await store.findApiTokenBySecret(secret);
  if (!token) throw new ApiError('unauthenticated', 'Unknown API token');
  if (token.revokedAt !== null) throw new ApiError('unauthenticated', 'This API token was revoked');
  if (!isTokenActive(token, now)) throw new ApiError('unauthenticated', 'This API token has expired');
  if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_INTERVAL_MS) {
    await store.touchApiToken(token.id, now.toISOString());
  }
  return { tokenId: token.id, name: token.name, role: token.role };
}

function bearerSecret(header: string | undefined): string {
  if (!header) throw new ApiError('unauthenticated');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
