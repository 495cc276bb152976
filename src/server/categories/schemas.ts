import { ID, NAME, NULLABLE_STRING, STRING_LIST } from '../http/common-schemas.js';

export const CATEGORY = {
  type: 'object',
  required: ['id', 'name', 'description', 'outboundLicenses'],
  properties: { id: ID, name: { type: 'string' }, description: NULLABLE_STRING, outboundLicenses: STRING_LIST },
} as const;

const FIELDS = {
  name: NAME,
  description: NULLABLE_STRING,
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_CATEGORY = { type: 'object', required: ['name'], properties: FIELDS, additionalProperties: false } as const;
export const CATEGORY_PATCH = { type: 'object', properties: FIELDS, additionalProperties: false, minProperties: 1 } as const;
