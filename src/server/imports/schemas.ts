import { ID, NAME, NULLABLE_STRING, OPEN_OBJECT } from '../http/common-schemas.js';

export const IMPORT_QUERY = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['replace', 'merge'], default: 'replace', description: 'Replace the release content or merge into it' },
    policy: {
      type: 'string',
      enum: ['fill-missing', 'override'],
      default: 'fill-missing',
      description: 'Keep stored component data and only fill blanks, or override it',
    },
    fileName: { ...NAME, description: 'Name of the document when sent as the raw body' },
    project: { ...NAME, minLength: 0, description: "Sub-project the document describes (default: the release's root project)" },
    scope: { ...NAME, minLength: 0, description: 'Scope name for components whose document gives none' },
    linking: { type: 'string', enum: ['aggregation', 'dynamic', 'static', 'mingled'], description: 'Linking recorded on new usages (default: not recorded)' },
    modification: { type: 'string', enum: ['modified', 'unmodified'], description: 'Modification recorded on new usages (default: not recorded)' },
    background: { type: 'boolean', default: false, description: 'Run the import as a job: answers 202 with the job (GET /api/jobs/{id} for its progress)' },
  },
  additionalProperties: false,
} as const;

const CONFLICT = {
  type: 'object',
  properties: {
    entity: { type: 'string' },
    key: { type: 'string' },
    field: { type: 'string' },
    stored: { type: 'string' },
    incoming: { type: 'string' },
    kept: { type: 'string' },
  },
} as const;

export const IMPORT_RECORD = {
  type: 'object',
  required: ['id', 'releaseId', 'format', 'mode', 'policy', 'status', 'startedAt'],
  properties: {
    id: ID,
    releaseId: ID,
    format: { type: 'string' },
    fileName: NULLABLE_STRING,
    mode: { type: 'string' },
    policy: { type: 'string' },
    author: NULLABLE_STRING,
    status: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    counts: { type: 'object', additionalProperties: { type: 'number' } },
    conflicts: { type: 'array', items: CONFLICT },
    error: NULLABLE_STRING,
    startedAt: { type: 'string' },
    finishedAt: NULLABLE_STRING,
  },
} as const;

export const IMPORT_OUTCOME = {
  type: 'object',
  required: ['import', 'counts', 'conflicts', 'issues'],
  properties: {
    import: IMPORT_RECORD,
    counts: { type: 'object', additionalProperties: { type: 'number' } },
    conflicts: { type: 'array', items: CONFLICT },
    issues: { type: 'array', items: OPEN_OBJECT },
  },
} as const;

const { background: _background, ...DIRECT_IMPORT_OPTIONS } = IMPORT_QUERY.properties;

/** The import addressed by names (issue 8 item 16): the options of a direct import, plus where it goes. */
export const NAMED_IMPORT_QUERY = {
  type: 'object',
  required: ['product', 'release'],
  properties: {
    product: { ...NAME, description: 'Product name' },
    release: { ...NAME, description: 'Release number' },
    create: { type: 'boolean', default: false, description: 'Create the product and/or release when missing, in the import transaction (a failed import creates nothing)' },
    ...DIRECT_IMPORT_OPTIONS,
  },
  additionalProperties: false,
} as const;

export const NAMED_IMPORT_OUTCOME = {
  type: 'object',
  required: [...IMPORT_OUTCOME.required, 'created'],
  properties: {
    ...IMPORT_OUTCOME.properties,
    created: {
      type: 'object',
      required: ['product', 'release'],
      properties: { product: { type: 'boolean' }, release: { type: 'boolean' } },
      description: 'What the import created',
    },
  },
} as const;
