/**
 * One route of the REST API as the contract declares it: method, path, permission, documentation,
 * and the JSON Schemas of its parameters, query, body and responses. The server registers the route
 * from this declaration (src/server/http/serve-route.ts), the OpenAPI document is built from the
 * declarations, and the UI takes its request and response types from them (ADR 0033).
 */
import type { Permission } from '../model/permissions.js';
import type { Infer } from './json-schema.js';
import { isListResponse, withPageProperties } from './paging.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContract {
  readonly method: HttpMethod;
  /** The full path in fastify's syntax (`/api/products/:id`); the probes for load balancers sit outside /api. */
  readonly path: `/api/${string}` | '/api' | '/health' | '/ready';
  readonly permission: Permission;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: object;
  readonly querystring?: object;
  readonly body?: object;
  /** Media types the request body may have, when not JSON (uploads). */
  readonly consumes?: readonly string[];
  /** Media types of a download's body, when not JSON. */
  readonly produces?: readonly string[];
  /** JSON responses by status code. */
  readonly response?: { readonly [status: number]: object };
}

/**
 * Declares a route. A GET whose 200 answer is a list gets the paging parameters here, once, so the
 * server validates them and the OpenAPI document shows them (the derived query type leaves them out:
 * the UI's client follows the `Link` header instead).
 */
export function route<const R extends RouteContract>(declared: R): R {
  if (declared.method !== 'GET' || !isListResponse(declared.response)) return declared;
  return { ...declared, querystring: withPageProperties(declared.querystring as Record<string, unknown> | undefined) };
}

type Field<R, K extends string> = R extends { readonly [key in K]: infer S } ? Infer<S> : undefined;

export type ParamsOf<R extends RouteContract> = Field<R, 'params'>;
export type QueryOf<R extends RouteContract> = Field<R, 'querystring'>;
export type BodyOf<R extends RouteContract> = Field<R, 'body'>;

type SuccessStatus = 200 | 201 | 202;
/** What a successful call answers (the union when a route has several success statuses). */
export type ResponseOf<R extends RouteContract> = R extends { readonly response: infer M }
  ? { [S in keyof M & SuccessStatus]: Infer<M[S]> }[keyof M & SuccessStatus]
  : unknown;
