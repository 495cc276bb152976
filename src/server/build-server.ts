import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import * as services from '../services/index.js';
import type { Store } from '../services/store-door.js';
import { installAuthentication } from './auth/authenticate.js';
import type { FailedAuthLimits } from './auth/failed-auth-limiter.js';
import { answerClientError } from './errors/client-errors.js';
import { frameworkErrorHandler, installErrorHandling } from './errors/error-handler.js';
import { requestReferences } from './errors/vanished-reference.js';
import { installInputGuard, installQueryGuard } from './http/input-guard.js';
import { installJsonBodyParser } from './http/json-body.js';
import { installPaging } from './http/paging.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installValidators } from './http/validators.js';
import { MethodTable } from './http/method-table.js';
import { healthRoutes } from './health/routes.js';
import { buildOpenApiDocument } from '../api-contract/openapi.js';
import { CONTRACT_ROUTES } from '../api-contract/index.js';
import { META_ROUTES } from '../api-contract/meta.js';
import { serve } from './http/serve-route.js';
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
  /**
   * Logging (pino, JSON lines): true/absent logs at `warn`, so every server error is logged with its
   * cause and client errors are not; a level or pino options choose otherwise; false is silent (tests
   * that probe errors on purpose). Request headers (tokens) are never logged.
   */
  logger?: boolean | LoggerOptions;
  /** Clock for token expiry (tests). */
  now?: () => Date;
  /** Failed authentications allowed per client address and window (tests lower them). */
  failedAuthLimits?: FailedAuthLimits;
  /**
   * Addresses of the reverse proxies in front of the server (IPs or CIDR ranges): requests from
   * them are attributed to the client their X-Forwarded-For names. Without it every client behind
   * a proxy shares the proxy's address, and one of them failing to authenticate locks all of them
   * out (the failed-authentication limit is per address). Never trusted by default: a header any
   * client can write must not choose the address the limit counts.
   */
  trustedProxies?: string[];
}

export interface LoggerOptions {
  level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where the JSON lines go (default stdout). */
  stream?: { write(line: string): void };
}

/** Request headers carry bearer tokens: pino drops them wherever a logged object holds them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'];

function loggerOptions(option: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (option === false) return false;
  const chosen = option === true || option === undefined ? {} : option;
  return { level: chosen.level ?? 'warn', redact: REDACT, ...(chosen.stream ? { stream: chosen.stream } : {}) };
}

export interface VigieServer extends FastifyInstance {
  /** Every route as registered, for the OpenAPI document and the permission test. */
  routeCatalogue: readonly CatalogueEntry[];
}

/** The HTTP app, ready for `listen` or for in-process `inject` in tests. */
export async function buildServer(options: ServerOptions): Promise<VigieServer> {
  // A weak shared admin secret is refused before anything listens.
  const authenticator = services.createAuthenticator(options.store, options.adminToken);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: JSON_BODY_LIMIT,
    ...(options.trustedProxies?.length ? { trustProxy: options.trustedProxies } : {}),
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: answerClientError,
  });
  installValidators(app);
  installJsonBodyParser(app);
  installSecurityHeaders(app);
  installInputGuard(app);
  installQueryGuard(app);
  // Paging first: the catalogue sees the paged query schemas (the contract declares the same ones).
  installPaging(app);
  const catalogue = collectRoutes(app);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const hasUi = webRoot !== null && (await serveWebUi(app, webRoot));
  const methods = new MethodTable(catalogue);
  installErrorHandling(app, {
    allowedMethods: (path) => methods.allowed(path),
    vanishedReference: (request) => services.findVanishedReference(options.store, requestReferences(request)),
    spaFallback: (request, reply) => {
      if (!hasUi || !isSpaPath(request)) return false;
      void sendSpaIndex(reply);
      return true;
    },
  });
  installAuthentication(app, { authenticator, now: options.now, failedAuthLimits: options.failedAuthLimits });

  await app.register(healthRoutes, { store: options.store });
  await app.register(apiRoutes, {
    prefix: '/api',
    store: options.store,
    uploadLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
  });
  // The document is the contract's, built once: the routes above were registered from the same declarations.
  const openApi = buildOpenApiDocument(CONTRACT_ROUTES, {
    title: 'Vigie API',
    version: process.env.npm_package_version ?? '0.1.0',
  });
  serve(app, META_ROUTES.openApi, async () => openApi);
  await app.ready();
  return Object.assign(app, { routeCatalogue: catalogue }) as VigieServer;
}
