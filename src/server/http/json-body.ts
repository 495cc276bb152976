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
  const tooDeep = nestingBeyond(text, MAX_DEPTH);
  if (tooDeep !== null) {
    const line = lineAt(text, tooDeep);
    const column = tooDeep - text.lastIndexOf('\n', tooDeep - 1);
    const message = `body nests arrays and objects more than ${MAX_DEPTH} levels deep (at line ${line}, column ${column}); no API body needs that`;
    throw new ApiError('validation-failed', message, [{ field: 'body', message, line, column, offset: tooDeep }]);
  }
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

/**
 * How deep an API body may nest. JSON.parse takes any depth, but every walk over the value after it
 * (the input guard's NUL and Unicode checks, schema validation) recurses: a 4 MiB body of nested
 * brackets overflowed the stack there, a 500. The deepest body the API declares nests 5 levels.
 */
const MAX_DEPTH = 64;

/** The offset of the bracket that opens level `max + 1`, or null; strings are skipped. One pass, no values built. */
function nestingBeyond(text: string, max: number): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string: to the next quote that no backslash escapes.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
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
