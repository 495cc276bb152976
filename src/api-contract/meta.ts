/**
 * The routes about the service itself: the probes a load balancer calls (outside /api, public) and
 * this API's own OpenAPI document (built from the contract, src/api-contract/openapi.ts).
 */
import { STRING, closed } from './json-schema.js';
import { route, type ResponseOf } from './route.js';

const STATUS = closed({ status: STRING, store: { ...STRING, description: 'the store dialect' } }, ['status']);

export const META_ROUTES = {
  health: route({
    method: 'GET',
    path: '/health',
    permission: 'public',
    tags: ['health'],
    summary: 'The process is up',
    response: { 200: STATUS },
  }),
  ready: route({
    method: 'GET',
    path: '/ready',
    permission: 'public',
    tags: ['health'],
    summary: 'The store is reachable',
    response: { 200: STATUS },
  }),
  openApi: route({
    method: 'GET',
    path: '/api/openapi.json',
    permission: 'public',
    tags: ['meta'],
    summary: 'This OpenAPI 3.1 document',
  }),
} as const;

export type ServiceStatus = ResponseOf<typeof META_ROUTES.health>;
