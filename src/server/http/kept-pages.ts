import type { FastifyReply, FastifyRequest } from 'fastify';
import * as services from '../../services/index.js';
import type { Store } from '../../services/store-door.js';
import { requestedPage, sendSerialisedPage } from './paging.js';

/** A list page as sent: its JSON bytes (written by the route's response schema) and its counts. */
interface PageBytes {
  body: Buffer;
  count: number;
  total: number;
}

/** Pages kept per server while the store is unchanged: up to 500 pages and 64 MiB of JSON. */
export const KEPT_PAGES_LIMITS = { maxEntries: 500, maxWeight: 64 * 1024 * 1024 };

/**
 * List pages kept beside the store's change stamp (ADR 37): a route opts in when its answer is a
 * function of the stored data and of its URL (path and query) alone — not of the caller, beyond the
 * permission already checked before the handler runs, nor of the clock. A write through any door
 * empties the cache, so the next read is computed afresh.
 */
export class KeptPages {
  private readonly cache = new services.StampedCache<PageBytes>(KEPT_PAGES_LIMITS, (page) => page.body.length);

  constructor(private readonly store: Store) {}

  /**
   * Answers the requested page of a list: `read` gives that page's items and the whole count (it may
   * read only the page, or slice a whole list). Kept by the request's URL, which holds the route's
   * path parameters, its filters and the page asked for.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    read: (page: { limit: number; offset: number }) => Promise<{ items: readonly unknown[]; total: number }>,
  ): Promise<FastifyReply> {
    const page = requestedPage(request);
    const kept = await this.cache.read(this.store, request.url, async () => {
      const { items, total } = await read(page);
      return { body: jsonBytes(reply.serialize(items)), count: items.length, total };
    });
    return sendSerialisedPage(kept.body, kept.count, kept.total, request, reply);
  }

  /** For routes that read their whole list: the requested page is sliced from it. */
  sendList(
    request: FastifyRequest,
    reply: FastifyReply,
    list: () => Promise<readonly unknown[]>,
  ): Promise<FastifyReply> {
    return this.send(request, reply, async ({ limit, offset }) => {
      const all = await list();
      return { items: all.slice(offset, offset + limit), total: all.length };
    });
  }
}

function jsonBytes(json: string | ArrayBuffer | Buffer): Buffer {
  if (Buffer.isBuffer(json)) return json;
  return typeof json === 'string' ? Buffer.from(json, 'utf8') : Buffer.from(json);
}
