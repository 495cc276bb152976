import { ID, LINKING, NAME, NULLABLE_STRING, STRING_LIST, TEXT } from '../http/common-schemas.js';

const SHIP_STATUS = { type: 'string', enum: ['in-development', 'published', 'archived'] } as const;

export const RELEASE = {
  type: 'object',
  required: ['id', 'productId', 'number', 'shipStatus', 'commit', 'outboundLicenses', 'validationStep'],
  properties: {
    id: ID,
    productId: ID,
    number: { type: 'string' },
    shipStatus: SHIP_STATUS,
    commit: NULLABLE_STRING,
    outboundLicenses: STRING_LIST,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
  },
} as const;

const FIELDS = {
  number: NAME,
  shipStatus: SHIP_STATUS,
  commit: NULLABLE_STRING,
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_RELEASE = { type: 'object', required: ['number'], properties: FIELDS, additionalProperties: false } as const;
export const RELEASE_PATCH = { type: 'object', properties: FIELDS, additionalProperties: false, minProperties: 1 } as const;

export const RELEASE_LIST_QUERY = {
  type: 'object',
  properties: { productId: { ...ID, description: 'Only the releases of this product' } },
  additionalProperties: false,
} as const;

export const RECENT_VIEW = {
  type: 'object',
  required: ['release', 'viewedAt', 'viewedBy'],
  properties: { release: RELEASE, viewedAt: { type: 'string' }, viewedBy: NULLABLE_STRING },
} as const;

export const USAGE_PARAMS = {
  type: 'object',
  required: ['id', 'usageId'],
  properties: { id: ID, usageId: ID },
  additionalProperties: false,
} as const;

export const PATH_QUERY = {
  type: 'object',
  properties: { maxSteps: { type: 'integer', minimum: 2, maximum: 1000 } },
  additionalProperties: false,
} as const;

const PATH_STEP = {
  type: 'object',
  required: ['versionId', 'componentId', 'name', 'namespace', 'version', 'purl'],
  properties: { versionId: ID, componentId: ID, name: { type: 'string' }, namespace: NULLABLE_STRING, version: { type: 'string' }, purl: NULLABLE_STRING },
} as const;

export const DEPENDENCY_PATH = {
  type: 'object',
  required: ['usageId', 'versionId', 'reachable', 'project', 'steps', 'omitted', 'length'],
  properties: {
    usageId: ID,
    versionId: ID,
    reachable: { type: 'boolean' },
    project: NULLABLE_STRING,
    steps: { type: 'array', items: PATH_STEP },
    omitted: { type: 'integer', minimum: 0 },
    length: { type: 'integer', minimum: 0 },
  },
} as const;

/** PATCH /releases/:id/usages/:usageId: what a person records about a usage; null = not recorded. */
export const USAGE_EDIT = {
  type: 'object',
  minProperties: 1,
  properties: {
    linking: { anyOf: [LINKING, { type: 'null' }] },
    modification: { anyOf: [{ type: 'string', enum: ['modified', 'unmodified'] }, { type: 'null' }] },
    status: { type: 'string', enum: ['auto', 'validated', 'ignored'] },
    description: { anyOf: [{ ...TEXT }, { type: 'null' }] },
  },
  additionalProperties: false,
} as const;
