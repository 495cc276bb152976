import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { INPUT_LIMITS } from '../../model/input-limits.js';

/**
 * Every list route is paged, the ones other resources add later included: a GET route whose 200
 * response is a JSON array gets `limit` and `offset` query parameters (documented in its OpenAPI
 * operation), answers with at most `limit` items, and says the whole count in `X-Total-Count` and
 * the neighbouring pages in `Link` (RFC 8288). A route that already defines `limit` (a top-N query)
 * keeps its own meaning and bounds.
 */
export const PAGE_SIZE = { default: 500, max: 1000 } as const;

const PAGE_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default, description: `Items per page (at most ${PAGE_SIZE.max})` },
  offset: { type: 'integer', minimum: 0, maximum: INPUT_LIMITS.maxId, default: 0, description: 'Items to skip' },
} as const;

interface PageQuery {
  limit?: number;
  offset?: number;
}

type JsonSchema = Record<string, unknown>;

export function installPaging(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !isListResponse(route.schema?.response)) return;
    const schema = route.schema!;
    schema.querystring = withPageProperties(schema.querystring as JsonSchema | undefined);
    const handler = route.handler;
    route.handler = async function pagedHandler(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const result: unknown = await handler.call(this, request, reply);
      return Array.isArray(result) ? pageOf(result, request, reply) : result;
    };
  });
}

/** One page of the items, with X-Total-Count and Link headers; for routes that page themselves too. */
export function pageOf<T>(items: readonly T[], request: FastifyRequest, reply: FastifyReply): T[] {
  const query = request.query as PageQuery;
  const limit = query.limit ?? PAGE_SIZE.default;
  const offset = query.offset ?? 0;
  const page = items.slice(offset, offset + limit);
  void reply.header('x-total-count', String(items.length));
  const links: string[] = [];
  if (offset + page.length < items.length) links.push(`<${pageUrl(request, limit, offset + limit)}>; rel="next"`);
  if (offset > 0) links.push(`<${pageUrl(request, limit, Math.max(0, offset - limit))}>; rel="prev"`);
  if (links.length > 0) void reply.header('link', links.join(', '));
  return page;
}

function pageUrl(request: FastifyRequest, limit: number, offset: number): string {
  const [path, search] = request.url.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(search ?? '');
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `${path}?${params.toString()}`;
}

function isListResponse(response: unknown): boolean {
  const ok = (response as Record<string, JsonSchema> | undefined)?.['200'];
  return ok?.type === 'array';
}

function withPageProperties(querystring: JsonSchema | undefined): JsonSchema {
  const base = querystring ?? { type: 'object', additionalProperties: false };
  const properties = { ...(base.properties as Record<string, unknown> | undefined) };
  for (const [name, schema] of Object.entries(PAGE_PROPERTIES)) if (!(name in properties)) properties[name] = schema;
  return { ...base, type: 'object', properties };
}
