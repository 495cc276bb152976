import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../io/package-root.js';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** web/dist of this package, whether running from src/ (tsx), dist/ or a bundled chunk. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'web', 'dist');
}

/** Serves the built web UI at / when it exists; returns whether it did. */
export async function serveWebUi(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true });
  return true;
}

/**
 * The UI routes on the client: a GET for a page path that is no file (e.g. /releases/12) gets
 * index.html. A path whose last segment has a dot is a page too when the browser navigates to it
 * (Accept: text/html), as licence pages do (/licenses/Apache-2.0); a script or image that is
 * missing (no text/html in Accept) keeps its 404. API paths always keep their JSON 404.
 */
export function isSpaPath(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.split('/').pop() ?? '';
  return !last.includes('.') || (request.headers.accept ?? '').includes('text/html');
}

export function sendSpaIndex(reply: FastifyReply): FastifyReply {
  return reply.type('text/html; charset=utf-8').sendFile('index.html');
}
