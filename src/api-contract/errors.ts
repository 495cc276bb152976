/**
 * The one error table of the HTTP API: every error response is `{ error: { code, message, details? } }`
 * with one of these stable codes. Clients (the web UI, scripts) branch on the code, never on the text.
 */
export const ERROR_TABLE = {
  'validation-failed': { status: 400, message: 'The request is not valid' },
  unauthenticated: { status: 401, message: 'A valid API token is required (Authorization: Bearer <token>)' },
  forbidden: { status: 403, message: 'Your role does not allow this action' },
  'not-found': { status: 404, message: 'Not found' },
  'method-not-allowed': { status: 405, message: 'Method not allowed' },
  'request-timeout': { status: 408, message: 'The request took too long to arrive' },
  conflict: { status: 409, message: 'The request conflicts with the current state' },
  'payload-too-large': { status: 413, message: 'The upload is larger than the configured limit' },
  'unsupported-format': { status: 415, message: 'Not a document format Vigie can read' },
  'unreadable-document': { status: 422, message: 'The document could not be read' },
  'content-left-out': {
    status: 422,
    message: 'The document was read with errors that left part of it out; send acceptErrors=true to import the rest',
  },
  unprocessable: { status: 422, message: 'The request cannot be carried out as it stands' },
  'too-many-requests': { status: 429, message: 'Too many failed attempts: wait before trying again' },
  'header-too-large': { status: 431, message: 'The request headers are larger than the server accepts' },
  unavailable: { status: 503, message: 'A service Vigie depends on is not reachable' },
  internal: { status: 500, message: 'Internal error (a bug: please report it)' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_TABLE, value);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
