import type { Principal } from '../../services/index.js';
import type { Permission } from './permissions.js';

export type { Principal };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; required on every /api route. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
