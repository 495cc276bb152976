/**
 * Every list route is paged: a GET route whose 200 response is a JSON array takes `limit` and
 * `offset` (the server answers with one page, `X-Total-Count` and `Link` headers). The contract adds
 * the two parameters to such routes, so the OpenAPI document and fastify's validation say the same;
 * a route that defines `limit` itself (a top-N query) keeps its own meaning and bounds.
 */
import { INPUT_LIMITS } from '../model/input-limits.js';

export const PAGE_SIZE = { default: 500, max: 1000 } as const;

export const PAGE_PROPERTIES = {
  limit: {
    type: 'integer',
    minimum: 1,
    maximum: PAGE_SIZE.max,
    default: PAGE_SIZE.default,
    description: `Items per page (at most ${PAGE_SIZE.max})`,
  },
  offset: { type: 'integer', minimum: 0, maximum: INPUT_LIMITS.maxId, default: 0, description: 'Items to skip' },
} as const;

type JsonSchema = Record<string, unknown>;

export function isListResponse(response: unknown): boolean {
  const ok = (response as Record<string, JsonSchema> | undefined)?.['200'];
  return ok?.type === 'array';
}

/** The query schema with `limit` and `offset` where it has not its own. */
export function withPageProperties(querystring: JsonSchema | undefined): JsonSchema {
  const base = querystring ?? { type: 'object', additionalProperties: false };
  const properties = { ...(base.properties as Record<string, unknown> | undefined) };
  for (const [name, schema] of Object.entries(PAGE_PROPERTIES)) if (!(name in properties)) properties[name] = schema;
  return { ...base, type: 'object', properties };
}
