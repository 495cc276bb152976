import { INPUT_LIMITS } from '../../model/input-limits.js';
import { EXPLOITATION, LINKING, NULLABLE_STRING, OPEN_OBJECT, STRING_LIST } from '../http/common-schemas.js';

export const LICENSE_PARAMS = {
  type: 'object',
  required: ['license'],
  properties: { license: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name, description: 'SPDX id (any case)' } },
  additionalProperties: false,
} as const;

export const POLICY = {
  type: 'object',
  required: ['license', 'allowed', 'reviewStatus', 'comment', 'categories'],
  properties: {
    license: { type: 'string' },
    allowed: { type: 'string', enum: ['always', 'never', 'context', 'out-of-foss-policy', 'not-reviewed'] },
    reviewStatus: { type: 'string', enum: ['not-reviewed', 'to-check', 'checked'] },
    comment: NULLABLE_STRING,
    categories: STRING_LIST,
    revalidationJobId: { type: 'integer', description: 'After PUT with ?background=true: the job validating every release again (GET /api/jobs/{id})' },
  },
} as const;

export const POLICY_CHANGE_QUERY = {
  type: 'object',
  properties: {
    background: { type: 'boolean', default: false, description: 'Validate the releases again in a job (its id in revalidationJobId) instead of before answering' },
  },
  additionalProperties: false,
} as const;

export const POLICY_INPUT = {
  type: 'object',
  required: ['allowed'],
  properties: {
    allowed: POLICY.properties.allowed,
    reviewStatus: POLICY.properties.reviewStatus,
    comment: NULLABLE_STRING,
    categories: STRING_LIST,
  },
  additionalProperties: false,
} as const;

export const LICENSE_SUMMARY = {
  type: 'object',
  required: ['id', 'name', 'policy'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: NULLABLE_STRING,
    copyleft: NULLABLE_STRING,
    foss: NULLABLE_STRING,
    osiApproved: { type: ['boolean', 'null'] },
    obligations: { type: 'integer' },
    policy: POLICY,
  },
} as const;

export const LICENSE_DETAIL = {
  type: 'object',
  required: ['facts', 'obligations', 'policy'],
  properties: { facts: OPEN_OBJECT, obligations: { type: 'array', items: OPEN_OBJECT }, policy: POLICY },
} as const;

export const COMPATIBILITY_QUERY = {
  type: 'object',
  required: ['inbound', 'outbound'],
  properties: {
    inbound: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.text, description: 'Licence of the component' },
    outbound: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.text, description: 'Licence of the release' },
    linking: { ...LINKING, default: 'dynamic' },
    exploitation: { ...EXPLOITATION, default: 'distribution' },
  },
  additionalProperties: false,
} as const;

export const COMPATIBILITY = {
  type: 'object',
  required: ['inbound', 'outbound', 'verdict', 'basis', 'explanation'],
  properties: {
    inbound: { type: 'string' },
    outbound: { type: 'string' },
    verdict: { type: 'string', enum: ['compatible', 'incompatible', 'unknown', 'check-dependency'] },
    compatible: { type: ['boolean', 'null'], description: 'true/false when the verdict is clear, null otherwise' },
    basis: { type: 'string' },
    explanation: { type: 'string' },
  },
} as const;

export const HERMINE_DIFF = {
  type: 'object',
  required: ['differences', 'issues'],
  properties: { differences: { type: 'array', items: OPEN_OBJECT }, issues: { type: 'array', items: OPEN_OBJECT } },
} as const;

export const HERMINE_IMPORT_QUERY = {
  type: 'object',
  properties: {
    mode: {
      type: 'string',
      enum: ['replace', 'merge'],
      default: 'merge',
      description: 'replace: the reference becomes the knowledge base; merge: the reference wins where it speaks, our own licences and actions stay',
    },
    background: {
      type: 'boolean',
      default: false,
      description: 'Validate the releases again in a job (its id in revalidationJobId) instead of before answering',
    },
  },
  additionalProperties: false,
} as const;

export const HERMINE_IMPORT = {
  type: 'object',
  required: ['mode', 'licenses', 'obligations', 'actions', 'applied', 'ignoredPolicies', 'issues'],
  properties: {
    mode: { type: 'string', enum: ['replace', 'merge'] },
    licenses: { type: 'integer' },
    obligations: { type: 'integer' },
    actions: { type: 'integer' },
    applied: { type: 'integer', description: 'Differences with the previous knowledge base that were taken' },
    ignoredPolicies: { type: 'integer', description: 'Policies found in an old export, not applied' },
    issues: { type: 'array', items: OPEN_OBJECT },
    revalidationJobId: { type: 'integer', description: 'With ?background=true: the job validating every release again (GET /api/jobs/{id})' },
  },
} as const;

/** One entry of the knowledge base's import history. */
export const KNOWLEDGE_BASE_IMPORT_RECORD = {
  type: 'object',
  required: ['id', 'importedAt', 'source', 'mode', 'author', 'licenses', 'obligations', 'actions', 'applied', 'issues'],
  properties: {
    id: { type: 'integer' },
    importedAt: { type: 'string', format: 'date-time' },
    source: { type: 'string', description: 'File or folder name, or "upload"' },
    mode: { type: 'string', enum: ['replace', 'merge'] },
    author: { type: ['string', 'null'] },
    licenses: { type: 'integer', description: 'Licences in the knowledge base after the import' },
    obligations: { type: 'integer' },
    actions: { type: 'integer' },
    applied: { type: 'integer', description: 'Differences taken from the imported data' },
    issues: { type: 'integer', description: 'Problems reported while reading it' },
  },
} as const;
