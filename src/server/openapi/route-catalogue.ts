import type { FastifyInstance, FastifySchema, HTTPMethods, RouteOptions } from 'fastify';
import { isPermission, type Permission } from '../auth/permissions.js';

/** What the OpenAPI generator and the permission test need to know about one registered route. */
export interface CatalogueEntry {
  method: HTTPMethods;
  /** Fastify syntax (`/api/products/:id`). */
  url: string;
  permission: Permission;
  schema: RouteDocSchema;
}

/** Documentation keys beside fastify's route schema, read by the OpenAPI generator only. */
declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Media types the request body may have, when not JSON (uploads). */
    consumes?: string[];
    /** Media types of a download's body, when not JSON. */
    produces?: string[];
  }
}

export type RouteDocSchema = FastifySchema;

/**
 * Records every route as it is registered and refuses an /api route that does not declare its
 * permission: forgetting one is a registration error, not an open door.
 */
export function collectRoutes(app: FastifyInstance): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    const declared = route.config?.permission;
    const isApi = route.url.startsWith('/api');
    if (isApi && !isPermission(declared)) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no permission (config.permission)`);
    }
    const permission: Permission = isPermission(declared) ? declared : 'public';
    for (const method of methods) {
      // HEAD twins of GET routes are added by fastify itself; documenting GET covers them.
      if (method === 'HEAD') continue;
      entries.push({ method, url: route.url, permission, schema: (route.schema ?? {}) as RouteDocSchema });
    }
  });
  return entries;
}
