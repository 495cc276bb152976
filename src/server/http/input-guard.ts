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
