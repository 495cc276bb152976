/** Licences: the knowledge base's facts and obligations, the organisation's policy, its settings, Hermine exchange. */
import { INPUT_LIMITS } from '../model/input-limits.js';
import { NORMALISER_ACCEPTANCES } from '../model/policy-settings.js';
import {
  COUNT,
  EXPLOITATION,
  ISSUE,
  LINKING,
  NULLABLE_BOOLEAN,
  NULLABLE_STRING,
  OPEN_OBJECT,
  STRING,
  STRING_LIST,
  STRING_OR_NULL,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { route } from './route.js';

export const LICENSE_PARAMS = {
  type: 'object',
  required: ['license'],
  properties: {
    license: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name, description: 'SPDX id (any case)' },
  },
  additionalProperties: false,
} as const;

const ALLOWED = { type: 'string', enum: ['always', 'never', 'context', 'out-of-foss-policy', 'not-reviewed'] } as const;
const REVIEW_STATUS = { type: 'string', enum: ['not-reviewed', 'to-check', 'checked'] } as const;

export const POLICY = closed(
  {
    license: STRING,
    allowed: ALLOWED,
    reviewStatus: REVIEW_STATUS,
    comment: STRING_OR_NULL,
    categories: STRING_LIST,
    revalidationJobId: {
      type: 'integer',
      description: 'After PUT with ?background=true: the job validating every release again (GET /api/jobs/{id})',
    },
  },
  ['license', 'allowed', 'reviewStatus', 'comment', 'categories'],
);

export const POLICY_CHANGE_QUERY = {
  type: 'object',
  properties: {
    background: {
      type: 'boolean',
      default: false,
      description: 'Validate the releases again in a job (its id in revalidationJobId) instead of before answering',
    },
  },
  additionalProperties: false,
} as const;

export const POLICY_INPUT = {
  type: 'object',
  required: ['allowed'],
  properties: { allowed: ALLOWED, reviewStatus: REVIEW_STATUS, comment: NULLABLE_STRING, categories: STRING_LIST },
  additionalProperties: false,
} as const;

export const LICENSE_SUMMARY = closed(
  {
    id: STRING,
    name: STRING,
    kind: STRING_OR_NULL,
    copyleft: STRING_OR_NULL,
    foss: STRING_OR_NULL,
    osiApproved: NULLABLE_BOOLEAN,
    obligations: COUNT,
    policy: POLICY,
  },
  ['id', 'name', 'kind', 'copyleft', 'foss', 'osiApproved', 'obligations', 'policy'],
);

const nullableEnum = <const V extends readonly string[]>(values: V) =>
  ({ anyOf: [{ type: 'string', enum: values }, { type: 'null' }] }) as const;

/** Facts about one licence (licenses/kb/types.ts); null = not known. */
export const LICENSE_FACTS = closed(
  {
    id: STRING,
    name: STRING,
    kind: nullableEnum(['software', 'content', 'data', 'font', 'documentation']),
    copyleft: nullableEnum(['none', 'weak', 'strong', 'network', 'weak-network']),
    osiApproved: NULLABLE_BOOLEAN,
    fsfApproved: NULLABLE_BOOLEAN,
    foss: nullableEnum(['yes', 'yes-auto', 'no']),
    patentGrant: NULLABLE_BOOLEAN,
    ethicalClause: NULLABLE_BOOLEAN,
    nonCommercial: NULLABLE_BOOLEAN,
    antiTivoisation: NULLABLE_BOOLEAN,
    warrantyDisclaimer: nullableEnum(['full', 'partial']),
    liabilityDisclaimer: nullableEnum(['full', 'partial']),
    law: STRING_OR_NULL,
    venue: STRING_OR_NULL,
    steward: STRING_OR_NULL,
    url: STRING_OR_NULL,
    comment: STRING_OR_NULL,
    text: STRING_OR_NULL,
    extra: OPEN_OBJECT,
  },
  [
    'id',
    'name',
    'kind',
    'copyleft',
    'osiApproved',
    'fsfApproved',
    'foss',
    'patentGrant',
    'ethicalClause',
    'nonCommercial',
    'antiTivoisation',
    'warrantyDisclaimer',
    'liabilityDisclaimer',
    'law',
    'venue',
    'steward',
    'url',
    'comment',
    'text',
  ],
);

/** One clause of one licence, triggered by exploitation and modification. */
export const OBLIGATION = closed(
  {
    license: STRING,
    name: STRING,
    passivity: nullableEnum(['do', 'dont']),
    exploitation: { anyOf: [EXPLOITATION, { type: 'null' }] },
    modification: nullableEnum(['modified', 'unmodified', 'either']),
    action: STRING_OR_NULL,
    clause: STRING_OR_NULL,
    extra: OPEN_OBJECT,
  },
  ['license', 'name', 'passivity', 'exploitation', 'modification', 'action', 'clause'],
);

export const LICENSE_DETAIL = closed({ facts: LICENSE_FACTS, obligations: listOf(OBLIGATION), policy: POLICY }, [
  'facts',
  'obligations',
  'policy',
]);

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

export const COMPATIBILITY = closed(
  {
    inbound: STRING,
    outbound: STRING,
    verdict: { type: 'string', enum: ['compatible', 'incompatible', 'unknown', 'check-dependency'] },
    compatible: { type: ['boolean', 'null'], description: 'true/false when the verdict is clear, null otherwise' },
    basis: STRING,
    explanation: STRING,
  },
  ['inbound', 'outbound', 'verdict', 'compatible', 'basis', 'explanation'],
);

const ACCEPT_NORMALISER = {
  type: 'string',
  enum: NORMALISER_ACCEPTANCES,
  description:
    "Whether step 1 accepts the normaliser's reading of a licence string without a curation: off (never), exact, high (exact and high confidence)",
} as const;

export const POLICY_SETTINGS = closed(
  { acceptNormaliser: ACCEPT_NORMALISER, updatedBy: STRING_OR_NULL, updatedAt: STRING_OR_NULL },
  ['acceptNormaliser', 'updatedBy', 'updatedAt'],
);

export const POLICY_SETTINGS_INPUT = {
  type: 'object',
  minProperties: 1,
  properties: { acceptNormaliser: ACCEPT_NORMALISER },
  additionalProperties: false,
} as const;

export const HERMINE_DIFF = closed({ differences: listOf(OPEN_OBJECT), issues: listOf(ISSUE) }, [
  'differences',
  'issues',
]);

export const HERMINE_IMPORT_QUERY = {
  type: 'object',
  properties: {
    mode: {
      type: 'string',
      enum: ['replace', 'merge'],
      default: 'merge',
      description:
        'replace: the reference becomes the knowledge base; merge: the reference wins where it speaks, our own licences and actions stay',
    },
    background: {
      type: 'boolean',
      default: false,
      description: 'Validate the releases again in a job (its id in revalidationJobId) instead of before answering',
    },
  },
  additionalProperties: false,
} as const;

export const HERMINE_IMPORT = closed(
  {
    mode: { type: 'string', enum: ['replace', 'merge'] },
    licenses: COUNT,
    obligations: COUNT,
    actions: COUNT,
    applied: { type: 'integer', description: 'Differences with the previous knowledge base that were taken' },
    ignoredPolicies: { type: 'integer', description: 'Policies found in an old export, not applied' },
    issues: listOf(ISSUE),
    revalidationJobId: {
      type: 'integer',
      description: 'With ?background=true: the job validating every release again (GET /api/jobs/{id})',
    },
  },
  ['mode', 'licenses', 'obligations', 'actions', 'applied', 'ignoredPolicies', 'issues'],
);

/** One entry of the knowledge base's import history. */
export const KNOWLEDGE_BASE_IMPORT_RECORD = closed(
  {
    id: { type: 'integer' },
    importedAt: { type: 'string', format: 'date-time' },
    source: { type: 'string', description: 'File or folder name, or "upload"' },
    mode: { type: 'string', enum: ['replace', 'merge'] },
    author: STRING_OR_NULL,
    licenses: { type: 'integer', description: 'Licences in the knowledge base after the import' },
    obligations: COUNT,
    actions: COUNT,
    applied: { type: 'integer', description: 'Differences taken from the imported data' },
    issues: { type: 'integer', description: 'Problems reported while reading it' },
  },
  ['id', 'importedAt', 'source', 'mode', 'author', 'licenses', 'obligations', 'actions', 'applied', 'issues'],
);

const tags = ['licences'] as const;
const UPLOADS = ['application/json', 'multipart/form-data'] as const;

export const LICENSE_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/licenses',
    permission: 'read',
    tags,
    summary: 'The licence catalogue with each policy',
    response: { 200: listOf(LICENSE_SUMMARY) },
  }),
  compatibility: route({
    method: 'GET',
    path: '/api/licenses/compatibility',
    permission: 'read',
    tags,
    summary: 'May a component under one licence ship in a release under another?',
    querystring: COMPATIBILITY_QUERY,
    response: { 200: COMPATIBILITY },
  }),
  get: route({
    method: 'GET',
    path: '/api/licenses/:license',
    permission: 'read',
    tags,
    summary: 'Facts, obligations and policy of one licence',
    params: LICENSE_PARAMS,
    response: { 200: LICENSE_DETAIL },
  }),
  policy: route({
    method: 'GET',
    path: '/api/licenses/:license/policy',
    permission: 'read',
    tags,
    summary: 'The policy of one licence ("not-reviewed" when none was set)',
    params: LICENSE_PARAMS,
    response: { 200: POLICY },
  }),
  setPolicy: route({
    method: 'PUT',
    path: '/api/licenses/:license/policy',
    permission: 'licenses:write',
    tags,
    summary: 'Set the policy of one licence',
    params: LICENSE_PARAMS,
    querystring: POLICY_CHANGE_QUERY,
    body: POLICY_INPUT,
    response: { 200: POLICY },
  }),
  policies: route({
    method: 'GET',
    path: '/api/policies',
    permission: 'read',
    tags,
    summary: 'Every licence policy that was set',
    response: { 200: listOf(POLICY) },
  }),
  settings: route({
    method: 'GET',
    path: '/api/policy-settings',
    permission: 'read',
    tags,
    summary: 'The compliance settings validation applies, with who changed them last',
    response: { 200: POLICY_SETTINGS },
  }),
  setSettings: route({
    method: 'PUT',
    path: '/api/policy-settings',
    permission: 'licenses:write',
    tags,
    summary: 'Change a compliance setting; every release is validated again',
    body: POLICY_SETTINGS_INPUT,
    response: { 200: POLICY_SETTINGS },
  }),
  knowledgeBaseImports: route({
    method: 'GET',
    path: '/api/knowledge-base/imports',
    permission: 'read',
    tags,
    summary: 'The knowledge base import history, newest first (who, when, from what, what it changed)',
    response: { 200: listOf(KNOWLEDGE_BASE_IMPORT_RECORD) },
  }),
  hermineDiff: route({
    method: 'POST',
    path: '/api/knowledge-base/diff',
    permission: 'read',
    tags,
    summary: 'Differences between our knowledge base and a Hermine shared.json (raw body or multipart "file")',
    consumes: UPLOADS,
    response: { 200: HERMINE_DIFF },
  }),
  hermineImport: route({
    method: 'POST',
    path: '/api/knowledge-base/import',
    permission: 'licenses:write',
    tags,
    summary:
      'Store a Hermine shared.json as the knowledge base (raw body or multipart "file"), replacing it or merged into it',
    description:
      "Licence policies are the organisation's own and are never imported. A refused document leaves the stored knowledge base as it was.",
    consumes: UPLOADS,
    querystring: HERMINE_IMPORT_QUERY,
    response: { 200: HERMINE_IMPORT },
  }),
} as const;

export type LicensePolicy = Infer<typeof POLICY>;
export type LicenseSummary = Infer<typeof LICENSE_SUMMARY>;
export type LicenseFacts = Infer<typeof LICENSE_FACTS>;
export type LicenseObligation = Infer<typeof OBLIGATION>;
export type LicenseDetail = Infer<typeof LICENSE_DETAIL>;
export type Compatibility = Infer<typeof COMPATIBILITY>;
export type PolicyInput = Infer<typeof POLICY_INPUT>;
export type PolicySettings = Infer<typeof POLICY_SETTINGS>;
export type HermineDiffResult = Infer<typeof HERMINE_DIFF>;
export type HermineImportResult = Infer<typeof HERMINE_IMPORT>;
export type KnowledgeBaseImportRecord = Infer<typeof KNOWLEDGE_BASE_IMPORT_RECORD>;
