import type { FastifyInstance } from 'fastify';
import { ROLE_PERMISSIONS } from '../auth/permissions.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { SESSION_ROUTES } from '../../api-contract/session.js';

/** Who the token belongs to and what it may do: the UI hides what the role may not do. */
export async function sessionRoutes(app: FastifyInstance, _options: ResourceOptions): Promise<void> {
  serve(app, SESSION_ROUTES.me, async (request) => {
    const principal = request.principal!;
    return { name: principal.name, role: principal.role, permissions: [...ROLE_PERMISSIONS[principal.role]] };
  });
}
