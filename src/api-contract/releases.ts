/** Releases and their BOM (usages), under /api/releases and /api/products/:id/releases. */
import {
  DELETED,
  ID,
  ID_PARAMS,
  NAME,
  NULLABLE_LINKING,
  NULLABLE_MODIFICATION,
  NULLABLE_STRING,
  STRING,
  STRING_LIST,
  STRING_OR_NULL,
  TEXT,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { BOM_ROW, EDITED_USAGE, RELEASE, SHIP_STATUS } from './records.js';
import { route } from './route.js';

const FIELDS = {
  number: NAME,
  shipStatus: SHIP_STATUS,
  commit: NULLABLE_STRING,
  outboundLicenses: STRING_LIST,
} as const;

export const NEW_RELEASE = {
  type: 'object',
  required: ['number'],
  properties: FIELDS,
  additionalProperties: false,
} as const;
export const RELEASE_PATCH = {
  type: 'object',
  properties: FIELDS,
  additionalProperties: false,
  minProperties: 1,
} as const;

export const RELEASE_LIST_QUERY = {
  type: 'object',
  properties: { productId: { ...ID, description: 'Only the releases of this product' } },
  additionalProperties: false,
} as const;

/** A release someone consulted (the dashboard's "consulted last"). */
export const RECENT_VIEW = closed({ release: RELEASE, viewedAt: STRING, viewedBy: STRING_OR_NULL }, [
  'release',
  'viewedAt',
  'viewedBy',
]);

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

const PATH_STEP = closed(
  { versionId: ID, componentId: ID, name: STRING, namespace: STRING_OR_NULL, version: STRING, purl: STRING_OR_NULL },
  ['versionId', 'componentId', 'name', 'namespace', 'version', 'purl'],
);

export const DEPENDENCY_PATH = closed(
  {
    usageId: ID,
    versionId: ID,
    reachable: { type: 'boolean' },
    project: STRING_OR_NULL,
    steps: { type: 'array', items: PATH_STEP },
    omitted: { type: 'integer', minimum: 0 },
    length: { type: 'integer', minimum: 0 },
  },
  ['usageId', 'versionId', 'reachable', 'project', 'steps', 'omitted', 'length'],
);

/** PATCH /releases/:id/usages/:usageId: what a person records about a usage; null = not recorded. */
export const USAGE_EDIT = {
  type: 'object',
  minProperties: 1,
  properties: {
    linking: NULLABLE_LINKING,
    modification: NULLABLE_MODIFICATION,
    status: { type: 'string', enum: ['auto', 'validated', 'ignored'] },
    description: { anyOf: [{ ...TEXT }, { type: 'null' }] },
  },
  additionalProperties: false,
} as const;

const tags = ['releases'] as const;

export const RELEASE_ROUTES = {
  list: route({
    method: 'GET',
    path: '/api/releases',
    permission: 'read',
    tags,
    summary: 'List releases',
    querystring: RELEASE_LIST_QUERY,
    response: { 200: listOf(RELEASE) },
  }),
  recent: route({
    method: 'GET',
    path: '/api/releases/recent',
    permission: 'read',
    tags,
    summary: 'Releases consulted last, newest first',
    response: { 200: listOf(RECENT_VIEW) },
  }),
  usages: route({
    method: 'GET',
    path: '/api/releases/:id/usages',
    permission: 'read',
    tags,
    summary:
      'The BOM of a release: each usage with its version and component, and the licence the newest validation run settled',
    params: ID_PARAMS,
    response: { 200: listOf(BOM_ROW) },
  }),
  dependencyPath: route({
    method: 'GET',
    path: '/api/releases/:id/usages/:usageId/dependency-path',
    permission: 'read',
    tags,
    summary: 'Shortest path from the primary component to a usage (which top-level dependency brings it), bounded',
    params: USAGE_PARAMS,
    querystring: PATH_QUERY,
    response: { 200: DEPENDENCY_PATH },
  }),
  editUsage: route({
    method: 'PATCH',
    path: '/api/releases/:id/usages/:usageId',
    permission: 'portfolio:write',
    tags,
    summary:
      'Record how a usage is linked, whether it was modified, its status and description (records a validation run)',
    params: USAGE_PARAMS,
    body: USAGE_EDIT,
    response: { 200: EDITED_USAGE },
  }),
  ofProduct: route({
    method: 'GET',
    path: '/api/products/:id/releases',
    permission: 'read',
    tags,
    summary: 'Releases of a product',
    params: ID_PARAMS,
    response: { 200: listOf(RELEASE) },
  }),
  create: route({
    method: 'POST',
    path: '/api/products/:id/releases',
    permission: 'portfolio:write',
    tags,
    summary: 'Create a release of a product',
    params: ID_PARAMS,
    body: NEW_RELEASE,
    response: { 201: RELEASE },
  }),
  get: route({
    method: 'GET',
    path: '/api/releases/:id',
    permission: 'read',
    tags,
    summary: 'One release',
    params: ID_PARAMS,
    response: { 200: RELEASE },
  }),
  // Any reader may say they consulted a release: it only feeds their dashboard's recent list.
  view: route({
    method: 'POST',
    path: '/api/releases/:id/views',
    permission: 'read',
    tags,
    summary: 'Record that the caller consulted the release (dashboard: consulted last)',
    params: ID_PARAMS,
    response: { 201: RELEASE },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/releases/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Update a release',
    params: ID_PARAMS,
    body: RELEASE_PATCH,
    response: { 200: RELEASE },
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/releases/:id',
    permission: 'portfolio:write',
    tags,
    summary: 'Delete a release with its usages, rules and imports',
    params: ID_PARAMS,
    response: { 200: DELETED },
  }),
} as const;

export type RecentView = Infer<typeof RECENT_VIEW>;
export type DependencyPath = Infer<typeof DEPENDENCY_PATH>;
export type UsageEdit = Infer<typeof USAGE_EDIT>;
export type NewRelease = Infer<typeof NEW_RELEASE>;
export type ReleasePatch = Infer<typeof RELEASE_PATCH>;
