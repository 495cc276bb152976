import type { FastifyInstance } from 'fastify';
import { ROLE_PERMISSIONS } from '../auth/permissions.js';
import type { ResourceOptions } from '../http/route-options.js';

const SESSION = {
  type: 'object',
  required: ['name', 'role', 'permissions'],
  properties: {
    name: { type: 'string' },
    role: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Who the token belongs to and what it may do: the UI hides what the role may not do. */
export async function sessionRoutes(app: FastifyInstance, _options: ResourceOptions): Promise<void> {
  app.get('/me', { config: { permission: 'read' }, schema: { tags: ['session'], summary: 'The caller: token name, role and permissions', response: { 200: SESSION } } }, async (request) => {
    const principal = request.principal!;
    return { name: principal.name, role: principal.role, permissions: ROLE_PERMISSIONS[principal.role] };
  });
}
