/** Portfolio-wide reads: queries, the dashboard, where a component or licence is used, the overview. */
import { INPUT_LIMITS } from '../model/input-limits.js';
import { COUNT, ID, NAME, STRING, STRING_LIST, STRING_OR_NULL, closed, listOf, type Infer } from './json-schema.js';
import { COMPONENT, RELEASE, VERSION } from './records.js';
import { CURATION, DEROGATION, LICENSE_CHOICE } from './decisions.js';
import { route } from './route.js';
import { PAGE_PROPERTIES } from './paging.js';

export const SEARCH_QUERY = {
  type: 'object',
  required: ['component'],
  properties: {
    component: {
      type: 'string',
      minLength: 1,
      maxLength: INPUT_LIMITS.purl,
      description: 'A name or a purl (a versioned purl matches without its version)',
    },
    versionRange: {
      type: 'string',
      maxLength: INPUT_LIMITS.name,
      description: '">=2.0.0 <2.15.0", "2.14.x", "^1.2.0", "~1.2.3" or an exact version',
    },
    match: {
      type: 'string',
      enum: ['auto', 'exact', 'partial'],
      default: 'auto',
      description:
        'exact: the displayed name (golang.org/x/net), the bare name or the key; partial: names containing the text; auto: exact, else partial',
    },
  },
  additionalProperties: false,
} as const;

export const LIMIT_QUERY = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 20 } },
  additionalProperties: false,
} as const;

export const DISTRIBUTION_QUERY = {
  type: 'object',
  properties: {
    role: { type: 'string', enum: ['declared', 'concluded', 'chosen'], default: 'chosen' },
    releaseId: { ...ID, description: 'Only this release' },
  },
  additionalProperties: false,
} as const;

/** The diff's four lists are paged together: `limit` and `offset` apply to each of them. */
export const DIFF_QUERY = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: ID, to: ID, ...PAGE_PROPERTIES },
  additionalProperties: false,
} as const;

const PROJECT_SCOPE = closed({ project: STRING, scope: STRING }, ['project', 'scope']);

/** A release that ships the component, with the name people read and how the search matched it. */
export const RELEASE_HIT = closed(
  {
    release: RELEASE,
    productName: STRING,
    component: COMPONENT,
    version: VERSION,
    usages: listOf(PROJECT_SCOPE),
    displayName: STRING,
    match: { type: 'string', enum: ['exact', 'partial'] },
  },
  ['release', 'productName', 'component', 'version', 'usages', 'displayName', 'match'],
);

export const COMPONENT_USAGE_COUNT = closed({ component: COMPONENT, releases: COUNT, usages: COUNT }, [
  'component',
  'releases',
  'usages',
]);

/** Usages under one licence (null: usages without one). */
export const LICENSE_COUNT = closed({ license: STRING_OR_NULL, usages: COUNT }, ['license', 'usages']);

const DIFFED_USAGE = closed(
  { component: STRING, version: STRING, project: STRING, scope: STRING, chosenLicense: STRING_OR_NULL },
  ['component', 'version', 'project', 'scope', 'chosenLicense'],
);

export const RELEASE_DIFF = closed(
  {
    added: listOf(DIFFED_USAGE),
    removed: listOf(DIFFED_USAGE),
    versionChanged: listOf(
      closed({ component: STRING, project: STRING, scope: STRING, from: STRING, to: STRING }, [
        'component',
        'project',
        'scope',
        'from',
        'to',
      ]),
    ),
    choiceChanged: listOf(
      closed(
        {
          component: STRING,
          version: STRING,
          project: STRING,
          scope: STRING,
          from: STRING_OR_NULL,
          to: STRING_OR_NULL,
        },
        ['component', 'version', 'project', 'scope', 'from', 'to'],
      ),
    ),
    totals: {
      ...closed({ added: COUNT, removed: COUNT, versionChanged: COUNT, choiceChanged: COUNT }, [
        'added',
        'removed',
        'versionChanged',
        'choiceChanged',
      ]),
      description: 'How many entries each list has in all (the lists above hold one page of each)',
    },
  },
  ['added', 'removed', 'versionChanged', 'choiceChanged', 'totals'],
);

const OPEN_ACTION = closed(
  { name: STRING, core: { type: 'boolean' }, category: STRING_OR_NULL, usages: COUNT, licenses: STRING_LIST },
  ['name', 'core', 'category', 'usages', 'licenses'],
);

export const DASHBOARD = closed(
  {
    counts: closed({ categories: COUNT, products: COUNT, releases: COUNT, decisions: COUNT }, [
      'categories',
      'products',
      'releases',
      'decisions',
    ]),
    recentReleases: listOf(
      closed({ release: RELEASE, productName: STRING_OR_NULL, viewedAt: STRING, viewedBy: STRING_OR_NULL }, [
        'release',
        'productName',
        'viewedAt',
        'viewedBy',
      ]),
    ),
    licenses: listOf(LICENSE_COUNT),
    policies: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'How many licences have each policy status',
    },
    openObligations: {
      ...listOf(
        closed({ release: RELEASE, productName: STRING_OR_NULL, actions: listOf(OPEN_ACTION) }, [
          'release',
          'productName',
          'actions',
        ]),
      ),
      description:
        'Compliance actions triggered in releases past the policy step (step 5), newest release first, for a bounded number of releases',
    },
  },
  ['counts', 'recentReleases', 'licenses', 'policies', 'openObligations'],
);

export const COMPONENT_QUERY = {
  type: 'object',
  required: ['component'],
  properties: {
    component: {
      type: 'string',
      minLength: 1,
      maxLength: INPUT_LIMITS.purl,
      description: 'A purl (any version or qualifiers) or the name the UI shows (golang.org/x/net)',
    },
  },
  additionalProperties: false,
} as const;

const LICENSE_NAME_PARAMS = {
  type: 'object',
  required: ['license'],
  properties: { license: NAME },
  additionalProperties: false,
} as const;

const COMPONENT_USAGE_ROW = closed(
  {
    usageId: ID,
    project: STRING,
    scope: STRING,
    linking: STRING_OR_NULL,
    modified: { type: ['boolean', 'null'] },
    effective: {
      ...STRING_OR_NULL,
      description: 'The effective licence after decisions (newest run), or null when not settled',
    },
  },
  ['usageId', 'project', 'scope', 'linking', 'modified', 'effective'],
);

/** Where a component is used across the portfolio, and the decisions that touch it. */
export const COMPONENT_USAGE = closed(
  {
    key: STRING,
    name: STRING,
    component: { anyOf: [COMPONENT, { type: 'null' }] },
    releases: listOf(
      closed({ release: RELEASE, productName: STRING, version: VERSION, usages: listOf(COMPONENT_USAGE_ROW) }, [
        'release',
        'productName',
        'version',
        'usages',
      ]),
    ),
    decisions: listOf({ anyOf: [CURATION, LICENSE_CHOICE, DEROGATION] }),
  },
  ['key', 'name', 'component', 'releases', 'decisions'],
);

export const LICENSE_RELEASE_USE = closed({ release: RELEASE, productName: STRING, usages: COUNT }, [
  'release',
  'productName',
  'usages',
]);

const BLOCKER_KIND_COUNT = closed({ step: { type: 'integer' }, kind: STRING, count: COUNT }, ['step', 'kind', 'count']);
const TREND_POINT = closed({ at: STRING, reason: STRING, validationStep: { type: 'integer' }, blockerCount: COUNT }, [
  'at',
  'reason',
  'validationStep',
  'blockerCount',
]);

export const RELEASE_OVERVIEW = closed(
  {
    release: RELEASE,
    productName: STRING,
    validationStep: { type: 'integer' },
    blockerCount: COUNT,
    blockers: listOf(BLOCKER_KIND_COUNT),
    trend: listOf(TREND_POINT),
  },
  ['release', 'productName', 'validationStep', 'blockerCount', 'blockers', 'trend'],
);

const tags = ['portfolio'] as const;

export const PORTFOLIO_ROUTES = {
  releasesContaining: route({
    method: 'GET',
    path: '/api/queries/releases-containing',
    permission: 'read',
    tags,
    summary: 'Which releases ship this component?',
    querystring: SEARCH_QUERY,
    response: { 200: listOf(RELEASE_HIT) },
  }),
  topComponents: route({
    method: 'GET',
    path: '/api/queries/top-components',
    permission: 'read',
    tags,
    summary: 'Most used components',
    querystring: LIMIT_QUERY,
    response: { 200: listOf(COMPONENT_USAGE_COUNT) },
  }),
  licenseDistribution: route({
    method: 'GET',
    path: '/api/queries/license-distribution',
    permission: 'read',
    tags,
    summary: 'Usages per licence',
    querystring: DISTRIBUTION_QUERY,
    response: { 200: listOf(LICENSE_COUNT) },
  }),
  diff: route({
    method: 'GET',
    path: '/api/queries/diff',
    permission: 'read',
    tags,
    summary: 'Components and licence choices that changed between two releases',
    querystring: DIFF_QUERY,
    response: { 200: RELEASE_DIFF },
  }),
  dashboard: route({
    method: 'GET',
    path: '/api/dashboard',
    permission: 'read',
    tags: ['dashboard'],
    summary: 'Counts, recently consulted releases, licence and policy status, open obligations',
    response: { 200: DASHBOARD },
  }),
  componentUsage: route({
    method: 'GET',
    path: '/api/components/usage',
    permission: 'read',
    tags,
    summary:
      'Where a component is used: releases, projects and scopes, effective licences, and the decisions that touch it',
    querystring: COMPONENT_QUERY,
    response: { 200: COMPONENT_USAGE },
  }),
  licenseReleases: route({
    method: 'GET',
    path: '/api/licenses/:license/releases',
    permission: 'read',
    tags: ['licenses'],
    summary: 'Releases with usages under this licence once decisions apply (newest validation run of each)',
    params: LICENSE_NAME_PARAMS,
    response: { 200: listOf(LICENSE_RELEASE_USE) },
  }),
  overview: route({
    method: 'GET',
    path: '/api/portfolio/overview',
    permission: 'read',
    tags,
    summary: 'Per release: step reached, open blockers by kind, and the trend over its stored validation runs',
    response: { 200: listOf(RELEASE_OVERVIEW) },
  }),
} as const;

export type ReleaseHit = Infer<typeof RELEASE_HIT>;
export type LicenseCount = Infer<typeof LICENSE_COUNT>;
export type ReleaseDiff = Infer<typeof RELEASE_DIFF>;
export type DashboardSummary = Infer<typeof DASHBOARD>;
export type ComponentUsage = Infer<typeof COMPONENT_USAGE>;
export type LicenseReleaseUse = Infer<typeof LICENSE_RELEASE_USE>;
export type PortfolioRelease = Infer<typeof RELEASE_OVERVIEW>;
