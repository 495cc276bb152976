import type { FastifyInstance } from 'fastify';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { jsonErrorOffset, lineAt, parseJsonDocument } from '../../sbom/json-text.js';
import { ApiError } from '../errors/api-error.js';

/**
 * The API's own parser for `application/json` bodies, in place of fastify's: fastify answers every
 * broken body with one sentence that says neither what is wrong nor where, and counts a body with a
 * `__proto__` key as "not valid JSON" too. Here a syntax error names its line and column (and the
 * character offset, in `details`), and a key that could pollute prototypes is refused by its path.
 * Routes that take raw documents (imports, the knowledge base) keep their own parsers.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    try {
      // The bytes are read as they come: a compressed body would only fail as "not JSON" at column 1.
      const encoding = request.headers['content-encoding']?.trim().toLowerCase();
      if (encoding && encoding !== 'identity')
        throw new ApiError(
          'unsupported-format',
          `Content-Encoding "${encoding}" is not accepted for JSON bodies: send them uncompressed (an SBOM upload may be a gzip file itself)`,
        );
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '')
    throw new ApiError('validation-failed', 'The body is empty although its content type is application/json', [
      { field: 'body', message: 'is empty' },
    ]);
  let value: unknown;
  try {
    value = parseJsonDocument(text, 'body');
  } catch (err) {
    if (!(err instanceof UnreadableDocumentError)) throw err;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const offset = jsonErrorOffset(body) ?? body.length;
    const line = lineAt(body, offset);
    const column = offset - body.lastIndexOf('\n', offset - 1);
    throw new ApiError('validation-failed', err.message, [
      { field: 'body', message: err.message, line, column, offset },
    ]);
  }
  // JSON.parse keeps such keys as plain own properties, but code that later merges or spreads the
  // value into another object could still reach a prototype. Escapes (\u005f) can spell them too,
  // so the cheap text test only decides whether the walk is needed.
  if (/proto|\\u/.test(text)) {
    const at = pollutingKey(value);
    if (at !== null) {
      const field = `body${at}`;
      throw new ApiError(
        'validation-failed',
        `${field}: a key that can change an object's prototype ("__proto__", or "prototype" under "constructor") is not accepted`,
        [{ field, message: 'is a reserved key' }],
      );
    }
  }
  return value;
}

/** The path ("/a/0/__proto__") of the first `__proto__` key or `constructor.prototype`, else null. */
function pollutingKey(root: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}/${index}` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (key === '__proto__') return `${path}/__proto__`;
      if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype'))
        return `${path}/constructor/prototype`;
      pending.push({ value: child, path: `${path}/${key}` });
    }
  }
  return null;
}
