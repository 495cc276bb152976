import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { installAuthentication } from './auth/authenticate.js';
import { installErrorHandling } from './errors/error-handler.js';
import { healthRoutes } from './health/routes.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { collectRoutes, type CatalogueEntry } from './openapi/route-catalogue.js';
import { apiRoutes } from './api-routes.js';
import { defaultWebRoot, isSpaPath, sendSpaIndex, serveWebUi } from './ui/static-ui.js';

/** Default upload limit for SBOM imports: big enough for 100k-component documents. */
export const DEFAULT_UPLOAD_LIMIT = 256 * 1024 * 1024;
/** Plain JSON bodies (products, decisions…) never need more than this. */
const JSON_BODY_LIMIT = 4 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** Accepted as a compliance officer's token when set (VIGIE_ADMIN_TOKEN). */
  adminToken?: string | undefined;
  /** Largest SBOM upload, in bytes (default 256 MiB). */
  uploadLimit?: number;
  /** Folder of the built web UI; default web/dist of this package; null serves no UI. */
  webRoot?: string | null;
  logger?: boolean;
  /** Clock for token expiry (tests). */
  now?: () => Date;
}

export interface VigieServer extends FastifyInstance {
  /** Every route as registered, for the OpenAPI document and the permission test. */
  routeCatalogue: readonly CatalogueEntry[];
}

/** The HTTP app, ready for `listen` or for in-process `inject` in tests. */
export async function buildServer(options: ServerOptions): Promise<VigieServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // Routes read ids as numbers and lists as arrays; coercion does that, unknown fields are refused.
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  const catalogue = collectRoutes(app);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const hasUi = webRoot !== null && (await serveWebUi(app, webRoot));
  installErrorHandling(app, {
    spaFallback: (request, reply) => {
      if (!hasUi || !isSpaPath(request)) return false;
      void sendSpaIndex(reply);
      return true;
    },
  });
  installAuthentication(app, { store: options.store, adminToken: options.adminToken, now: options.now });

  await app.register(healthRoutes, { store: options.store });
  await app.register(apiRoutes, {
    prefix: '/api',
    store: options.store,
    uploadLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
  });
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { summary: 'This OpenAPI 3.1 document', tags: ['meta'] } },
    async () => buildOpenApiDocument(catalogue, { title: 'Vigie API', version: process.env.npm_package_version ?? '0.1.0' }),
  );
  await app.ready();
  return Object.assign(app, { routeCatalogue: catalogue }) as VigieServer;
}
