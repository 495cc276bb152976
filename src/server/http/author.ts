import type { FastifyRequest } from 'fastify';
import '../auth/principal.js';

/** Decisions and imports are signed with the token's name. */
export function authorOf(request: FastifyRequest): string {
  return request.principal?.name ?? 'anonymous';
}
