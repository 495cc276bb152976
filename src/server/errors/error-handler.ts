import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { ERROR_TABLE, type ErrorBody } from '../../api-contract/errors.js';
import { toApiError } from './to-api-error.js';
import { isForeignKeyViolation } from '../../services/index.js';

export interface ErrorHandlingOptions {
  spaFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean;
  /**
   * After a write failed on a foreign key: what the request refers to that another request deleted
   * meanwhile ("release 12"), else null. Only then is the failure a 404; otherwise it is a bug (500, logged).
   */
  vanishedReference?: (request: FastifyRequest) => Promise<string | null>;
  /** The methods a path answers to (empty when no route has it): a known path under a wrong method is a 405. */
  allowedMethods?: (path: string) => string[];
}

/**
 * Every error leaves as `{ error: { code, message, details? } }`; stacks only reach the log. Each
 * error is classified once: server errors (5xx) are logged at error level with the cause, client
 * errors at info level with their code. Request headers never reach the log (see the logger's redaction).
 */
export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}): void {
  app.setErrorHandler(async (err, request, reply) => {
    if (options.vanishedReference && isForeignKeyViolation(err)) {
      const gone = await options.vanishedReference(request).catch(() => null);
      if (gone !== null) {
        sendError(
          request,
          reply,
          new ApiError('not-found', `${gone} was deleted while this request ran (by another request)`),
        );
        return reply;
      }
    }
    sendError(request, reply, err);
    return reply;
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback?.(request, reply)) return;
    const path = routeOf(request);
    const allowed = options.allowedMethods?.(path) ?? [];
    if (allowed.length > 0) {
      const allow = allowed.join(', ');
      // OPTIONS on a path of the API says what it takes (no CORS: the UI is served from the same origin).
      if (request.method === 'OPTIONS') return void reply.status(204).header('allow', allow).send();
      const apiError = new ApiError(
        'method-not-allowed',
        `${request.method} is not allowed on ${path} (allowed: ${allow})`,
        { allowed },
      );
      request.log.info(
        { code: apiError.code, status: apiError.status, method: request.method, url: path },
        apiError.message,
      );
      void reply
        .status(apiError.status)
        .header('allow', allow)
        .type('application/json; charset=utf-8')
        .send(errorBody(apiError));
      return;
    }
    const apiError = new ApiError('not-found', `No route ${request.method} ${path}`);
    void reply.status(apiError.status).type('application/json; charset=utf-8').send(errorBody(apiError));
  });
}

/** For fastify's `frameworkErrors` option: a bad URL or an over-long parameter, before routing. */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendError(request, reply, err);
}

function sendError(request: FastifyRequest, reply: FastifyReply, err: unknown): void {
  const apiError = toApiError(err);
  if (apiError.status >= 500)
    request.log.error({ err, code: apiError.code, method: request.method, url: routeOf(request) }, 'server error');
  else
    request.log.info(
      { code: apiError.code, status: apiError.status, method: request.method, url: routeOf(request) },
      apiError.message,
    );
  void reply.status(apiError.status).type('application/json; charset=utf-8').send(errorBody(apiError));
}

/** The path without its query string: query values may carry names users did not mean to log. */
function routeOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

export function errorBody(e: ApiError): ErrorBody {
  const body: ErrorBody = { error: { code: e.code, message: e.message || ERROR_TABLE[e.code].message } };
  if (e.details !== undefined) body.error.details = e.details;
  return body;
}
