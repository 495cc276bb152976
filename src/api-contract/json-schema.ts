/**
 * JSON Schema fragments the API contract is written with (issue 8 item 13). Plain JSON Schema
 * objects declared `as const`: fastify validates and serialises with them, the OpenAPI document
 * shows them as they are, and json-schema-to-ts derives the TypeScript types from the same literal.
 * Lengths and ranges come from model/input-limits.ts.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { INPUT_LIMITS } from '../model/input-limits.js';

/** The TypeScript type a schema describes (what a body holds once validated, or a response carries). */
export type Infer<S> = S extends JSONSchema ? FromSchema<S> : unknown;

export const ID = { type: 'integer', minimum: 1, maximum: INPUT_LIMITS.maxId } as const;
/** A name, number, scope or licence id: stored in indexed columns. */
export const NAME = { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name } as const;
export const NULLABLE_NAME = { type: ['string', 'null'], maxLength: INPUT_LIMITS.name } as const;
export const NULLABLE_PURL_OR_NAME = { type: ['string', 'null'], maxLength: INPUT_LIMITS.purl } as const;
export const TEXT = { type: 'string', maxLength: INPUT_LIMITS.text } as const;
export const STRING = { type: 'string' } as const;
/** A response field that may be null (requests use the bounded NULLABLE_STRING). */
export const STRING_OR_NULL = { type: ['string', 'null'] } as const;
export const NULLABLE_STRING = { type: ['string', 'null'], maxLength: INPUT_LIMITS.text } as const;
export const BOOLEAN = { type: 'boolean' } as const;
export const NULLABLE_BOOLEAN = { type: ['boolean', 'null'] } as const;
export const COUNT = { type: 'integer', minimum: 0 } as const;
export const STRING_LIST = {
  type: 'array',
  maxItems: 1000,
  items: { type: 'string', maxLength: INPUT_LIMITS.name },
} as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: ID },
  additionalProperties: false,
} as const;

/** A result object whose full shape belongs to another layer (compliance engine, reports). */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export const EXPLOITATION = {
  type: 'string',
  enum: ['distribution', 'distribution-source', 'distribution-binary', 'network', 'internal'],
} as const;
export const LINKING = { type: 'string', enum: ['aggregation', 'dynamic', 'static', 'mingled'] } as const;
export const NULLABLE_EXPLOITATION = { anyOf: [EXPLOITATION, { type: 'null' }] } as const;
export const NULLABLE_LINKING = { anyOf: [LINKING, { type: 'null' }] } as const;
export const MODIFICATION = { type: 'string', enum: ['modified', 'unmodified'] } as const;
export const NULLABLE_MODIFICATION = { anyOf: [MODIFICATION, { type: 'null' }] } as const;

export function listOf<const T extends object>(items: T) {
  return { type: 'array', items } as const;
}

/**
 * A closed object: every property named, the required ones listed. Response shapes are closed so
 * that the derived type has no index signature (a typo in the UI is a compile error).
 */
export function closed<const P extends Record<string, object>, const R extends readonly (keyof P & string)[]>(
  properties: P,
  required: R,
) {
  return { type: 'object', required, properties, additionalProperties: false } as const;
}

export const DELETED = closed({ deleted: { type: 'integer' } }, ['deleted']);

/** A problem found in an input (model/issue.ts): never thrown, reported beside the result. */
export const ISSUE = closed(
  {
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    code: { type: 'string' },
    message: { type: 'string' },
    component: { type: 'string' },
    field: { type: 'string' },
    line: { type: 'integer' },
  },
  ['severity', 'code', 'message'],
);
