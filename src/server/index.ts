/**
 * The HTTP API: fastify app factory (routes → services → store), bearer-token auth with roles,
 * one error table, OpenAPI 3.1 at /api/openapi.json, the built web UI at /.
 */
export { buildServer, DEFAULT_UPLOAD_LIMIT, type ServerOptions, type VigieServer } from './build-server.js';
export { ERROR_TABLE, ERROR_CODES, type ErrorCode, type ErrorBody } from '../api-contract/errors.js';
export { ApiError } from './errors/api-error.js';
export { ROLE_PERMISSIONS, PERMISSIONS, roleHas, type Permission } from './auth/permissions.js';
export { parseDuration, DURATION_HINT } from './tokens/expiry.js';
export type { Principal } from './auth/principal.js';
