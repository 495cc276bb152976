/** Decisions (DESIGN.md): curations, AND confirmations, licence choices, derogations and authorised contexts. */
import { INPUT_LIMITS } from '../model/input-limits.js';
import {
  DELETED,
  EXPLOITATION,
  ID,
  ID_PARAMS,
  NULLABLE_EXPLOITATION,
  NULLABLE_LINKING,
  NULLABLE_MODIFICATION,
  NULLABLE_NAME,
  NULLABLE_PURL_OR_NAME,
  NULLABLE_STRING,
  STRING,
  STRING_OR_NULL,
  TEXT,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { route } from './route.js';

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
    linking: NULLABLE_LINKING,
    modification: NULLABLE_MODIFICATION,
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

const RECORD = { id: ID, author: STRING, createdAt: STRING, explanation: STRING } as const;
const RECORD_REQUIRED = ['id', 'type', 'author', 'createdAt', 'explanation'] as const;
const ANSWERED_SCOPE = {
  categoryId: { type: ['integer', 'null'] },
  productId: { type: ['integer', 'null'] },
  releaseId: { type: ['integer', 'null'] },
  scope: STRING_OR_NULL,
  project: STRING_OR_NULL,
  exploitation: NULLABLE_EXPLOITATION,
  component: STRING_OR_NULL,
  version: STRING_OR_NULL,
} as const;
const SCOPE_REQUIRED = [
  'categoryId',
  'productId',
  'releaseId',
  'scope',
  'project',
  'exploitation',
  'component',
  'version',
] as const;

export const CURATION = closed(
  {
    ...RECORD,
    type: { type: 'string', const: 'curation' },
    kind: { type: 'string', enum: ['curation', 'and-confirmation'] },
    component: STRING_OR_NULL,
    version: STRING_OR_NULL,
    fromExpression: STRING_OR_NULL,
    toExpression: STRING,
  },
  [...RECORD_REQUIRED, 'kind', 'component', 'version', 'fromExpression', 'toExpression'],
);

export const LICENSE_CHOICE = closed(
  {
    ...RECORD,
    ...ANSWERED_SCOPE,
    type: { type: 'string', const: 'choice' },
    fromExpression: STRING,
    toExpression: STRING,
  },
  [...RECORD_REQUIRED, ...SCOPE_REQUIRED, 'fromExpression', 'toExpression'],
);

export const DEROGATION = closed(
  {
    ...RECORD,
    ...ANSWERED_SCOPE,
    type: { type: 'string', const: 'derogation' },
    license: STRING,
    linking: NULLABLE_LINKING,
    modification: NULLABLE_MODIFICATION,
    /** Bound to no product and no release (the server says so, clients need not know the rule). */
    authorisedContext: { type: 'boolean' },
  },
  [...RECORD_REQUIRED, ...SCOPE_REQUIRED, 'license', 'linking', 'authorisedContext'],
);

export const DECISION = { anyOf: [CURATION, LICENSE_CHOICE, DEROGATION] } as const;

const tags = ['decisions'] as const;

export const DECISION_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/decisions',
    permission: 'read',
    tags,
    summary: 'Curations, licence choices, derogations and authorised contexts',
    querystring: DECISION_FILTER,
    response: { 200: listOf(DECISION) },
  }),
  record: route({
    method: 'POST',
    path: '/api/decisions',
    permission: 'decisions:write',
    tags,
    summary: 'Record a decision, signed with the token name',
    body: NEW_DECISION,
    response: { 201: DECISION },
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/decisions/:id',
    permission: 'decisions:write',
    tags,
    summary: 'Delete one decision',
    params: ID_PARAMS,
    response: { 200: DELETED },
  }),
  reset: route({
    method: 'DELETE',
    path: '/api/decisions',
    permission: 'decisions:write',
    tags,
    summary: 'Reset: delete every decision matching the filter (all when none)',
    querystring: DECISION_FILTER,
    response: { 200: DELETED },
  }),
} as const;

export type Decision = Infer<typeof DECISION>;
export type Curation = Infer<typeof CURATION>;
export type LicenseChoice = Infer<typeof LICENSE_CHOICE>;
export type Derogation = Infer<typeof DEROGATION>;
export type NewDecisionBody = Infer<typeof NEW_DECISION>;
export type DecisionFilter = Infer<typeof DECISION_FILTER>;
