import type { Role } from '../../store/index.js';
import type { Permission } from './permissions.js';

/** Who is calling: the token's name and role (the admin token from the environment has id null). */
export interface Principal {
  tokenId: number | null;
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; required on every /api route. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
