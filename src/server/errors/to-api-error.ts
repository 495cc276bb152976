import { UnreadableDocumentError } from '../../sbom/format.js';
import { UnsupportedDocumentError } from '../../sbom/read.js';
import { isServiceError, type ServiceErrorCode } from '../../services/index.js';
import { ApiError } from './api-error.js';
import { isErrorCode, type ErrorCode } from '../../api-contract/errors.js';

/** The services' stable codes, in the API's vocabulary. */
const SERVICE_CODES: Record<ServiceErrorCode, ErrorCode> = {
  'not-found': 'not-found',
  unauthenticated: 'unauthenticated',
  'already-exists': 'conflict',
  'invalid-input': 'validation-failed',
  'unsupported-format': 'unsupported-format',
  'unreadable-document': 'unreadable-document',
  'too-large': 'payload-too-large',
  'not-available': 'unavailable',
  'content-left-out': 'content-left-out',
};

/** Fastify's and its plugins' own error codes, for the requests they refuse before a route runs. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_REQ_FILE_TOO_LARGE: 'payload-too-large',
  FST_PARTS_LIMIT: 'payload-too-large',
  FST_FILES_LIMIT: 'payload-too-large',
  FST_FIELDS_LIMIT: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-format',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported-format',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation-failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation-failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation-failed',
  FST_PROTO_VIOLATION: 'validation-failed',
  FST_INVALID_JSON_FIELD_ERROR: 'validation-failed',
  FST_MP_PREMATURE_CLOSE: 'validation-failed',
  FST_ERR_NOT_FOUND: 'not-found',
  FST_ERR_BAD_URL: 'validation-failed',
  FST_ERR_MAX_PARAM_LENGTH: 'validation-failed',
  FST_ERR_ASYNC_CONSTRAINT: 'internal',
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-format',
  422: 'unprocessable',
  429: 'too-many-requests',
  431: 'header-too-large',
  503: 'unavailable',
};

interface SchemaViolation {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Turns anything thrown while serving a request into an ApiError from the one table. Errors that
 * carry a stable code of ours (the services' typed errors do) keep it; framework refusals are
 * mapped by code or status; anything else is an internal error whose text is not shown.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof UnsupportedDocumentError) return new ApiError('unsupported-format', err.message);
  if (err instanceof UnreadableDocumentError) return new ApiError('unreadable-document', err.message);
  if (isServiceError(err)) return new ApiError(SERVICE_CODES[err.code] ?? 'internal', err.message, err.details);
  if (!(err instanceof Error)) return new ApiError('internal');
  // A foreign-key failure is internal here: the error handler first checks whether what the request
  // names was deleted meanwhile (errors/vanished-reference.ts), the one case where it is a 404.
  const e = err as Error & {
    code?: unknown;
    statusCode?: unknown;
    validation?: SchemaViolation[];
    validationContext?: string;
    details?: unknown;
  };
  if (Array.isArray(e.validation)) return fromSchemaValidation(e.validation, e.validationContext ?? 'body');
  if (isErrorCode(e.code)) return new ApiError(e.code, e.message, e.details);
  if (typeof e.code === 'string' && FRAMEWORK_CODES[e.code]) {
    return new ApiError(FRAMEWORK_CODES[e.code]!, frameworkMessage(e.code, e.message));
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError(BY_STATUS[e.statusCode] ?? 'validation-failed', e.message);
  }
  return new ApiError('internal');
}

function frameworkMessage(code: string, message: string): string {
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return `${message}: send JSON, or the document as the raw body or as multipart/form-data`;
  return message;
}

/** One entry per violated field, with its path in the request ("body/name", "params/id"). */
function fromSchemaValidation(violations: SchemaViolation[], context: string): ApiError {
  const details = violations.map((v) => {
    let path = (v.instancePath ?? '').replace(/^\//, '');
    const missing = v.params?.missingProperty;
    if (typeof missing === 'string') path = path ? `${path}/${missing}` : missing;
    const extra = v.params?.additionalProperty;
    if (typeof extra === 'string') path = path ? `${path}/${extra}` : extra;
    return { field: path ? `${context}/${path}` : context, message: v.message ?? 'is not valid' };
  });
  const first = details[0];
  const message = first ? `${first.field} ${first.message}` : 'The request is not valid';
  return new ApiError('validation-failed', message, details);
}
