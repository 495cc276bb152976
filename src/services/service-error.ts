/**
 * The one error type services throw for problems the caller can fix. `code` is stable: the API maps
 * it to an HTTP status and its error table, the CLI to an exit code. Anything else thrown is a bug.
 */
import type { InputError } from '../io/input-error.js';

export type ServiceErrorCode =
  | 'not-found'
  | 'unauthenticated'
  | 'already-exists'
  | 'invalid-input'
  | 'unsupported-format'
  | 'unreadable-document'
  | 'too-large'
  | 'not-available'
  /** The document reads, but with errors after which part of it was left out (refused unless accepted). */
  | 'content-left-out';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof ServiceError;
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not-found', `${what} not found`);
}

/** An unreadable input as a ServiceError: the input's own code decides, never its message (issue 8 item 14). */
export function serviceErrorOfInput(err: InputError, message = err.message): ServiceError {
  return new ServiceError(err.code === 'too-large' ? 'too-large' : 'unreadable-document', message);
}
