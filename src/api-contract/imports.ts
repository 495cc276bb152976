/** Imports: an SBOM (or project) uploaded into a release, its history and its original document. */
import { ID, ID_PARAMS, ISSUE, NAME, STRING, STRING_OR_NULL, closed, listOf, type Infer } from './json-schema.js';
import { JOB } from './jobs.js';
import { route } from './route.js';

export const IMPORT_QUERY = {
  type: 'object',
  properties: {
    mode: {
      type: 'string',
      enum: ['replace', 'merge'],
      default: 'replace',
      description: 'Replace the release content or merge into it',
    },
    policy: {
      type: 'string',
      enum: ['fill-missing', 'override'],
      default: 'fill-missing',
      description: 'Keep stored component data and only fill blanks, or override it',
    },
    fileName: { ...NAME, description: 'Name of the document when sent as the raw body' },
    project: {
      ...NAME,
      minLength: 0,
      description: "Sub-project the document describes (default: the release's root project)",
    },
    scope: { ...NAME, minLength: 0, description: 'Scope name for components whose document gives none' },
    linking: {
      type: 'string',
      enum: ['aggregation', 'dynamic', 'static', 'mingled'],
      description: 'Linking recorded on new usages (default: not recorded)',
    },
    modification: {
      type: 'string',
      enum: ['modified', 'unmodified'],
      description: 'Modification recorded on new usages (default: not recorded)',
    },
    acceptErrors: {
      type: 'boolean',
      default: false,
      description:
        'Import a document even when reading it left part of it out (a value of the wrong JSON type, one the reader could not use); without it such a document gets 422 content-left-out and the release is left untouched',
    },
    background: {
      type: 'boolean',
      default: false,
      description: 'Run the import as a job: answers 202 with the job (GET /api/jobs/{id} for its progress)',
    },
  },
  additionalProperties: false,
} as const;

/** A component or version field the import found different from what the store held. */
const CONFLICT = closed(
  {
    entity: { type: 'string', enum: ['component', 'version'] },
    key: STRING,
    field: STRING,
    stored: STRING,
    incoming: STRING,
    kept: { type: 'string', enum: ['stored', 'incoming'] },
  },
  ['entity', 'key', 'field', 'stored', 'incoming', 'kept'],
);

const COUNTS = { type: 'object', additionalProperties: { type: 'number' } } as const;

export const IMPORT_RECORD = closed(
  {
    id: ID,
    releaseId: ID,
    format: STRING,
    fileName: STRING_OR_NULL,
    mode: { type: 'string', enum: ['replace', 'merge'] },
    policy: { type: 'string', enum: ['fill-missing', 'override'] },
    author: STRING_OR_NULL,
    status: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    counts: COUNTS,
    conflicts: listOf(CONFLICT),
    error: STRING_OR_NULL,
    startedAt: STRING,
    finishedAt: STRING_OR_NULL,
  },
  [
    'id',
    'releaseId',
    'format',
    'fileName',
    'mode',
    'policy',
    'author',
    'status',
    'counts',
    'conflicts',
    'error',
    'startedAt',
    'finishedAt',
  ],
);

/**
 * A direct import (201) of a document above this many components leaves its vulnerability scan to a
 * rescan job recorded with the import (ADR 27): matching 10k components and storing their findings
 * takes seconds that neither the request nor the server's event loop should wait.
 */
export const SCAN_INLINE_UP_TO = 1_000;

const OUTCOME_PROPERTIES = {
  import: IMPORT_RECORD,
  counts: COUNTS,
  conflicts: listOf(CONFLICT),
  issues: listOf(ISSUE),
  scanJobId: {
    type: 'integer',
    description:
      'The rescan job that scans the release for vulnerabilities, when the document was too large to scan in the request',
  },
} as const;

export const IMPORT_OUTCOME = closed(OUTCOME_PROPERTIES, ['import', 'counts', 'conflicts', 'issues']);

const { background: _background, ...DIRECT_IMPORT_OPTIONS } = IMPORT_QUERY.properties;

/** The import addressed by names (issue 8 item 16): the options of a direct import, plus where it goes. */
export const NAMED_IMPORT_QUERY = {
  type: 'object',
  required: ['product', 'release'],
  properties: {
    product: { ...NAME, description: 'Product name' },
    release: { ...NAME, description: 'Release number' },
    create: {
      type: 'boolean',
      default: false,
      description:
        'Create the product and/or release when missing, in the import transaction (a failed import creates nothing)',
    },
    ...DIRECT_IMPORT_OPTIONS,
  },
  additionalProperties: false,
} as const;

export const NAMED_IMPORT_OUTCOME = closed(
  {
    ...OUTCOME_PROPERTIES,
    created: {
      ...closed({ product: { type: 'boolean' }, release: { type: 'boolean' } }, ['product', 'release']),
      description: 'What the import created',
    },
  },
  ['import', 'counts', 'conflicts', 'issues', 'created'],
);

const tags = ['imports'] as const;
const UPLOADS = ['application/octet-stream', 'application/json', 'application/xml', 'multipart/form-data'] as const;

export const IMPORT_ROUTES = {
  history: route({
    method: 'GET',
    path: '/api/releases/:id/imports',
    permission: 'read',
    tags,
    summary: 'Import history of a release',
    params: ID_PARAMS,
    response: { 200: listOf(IMPORT_RECORD) },
  }),
  document: route({
    method: 'GET',
    path: '/api/imports/:id/document',
    permission: 'read',
    tags,
    summary: 'The original document of an import, as an attachment',
    description:
      'Served with the media type of the SBOM format Vigie recognised in it (application/octet-stream otherwise), never the type the uploader sent.',
    params: ID_PARAMS,
    produces: [
      'application/vnd.cyclonedx+json',
      'application/vnd.cyclonedx+xml',
      'application/spdx+json',
      'text/spdx',
      'application/octet-stream',
    ],
  }),
  upload: route({
    method: 'POST',
    path: '/api/releases/:id/imports',
    permission: 'portfolio:write',
    tags,
    summary: 'Import an SBOM into a release',
    description: `Send the document as the raw body (any content type) or as the "file" part of multipart/form-data. With ?background=true the import runs as a job: 202 with the job, its progress at GET /api/jobs/{id}. Without it, a document of more than ${SCAN_INLINE_UP_TO} components is imported and validated in the request but scanned for vulnerabilities by a rescan job recorded with the import (scanJobId; the release's findings read as not scanned or stale until it ran). Bodies above the server's upload limit (\`vigie serve --upload-limit\`, 256 MiB by default) get 413 payload-too-large; 415 unsupported-format for a document Vigie cannot read, 422 unreadable-document for a broken one, 422 content-left-out for one whose reading left part of it out (unless acceptErrors=true); the release is left untouched.`,
    params: ID_PARAMS,
    querystring: IMPORT_QUERY,
    consumes: UPLOADS,
    response: { 201: IMPORT_OUTCOME, 202: JOB },
  }),
  // Creating a product or release needs portfolio:write, the permission importing needs too.
  uploadByName: route({
    method: 'POST',
    path: '/api/imports',
    permission: 'portfolio:write',
    tags,
    summary: 'Import an SBOM into a release named by product and number, optionally creating them',
    description:
      'The document as for POST /api/releases/{id}/imports. With create=true a missing product and/or release is created in the import\'s transaction (a document Vigie cannot read creates nothing); without it, 404 not-found. "created" says what was created. Runs directly (no background option).',
    querystring: NAMED_IMPORT_QUERY,
    consumes: UPLOADS,
    response: { 201: NAMED_IMPORT_OUTCOME },
  }),
} as const;

export type ImportRecord = Infer<typeof IMPORT_RECORD>;
export type ImportOutcome = Infer<typeof IMPORT_OUTCOME>;
export type NamedImportOutcome = Infer<typeof NAMED_IMPORT_OUTCOME>;
