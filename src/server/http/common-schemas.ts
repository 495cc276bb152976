/** Schema fragments shared by several resources. */
export const ID = { type: 'integer', minimum: 1 } as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: ID },
  additionalProperties: false,
} as const;

export const NULLABLE_STRING = { type: ['string', 'null'] } as const;
export const STRING_LIST = { type: 'array', items: { type: 'string' } } as const;

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
