/** Schema fragments shared by several resources. Lengths and ranges come from model/input-limits.ts. */
import { INPUT_LIMITS } from '../../model/input-limits.js';

export const ID = { type: 'integer', minimum: 1, maximum: INPUT_LIMITS.maxId } as const;
/** A name, number, scope or licence id: stored in indexed columns. */
export const NAME = { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name } as const;
export const NULLABLE_NAME = { type: ['string', 'null'], maxLength: INPUT_LIMITS.name } as const;
export const NULLABLE_PURL_OR_NAME = { type: ['string', 'null'], maxLength: INPUT_LIMITS.purl } as const;
export const TEXT = { type: 'string', maxLength: INPUT_LIMITS.text } as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: ID },
  additionalProperties: false,
} as const;

export const NULLABLE_STRING = { type: ['string', 'null'], maxLength: INPUT_LIMITS.text } as const;
export const STRING_LIST = { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: INPUT_LIMITS.name } } as const;

/** A result object whose full shape belongs to another layer (compliance engine, reports). */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export const EXPLOITATION = {
  type: 'string',
  enum: ['distribution', 'distribution-source', 'distribution-binary', 'network', 'internal'],
} as const;
export const LINKING = { type: 'string', enum: ['aggregation', 'dynamic', 'static', 'mingled'] } as const;

export function listOf(items: object): object {
  return { type: 'array', items };
}

export const DELETED = {
  type: 'object',
  required: ['deleted'],
  properties: { deleted: { type: 'integer' } },
} as const;
