/**
 * Vulnerabilities of the portfolio's releases (issue 11 items 8-9, ADR 13): a release's stored
 * findings with the triage (VEX) that applies, a scan on request, a triage, the VEX download,
 * "which releases ship CVE-…", the dashboard counts and the difference between two releases.
 *
 * The envelope each service builds (counts, the finding row, its analysis, path and conflict) is
 * declared closed. What a finding stored from the matcher carries (its vulnerability, component
 * and match explanation) and the stored scan summary belong to the matcher (vulns/match/finding.ts):
 * the schema leaves them open, so they go out as stored, and the derived types take the matcher's.
 */
import { INPUT_LIMITS } from '../model/input-limits.js';
import type { ScanSummary, UncheckedComponent, VulnerabilityFinding } from '../vulns/match/finding.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_FORMATS,
  VEX_JUSTIFICATIONS,
  type VexAnalysis,
} from '../vulns/vex/analysis.js';
import { TRIAGE_SCOPES } from '../vulns/vex/triage.js';
import {
  BOOLEAN,
  COUNT,
  ID,
  ID_PARAMS,
  OPEN_OBJECT,
  STRING,
  STRING_OR_NULL,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { PAGE_PROPERTIES } from './paging.js';
import { route, type BodyOf, type ResponseOf } from './route.js';

/** CVE-…, GHSA-…, PYSEC-…, GO-…, RUSTSEC-…, EUVD-… */
export const VULNERABILITY_ID = {
  type: 'string',
  minLength: 3,
  maxLength: 100,
  pattern: '^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$',
} as const;

const STRINGS = listOf(STRING);
const NULLABLE_INTEGER = { type: ['integer', 'null'] } as const;

export const TRIAGE = {
  type: 'object',
  required: ['component', 'vulnerability', 'state'],
  properties: {
    component: {
      type: 'string',
      minLength: 1,
      maxLength: INPUT_LIMITS.purl,
      description: 'purl of a component of the release (a versioned purl picks the version), or its name',
    },
    vulnerability: VULNERABILITY_ID,
    state: { type: 'string', enum: ANALYSIS_STATES },
    justification: {
      type: 'string',
      enum: [...CDX_JUSTIFICATIONS, ...VEX_JUSTIFICATIONS],
      description: 'for not_affected / false_positive (CycloneDX or OpenVEX vocabulary)',
    },
    responses: {
      type: 'array',
      maxItems: ANALYSIS_RESPONSES.length,
      items: { type: 'string', enum: ANALYSIS_RESPONSES },
    },
    detail: { type: 'string', maxLength: INPUT_LIMITS.text },
    actionStatement: { type: 'string', maxLength: INPUT_LIMITS.text },
    scope: {
      type: 'string',
      enum: TRIAGE_SCOPES,
      description: 'release (default), product (every release of the product), all (every product)',
    },
    allVersions: {
      type: 'boolean',
      description: 'for every version of the component, not only the one in this release',
    },
  },
  additionalProperties: false,
} as const;

/** Findings counted: open ones by rating and KEV, every one by its VEX state (`untriaged`, `conflict` …). */
const FINDING_COUNTS = closed(
  {
    total: COUNT,
    open: COUNT,
    kevOpen: COUNT,
    byRating: closed({ critical: COUNT, high: COUNT, medium: COUNT, low: COUNT, none: COUNT, unknown: COUNT }, [
      'critical',
      'high',
      'medium',
      'low',
      'none',
      'unknown',
    ]),
    byState: { type: 'object', additionalProperties: COUNT },
  },
  ['total', 'open', 'kevOpen', 'byRating', 'byState'],
);

const ANALYSIS_HISTORY = closed({ state: STRING, justification: STRING, author: STRING, createdAt: STRING }, [
  'state',
  'author',
  'createdAt',
]);

/** The triage that applies to a finding, with the older records of the same analysis (newest first). */
const FINDING_ANALYSIS = closed(
  {
    state: STRING,
    justification: STRING,
    detail: STRING,
    responses: STRINGS,
    scope: { ...STRING, description: '"all versions of pkg:npm/x in every release of the product" …' },
    author: STRING,
    createdAt: STRING,
    origin: STRING,
    history: listOf(ANALYSIS_HISTORY),
  },
  ['state', 'responses', 'scope', 'author', 'createdAt', 'origin', 'history'],
);

const RELEASE_FINDING = closed(
  {
    id: ID,
    versionId: ID,
    vulnerability: { ...OPEN_OBJECT, description: 'id, aliases, summary, severity, KEV, EPSS, fixed versions' },
    component: { ...OPEN_OBJECT, description: 'purl, name, version, ref, and the identity key' },
    match: { ...OPEN_OBJECT, description: 'how it matched: record, range or versions, events, path' },
    analysis: { anyOf: [{ type: 'null' }, FINDING_ANALYSIS] },
    conflict: {
      anyOf: [
        { type: 'null' },
        listOf(closed({ state: STRING, scope: STRING, author: STRING }, ['state', 'scope', 'author'])),
      ],
      description: 'analyses that disagree at the same scope: none applies until one is recorded for this finding',
    },
    warnings: {
      ...STRINGS,
      description:
        "what the triage could not apply: analyses of some of the CVEs a distribution's advisory (RHSA, DSA …) lists as upstream, naming those left",
    },
    open: { ...BOOLEAN, description: 'still needs work: no analysis, in_triage or exploitable' },
    path: closed({ reachable: BOOLEAN, omitted: COUNT, length: COUNT, steps: STRINGS }, [
      'reachable',
      'omitted',
      'length',
      'steps',
    ]),
  },
  ['id', 'versionId', 'vulnerability', 'component', 'match', 'analysis', 'conflict', 'open', 'path'],
);

const SCAN = closed(
  {
    scannedAt: STRING,
    reason: STRING,
    stale: { ...BOOLEAN, description: 'the release or the vulnerability database changed since' },
    summary: OPEN_OBJECT,
    unchecked: listOf(OPEN_OBJECT),
  },
  ['scannedAt', 'reason', 'stale', 'summary', 'unchecked'],
);

export const RELEASE_VULNERABILITIES = closed(
  {
    releaseId: ID,
    scan: { anyOf: [{ type: 'null' }, SCAN] },
    counts: FINDING_COUNTS,
    findings: listOf(RELEASE_FINDING),
  },
  ['releaseId', 'scan', 'counts', 'findings'],
);

/** A recorded triage (the store's record) and the scope it holds at, in words. */
const TRIAGE_RESULT = closed(
  {
    record: closed(
      {
        id: ID,
        vulnerabilityId: STRING,
        aliases: STRINGS,
        productId: NULLABLE_INTEGER,
        releaseId: NULLABLE_INTEGER,
        component: STRING,
        version: STRING_OR_NULL,
        analysis: OPEN_OBJECT,
        author: STRING,
        createdAt: STRING,
        origin: STRING,
      },
      [
        'id',
        'vulnerabilityId',
        'aliases',
        'productId',
        'releaseId',
        'component',
        'version',
        'analysis',
        'author',
        'createdAt',
        'origin',
      ],
    ),
    scope: STRING,
  },
  ['record', 'scope'],
);

const AFFECTED = closed(
  {
    advisory: STRING,
    ids: { ...STRINGS, description: 'the alias group looked up' },
    releases: listOf(
      closed(
        {
          product: closed({ id: ID, name: STRING }, ['id', 'name']),
          release: closed({ id: ID, number: STRING, shipStatus: STRING }, ['id', 'number', 'shipStatus']),
          components: listOf(
            closed(
              {
                purl: STRING,
                name: STRING,
                version: STRING,
                vulnerability: STRING,
                fixed: STRINGS,
                state: STRING_OR_NULL,
                open: BOOLEAN,
              },
              ['purl', 'name', 'vulnerability', 'fixed', 'state', 'open'],
            ),
          ),
        },
        ['product', 'release', 'components'],
      ),
    ),
  },
  ['advisory', 'ids', 'releases'],
);

const SUMMARY = closed(
  {
    totals: FINDING_COUNTS,
    releases: listOf(
      closed(
        {
          releaseId: ID,
          productId: ID,
          productName: STRING_OR_NULL,
          releaseNumber: STRING_OR_NULL,
          scannedAt: STRING,
          counts: FINDING_COUNTS,
        },
        ['releaseId', 'productId', 'productName', 'releaseNumber', 'scannedAt', 'counts'],
      ),
    ),
  },
  ['totals', 'releases'],
);

const DIFF_ENTRY = closed(
  { vulnerability: STRING, aliases: STRINGS, rating: STRING, component: STRING, version: STRING },
  ['vulnerability', 'aliases', 'rating', 'component'],
);

const DIFF = closed(
  {
    scanned: BOOLEAN,
    introduced: listOf(DIFF_ENTRY),
    fixed: listOf(DIFF_ENTRY),
    unchanged: COUNT,
    totals: {
      ...closed({ introduced: COUNT, fixed: COUNT }, ['introduced', 'fixed']),
      description: 'How many entries each list has in all (the lists above hold one page of each)',
    },
  },
  ['scanned', 'introduced', 'fixed', 'unchanged', 'totals'],
);

const tags = ['vulnerabilities'] as const;

export const VULNERABILITY_ROUTES = {
  findings: route({
    method: 'GET',
    path: '/api/releases/:id/vulnerabilities',
    permission: 'read',
    tags,
    summary: "The release's stored findings with the triage that applies, counts, and whether the scan is stale",
    description:
      'Reads the stored scan (never re-matches); `scan.stale` is true when the release or the vulnerability database changed since.',
    params: ID_PARAMS,
    response: { 200: RELEASE_VULNERABILITIES },
  }),
  scan: route({
    method: 'POST',
    path: '/api/releases/:id/vulnerabilities/scan',
    permission: 'vulnerabilities:write',
    tags,
    summary: "Scan the release against the store's vulnerability database now and store the findings",
    params: ID_PARAMS,
    response: { 201: RELEASE_VULNERABILITIES },
  }),
  triage: route({
    method: 'POST',
    path: '/api/releases/:id/vulnerabilities/triage',
    permission: 'vulnerabilities:write',
    tags,
    summary: 'Record a triage (VEX analysis) of a vulnerability for a component of the release',
    description:
      'A new record: the previous one of the same scope stays as history. not_affected and false_positive need a justification or a detail; exploitable needs a response or an action statement.',
    params: ID_PARAMS,
    body: TRIAGE,
    response: { 201: TRIAGE_RESULT },
  }),
  vex: route({
    method: 'GET',
    path: '/api/releases/:id/vex',
    permission: 'read',
    tags,
    summary: "The release's analyses as CycloneDX VEX, OpenVEX or CSAF VEX (download)",
    params: ID_PARAMS,
    querystring: {
      type: 'object',
      properties: { format: { type: 'string', enum: VEX_FORMATS, default: 'openvex' } },
      additionalProperties: false,
    },
    produces: ['application/json'],
  }),
  affected: route({
    method: 'GET',
    path: '/api/vulnerabilities/:advisory/affected',
    permission: 'read',
    tags,
    summary:
      'Which releases ship a version affected by the advisory (any id of its alias group), from the stored findings',
    params: {
      type: 'object',
      required: ['advisory'],
      properties: { advisory: VULNERABILITY_ID },
      additionalProperties: false,
    },
    response: { 200: AFFECTED },
  }),
  summary: route({
    method: 'GET',
    path: '/api/vulnerabilities/summary',
    permission: 'read',
    tags,
    summary: 'Open findings per scanned release by rating and KEV, every finding by VEX state (dashboard)',
    response: { 200: SUMMARY },
  }),
  diff: route({
    method: 'GET',
    path: '/api/vulnerabilities/diff',
    permission: 'read',
    tags,
    summary: 'Vulnerabilities introduced and fixed from one release to another (stored scans)',
    description:
      '`limit` and `offset` apply to both lists; `totals` gives their whole counts, `X-Total-Count` and `Link` speak for the longer one.',
    querystring: {
      type: 'object',
      required: ['from', 'to'],
      properties: { from: ID, to: ID, ...PAGE_PROPERTIES },
      additionalProperties: false,
    },
    response: { 200: DIFF },
  }),
} as const;

export type Rating = keyof Infer<typeof FINDING_COUNTS>['byRating'];
export type FindingCounts = Infer<typeof FINDING_COUNTS>;
export type FindingAnalysis = Infer<typeof FINDING_ANALYSIS>;
type DeclaredFinding = Infer<typeof RELEASE_FINDING>;
/** A stored finding as the matcher made it, with the triage that applies (the contract's envelope). */
export type ReleaseFinding = Omit<DeclaredFinding, 'vulnerability' | 'component' | 'match'> &
  Pick<VulnerabilityFinding, 'vulnerability' | 'match'> & {
    component: VulnerabilityFinding['component'] & { key: string };
  };
type DeclaredReleaseVulnerabilities = ResponseOf<typeof VULNERABILITY_ROUTES.findings>;
type DeclaredScan = NonNullable<DeclaredReleaseVulnerabilities['scan']>;
export type ReleaseVulnerabilities = Omit<DeclaredReleaseVulnerabilities, 'scan' | 'findings'> & {
  scan:
    (Omit<DeclaredScan, 'summary' | 'unchecked'> & { summary: ScanSummary; unchecked: UncheckedComponent[] }) | null;
  findings: ReleaseFinding[];
};
type DeclaredTriage = ResponseOf<typeof VULNERABILITY_ROUTES.triage>;
export type TriageResult = Omit<DeclaredTriage, 'record'> & {
  record: Omit<DeclaredTriage['record'], 'analysis'> & { analysis: VexAnalysis };
};
export type TriageBody = BodyOf<typeof VULNERABILITY_ROUTES.triage>;
export type AffectedReleases = ResponseOf<typeof VULNERABILITY_ROUTES.affected>;
export type VulnerabilitySummary = ResponseOf<typeof VULNERABILITY_ROUTES.summary>;
export type VulnerabilityDiff = ResponseOf<typeof VULNERABILITY_ROUTES.diff>;
export type { VexFormat } from '../vulns/vex/analysis.js';
