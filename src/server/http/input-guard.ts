import type { FastifyInstance } from 'fastify';
import { findIllFormedText, findNulCharacter } from '../../model/input-limits.js';
import { ApiError } from '../errors/api-error.js';

/**
 * No text with a NUL character or a lone surrogate gets past the door, whatever the route or field: PostgreSQL cannot
 * store it and SQLite would, so refusing it here keeps both stores alike (model/input-limits.ts).
 * Lengths and integer ranges are in each route's schema. Uploaded documents (raw bytes) are checked
 * by the import once decoded.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      if (value === undefined || value === null || Buffer.isBuffer(value)) continue;
      const at = findNulCharacter(value);
      if (at !== null) {
        const field = `${part}${at === '(value)' ? '' : at}`;
        throw new ApiError(
          'validation-failed',
          `${field} contains a NUL character (U+0000), which Vigie does not store`,
          [{ field, message: 'contains a NUL character' }],
        );
      }
      const illFormed = findIllFormedText(value);
      if (illFormed !== null) {
        const field = `${part}${illFormed.path}`;
        throw new ApiError('validation-failed', `${field} ${illFormed.problem}`, [
          { field, message: illFormed.problem },
        ]);
      }
    }
  });
}

/**
 * A query parameter a route does not declare is refused (400 naming it and the ones the route takes),
 * not ignored: `?limt=5` would otherwise answer the default page as if it had been understood. Routes
 * without a query schema take none. Only the API's routes are checked (the UI's static files are not).
 */
export function installQueryGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.permission === undefined) return;
    const query = request.query as Record<string, unknown> | undefined;
    if (!query) return;
    const schema = request.routeOptions.schema?.querystring as
      { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined;
    if (schema && schema.additionalProperties !== false) return;
    const accepted = Object.keys(schema?.properties ?? {});
    const unknown = Object.keys(query).filter((name) => !accepted.includes(name));
    if (unknown.length === 0) return;
    const takes = accepted.length > 0 ? `it takes ${accepted.join(', ')}` : 'it takes none';
    throw new ApiError(
      'validation-failed',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} on ${request.method} ${request.routeOptions.url} (${takes})`,
      unknown.map((name) => ({ field: `querystring/${name}`, message: 'is not a parameter of this route' })),
    );
  });
}
