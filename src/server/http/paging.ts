import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { PAGE_SIZE, isListResponse, withPageProperties } from '../../api-contract/paging.js';

/**
 * Every list route is paged, the ones other resources add later included: a GET route whose 200
 * response is a JSON array gets `limit` and `offset` query parameters (the contract declares them,
 * src/api-contract/paging.ts; routes not declared there get them here), answers with at most `limit`
 * items, and says the whole count in `X-Total-Count` and the neighbouring pages in `Link` (RFC 8288).
 */
export { PAGE_SIZE };

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
      return Array.isArray(result) && !cutByStore.has(result) ? pageOf(result, request, reply) : result;
    };
  });
}

/** The page a request asks for (its schema has already bounded and defaulted both numbers). */
export function requestedPage(request: FastifyRequest): { limit: number; offset: number } {
  const query = request.query as PageQuery;
  return { limit: query.limit ?? PAGE_SIZE.default, offset: query.offset ?? 0 };
}

/** One page of the items, with X-Total-Count and Link headers; for routes that page themselves too. */
export function pageOf<T>(items: readonly T[], request: FastifyRequest, reply: FastifyReply): T[] {
  const { limit, offset } = requestedPage(request);
  const page = items.slice(offset, offset + limit);
  sendPageHeaders(page.length, items.length, request, reply);
  return page;
}

/** Pages the store already cut: the paging hook sends them as they are. */
const cutByStore = new WeakSet<object>();

/**
 * For a route that reads only the rows of the requestedPage from the store: the page with the same
 * headers as a sliced list (the whole count given by the store), marked so that it is not sliced again.
 */
export function storePage<T>(items: T[], total: number, request: FastifyRequest, reply: FastifyReply): T[] {
  cutByStore.add(items);
  sendPageHeaders(items.length, total, request, reply);
  return items;
}

/**
 * A page the route serialised itself (a cached body, ADR 37): the same headers as any page of
 * `count` items out of `total`, and the JSON bytes as they are.
 */
export function sendSerialisedPage(
  body: Buffer,
  count: number,
  total: number,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  sendPageHeaders(count, total, request, reply);
  return reply.type('application/json; charset=utf-8').send(body);
}

/**
 * One page of each of several lists answered together (a release diff): `limit` and `offset` apply to
 * every list, `totals` gives each list's whole count, and the headers speak for the longest list (a
 * `next` link while any list has more).
 */
export function pageEachOf<L extends Record<string, readonly unknown[]>>(
  lists: L,
  request: FastifyRequest,
  reply: FastifyReply,
): { pages: { [K in keyof L]: L[K][number][] }; totals: { [K in keyof L]: number } } {
  const { limit, offset } = requestedPage(request);
  const pages = {} as { [K in keyof L]: L[K][number][] };
  const totals = {} as { [K in keyof L]: number };
  let longest = 0;
  let longestPage = 0;
  for (const key of Object.keys(lists) as Array<keyof L>) {
    const items = lists[key]!;
    pages[key] = items.slice(offset, offset + limit);
    totals[key] = items.length;
    if (items.length > longest) [longest, longestPage] = [items.length, pages[key].length];
  }
  sendPageHeaders(longestPage, longest, request, reply);
  return { pages, totals };
}

function sendPageHeaders(count: number, total: number, request: FastifyRequest, reply: FastifyReply): void {
  const { limit, offset } = requestedPage(request);
  void reply.header('x-total-count', String(total));
  const links: string[] = [];
  if (offset + count < total) links.push(`<${pageUrl(request, limit, offset + limit)}>; rel="next"`);
  if (offset > 0) links.push(`<${pageUrl(request, limit, Math.max(0, offset - limit))}>; rel="prev"`);
  if (links.length > 0) void reply.header('link', links.join(', '));
}

function pageUrl(request: FastifyRequest, limit: number, offset: number): string {
  const [path, search] = request.url.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(search ?? '');
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `${path}?${params.toString()}`;
}
