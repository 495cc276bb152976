/**
 * The one error type services throw for problems the caller can fix. `code` is stable: the API maps
 * it to an HTTP status and its error table, the CLI to an exit code. Anything else thrown is a bug.
 */
export type ServiceErrorCode =
  | 'not-found'
  | 'unauthenticated'
  | 'already-exists'
  | 'invalid-input'
  | 'unsupported-format'
  | 'unreadable-document'
  | 'too-large'
  | 'not-available';

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
