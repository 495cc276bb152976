import { ERROR_TABLE, type ErrorCode } from '../../api-contract/errors.js';

/** An error a route throws on purpose; the error handler turns it into the table's response. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_TABLE[code].message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_TABLE[this.code].status;
  }
}

export function notFound(what: string): ApiError {
  return new ApiError('not-found', `${what} not found`);
}
