import { INPUT_LIMITS } from '../../model/input-limits.js';
import { EXPLOITATION, ID, LINKING, NULLABLE_NAME, NULLABLE_PURL_OR_NAME, NULLABLE_STRING, OPEN_OBJECT, TEXT } from '../http/common-schemas.js';

const NULLABLE_ID = { type: ['integer', 'null'], minimum: 1, maximum: INPUT_LIMITS.maxId } as const;
const DECISION_TYPE = { type: 'string', enum: ['curation', 'choice', 'derogation'] } as const;

/** Scope fields: absent or null means "any". */
const SCOPE = {
  categoryId: NULLABLE_ID,
  productId: NULLABLE_ID,
  releaseId: NULLABLE_ID,
  scope: NULLABLE_NAME,
  project: NULLABLE_NAME,
  exploitation: { anyOf: [EXPLOITATION, { type: 'null' }] },
  component: { ...NULLABLE_PURL_OR_NAME, description: 'Versionless purl or name; null = every component' },
  version: { ...NULLABLE_NAME, description: 'null = all versions' },
} as const;

/**
 * One body for the three kinds; `type` says which fields are required. An AND confirmation is a
 * curation with kind "and-confirmation"; an authorised context is a derogation without product or release.
 */
export const NEW_DECISION = {
  type: 'object',
  required: ['type', 'explanation'],
  properties: {
    type: DECISION_TYPE,
    kind: { type: 'string', enum: ['curation', 'and-confirmation'] },
    ...SCOPE,
    fromExpression: NULLABLE_STRING,
    toExpression: { ...TEXT, minLength: 1 },
    license: { ...TEXT, minLength: 1 },
    linking: { anyOf: [LINKING, { type: 'null' }] },
    modification: { anyOf: [{ type: 'string', enum: ['modified', 'unmodified'] }, { type: 'null' }] },
    explanation: TEXT,
  },
  additionalProperties: false,
  allOf: [
    { if: { properties: { type: { const: 'curation' } } }, then: { required: ['toExpression'] } },
    { if: { properties: { type: { const: 'choice' } } }, then: { required: ['fromExpression', 'toExpression'] } },
    { if: { properties: { type: { const: 'derogation' } } }, then: { required: ['license'] } },
  ],
} as const;

export const DECISION_FILTER = {
  type: 'object',
  properties: {
    type: DECISION_TYPE,
    categoryId: ID,
    productId: ID,
    releaseId: ID,
    component: { type: 'string', maxLength: INPUT_LIMITS.purl },
  },
  additionalProperties: false,
} as const;

export const DECISION = {
  type: 'object',
  required: ['id', 'type', 'author', 'createdAt', 'explanation'],
  properties: { id: ID, type: DECISION_TYPE, author: { type: 'string' }, createdAt: { type: 'string' }, explanation: { type: 'string' } },
  additionalProperties: true,
} as const;

export { OPEN_OBJECT };
