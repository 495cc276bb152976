import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { ERROR_TABLE, type ErrorBody } from './error-table.js';
import { toApiError } from './to-api-error.js';

/** Every error leaves as `{ error: { code, message, details? } }`; stacks only reach the log. */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean } = {}): void {
  app.setErrorHandler((err, request, reply) => {
    const apiError = toApiError(err);
    if (apiError.code === 'internal') request.log.error({ err }, 'internal error');
    void reply.status(apiError.status).type('application/json').send(errorBody(apiError));
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback?.(request, reply)) return;
    const apiError = new ApiError('not-found', `No route ${request.method} ${request.url.split('?')[0]}`);
    void reply.status(apiError.status).send(errorBody(apiError));
  });
}

export function errorBody(e: ApiError): ErrorBody {
  const body: ErrorBody = { error: { code: e.code, message: e.message || ERROR_TABLE[e.code].message } };
  if (e.details !== undefined) body.error.details = e.details;
  return body;
}
