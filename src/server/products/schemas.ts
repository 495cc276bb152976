import { ID, NAME, NULLABLE_STRING, STRING_LIST } from '../http/common-schemas.js';

export const PRODUCT = {
  type: 'object',
  required: ['id', 'name', 'description', 'owner', 'categoryIds', 'outboundLicenses'],
  properties: {
    id: ID,
    name: { type: 'string' },
    description: NULLABLE_STRING,
    owner: NULLABLE_STRING,
    categoryIds: { type: 'array', items: ID },
    outboundLicenses: STRING_LIST,
  },
} as const;

const FIELDS = {
  name: NAME,
  description: NULLABLE_STRING,
  owner: NULLABLE_STRING,
  categoryIds: { type: 'array', items: ID },
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_PRODUCT = { type: 'object', required: ['name'], properties: FIELDS, additionalProperties: false } as const;
export const PRODUCT_PATCH = { type: 'object', properties: FIELDS, additionalProperties: false, minProperties: 1 } as const;
