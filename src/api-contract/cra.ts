/**
 * The CRA family (issue 12 items 2-8): a product's CRA record with its assessment and Annex I
 * matrix, the document bundle and security.txt, the evidence log, the Art. 14 case clocks and the
 * KEV/EUVD case proposals. Guests read; legal and compliance officers edit (`cra:write`).
 *
 * The envelopes the services build (the record view, case clocks, proposals, the chain verdict) are
 * declared closed, and so are evidence entries. The record itself, its assessment and the matrix rows are
 * the CRA layer's shapes (src/cra): the schema leaves them open, so they go out as the layer makes
 * them, and the derived types take the layer's.
 */
import { ANNEX_STATUSES, type AnnexEntry, type AnnexRequirement } from '../cra/record/annex-i.js';
import type { ComputedEntry } from '../cra/record/annex-i-computed.js';
import type { RecordAssessment } from '../cra/record/assess.js';
import type { CraRecord } from '../cra/record/record.js';
import type { ReportingCase } from '../model/reporting-case.js';
import {
  BOOLEAN,
  COUNT,
  ID,
  ID_PARAMS,
  NAME,
  OPEN_OBJECT,
  STRING,
  STRING_OR_NULL,
  TEXT,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { route, type BodyOf, type ResponseOf } from './route.js';

const NULLABLE_TEXT = { type: ['string', 'null'], maxLength: 65_536 } as const;
const URI_LIST = { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 2_000 } } as const;
const YES_NO_MAP = {
  type: ['object', 'null'],
  maxProperties: 20,
  additionalProperties: { type: ['boolean', 'null'] },
} as const;
const TEXT_MAP = { type: 'object', maxProperties: 100, additionalProperties: TEXT } as const;
const NULLABLE_URL = { type: ['string', 'null'], maxLength: 2_000 } as const;

/** Changes to a CRA record: maps are merged, an empty value removes a key. */
export const CRA_PATCH = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    roleAnswers: YES_NO_MAP,
    coreFunction: NULLABLE_TEXT,
    category: { type: ['string', 'null'], maxLength: 100 },
    routeFacts: { type: 'object', maxProperties: 20, additionalProperties: { type: ['boolean', 'null'] } },
    route: { type: ['string', 'null'], maxLength: 100 },
    support: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        start: { type: 'string', maxLength: 10 },
        endMonth: { type: 'string', maxLength: 7 },
        factors: TEXT_MAP,
        shortExpectedUse: NULLABLE_TEXT,
        coreComponents: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['name', 'endOfSupport'],
            additionalProperties: false,
            properties: { name: NAME, endOfSupport: { type: 'string', maxLength: 7 } },
          },
        },
      },
    },
    cvd: {
      type: 'object',
      additionalProperties: false,
      properties: {
        contacts: URI_LIST,
        policyUrl: NULLABLE_URL,
        securityTxtUrl: NULLABLE_URL,
        csafUrl: NULLABLE_URL,
        preferredLanguages: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 35 } },
      },
    },
    information: TEXT_MAP,
    steward: {
      type: 'object',
      additionalProperties: false,
      properties: { policyElements: TEXT_MAP, authorityContacts: URI_LIST },
    },
    exploitableThreshold: { type: ['string', 'null'], maxLength: 20 },
    shipRequires: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 10 } },
  },
} as const;

export const ANNEX_ENTRY_INPUT = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ANNEX_STATUSES },
    evidence: URI_LIST,
    note: NULLABLE_TEXT,
  },
} as const;

const DOCUMENTS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { release: NAME, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
} as const;

/** The record with its assessment and Annex I matrix, for one release (I.a and II.1 are computed per release). */
export const CRA_VIEW = closed(
  {
    product: closed({ id: ID, name: STRING }, ['id', 'name']),
    record: { ...OPEN_OBJECT, description: 'the stored record (src/cra/record/record.ts)' },
    updatedBy: { ...STRING_OR_NULL, description: 'null for a product without a stored record' },
    updatedAt: STRING_OR_NULL,
    assessment: { ...OPEN_OBJECT, description: 'role, scope, classification, routes, support, checklist' },
    release: {
      anyOf: [{ type: 'null' }, closed({ id: ID, number: STRING, shipStatus: STRING }, ['id', 'number', 'shipStatus'])],
      description: 'the release I.a and II.1 are computed for; null when the product has none',
    },
    requirements: {
      ...listOf(OPEN_OBJECT),
      description:
        'the Annex I matrix in Annex order; a computed requirement carries `computed` and its status follows it',
    },
  },
  ['product', 'record', 'updatedBy', 'updatedAt', 'assessment', 'release', 'requirements'],
);

/** One entry of the hash-chained evidence log (src/cra/evidence/chain.ts). */
const EVIDENCE_ENTRY = closed(
  {
    seq: { type: 'integer' },
    at: STRING,
    actor: STRING,
    kind: { ...STRING, description: '`cra-record.updated`, `documents.generated` …' },
    subject: { ...STRING, description: '`product:Gateway` …' },
    payload: { description: 'details (any JSON)' },
    prevHash: STRING,
    hash: STRING,
  },
  ['seq', 'at', 'actor', 'kind', 'subject', 'payload', 'prevHash', 'hash'],
);

const CHAIN_VERDICT = closed(
  {
    ok: BOOLEAN,
    entries: COUNT,
    head: { ...STRING, description: 'hash of the last entry' },
    broken: {
      anyOf: [{ type: 'null' }, closed({ seq: { type: 'integer' }, reason: STRING }, ['seq', 'reason'])],
      description: 'the first entry that does not hold, and why',
    },
  },
  ['ok', 'entries', 'head', 'broken'],
);

const CASE_CLOCKS = closed(
  {
    open: COUNT,
    dueSoon: COUNT,
    overdue: COUNT,
    cases: listOf(
      closed(
        {
          id: ID,
          product: STRING,
          productId: ID,
          type: STRING,
          title: STRING,
          next: {
            anyOf: [
              { type: 'null' },
              closed(
                {
                  stage: STRING,
                  state: { type: 'string', enum: ['open', 'due-soon', 'overdue', 'pending', 'submitted'] },
                  msLeft: { type: ['number', 'null'] },
                  clause: STRING,
                  due: STRING,
                },
                ['stage', 'state', 'msLeft', 'clause', 'due'],
              ),
            ],
            description: 'the earliest unsubmitted stage with a due time; null while every open stage is pending',
          },
        },
        ['id', 'product', 'productId', 'type', 'title', 'next'],
      ),
    ),
  },
  ['open', 'dueSoon', 'overdue', 'cases'],
);

const KEV_ENTRY = closed({ dateAdded: STRING, dueDate: STRING, knownRansomwareCampaignUse: BOOLEAN }, [
  'dateAdded',
  'dueDate',
  'knownRansomwareCampaignUse',
]);

/** A KEV-listed or EUVD-exploited finding in a published release, with no not_affected analysis and no case. */
const CASE_PROPOSAL = closed(
  {
    product: STRING,
    productId: ID,
    release: STRING,
    releaseId: ID,
    vulnerability: STRING,
    aliases: listOf(STRING),
    component: STRING,
    findingId: ID,
    kev: { anyOf: [{ type: 'null' }, KEV_ENTRY] },
    euvdExploited: { ...STRING_OR_NULL, description: 'the EUVD id that marks it exploited' },
    analysis: { ...STRING_OR_NULL, description: 'the triage state that applies, when any' },
    reason: STRING,
  },
  [
    'product',
    'productId',
    'release',
    'releaseId',
    'vulnerability',
    'aliases',
    'component',
    'findingId',
    'kev',
    'euvdExploited',
    'analysis',
    'reason',
  ],
);

/** A reporting case as stored (model/reporting-case.ts). */
const REPORTING_CASE = closed(
  {
    id: ID,
    productId: ID,
    type: { type: 'string', enum: ['vulnerability', 'incident'] },
    title: STRING,
    vulnerabilityId: STRING_OR_NULL,
    awareAt: STRING,
    fixAvailableAt: STRING_OR_NULL,
    earlyWarningSubmittedAt: STRING_OR_NULL,
    notificationSubmittedAt: STRING_OR_NULL,
    finalReportSubmittedAt: STRING_OR_NULL,
    memberStates: listOf(STRING),
    facts: { type: 'object', additionalProperties: STRING },
    status: { type: 'string', enum: ['open', 'closed'] },
    createdBy: STRING_OR_NULL,
    createdAt: STRING,
    updatedAt: STRING,
  },
  [
    'id',
    'productId',
    'type',
    'title',
    'vulnerabilityId',
    'awareAt',
    'fixAvailableAt',
    'earlyWarningSubmittedAt',
    'notificationSubmittedAt',
    'finalReportSubmittedAt',
    'memberStates',
    'facts',
    'status',
    'createdBy',
    'createdAt',
    'updatedAt',
  ],
);

const tags = ['cra'] as const;

export const CRA_ROUTES = {
  record: route({
    method: 'GET',
    path: '/api/products/:id/cra',
    permission: 'read',
    tags,
    summary:
      "A product's CRA record with its readiness checklist, routes, support findings and Annex I matrix; I.a and II.1 computed for ?release= (default: the newest published release, else the newest)",
    params: ID_PARAMS,
    querystring: { type: 'object', additionalProperties: false, properties: { release: NAME } },
    response: { 200: CRA_VIEW },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/products/:id/cra',
    permission: 'cra:write',
    tags,
    summary: 'Change the CRA record (maps merged, an empty value removes a key); logged as evidence',
    params: ID_PARAMS,
    body: CRA_PATCH,
    response: { 200: CRA_VIEW },
  }),
  setRequirement: route({
    method: 'PUT',
    path: '/api/products/:id/cra/annex-i/:requirement',
    permission: 'cra:write',
    tags,
    summary: 'Set one Annex I requirement: met needs evidence, not-applicable a reason; logged as evidence',
    params: {
      type: 'object',
      required: ['id', 'requirement'],
      properties: { id: ID, requirement: { type: 'string', maxLength: 10 } },
      additionalProperties: false,
    },
    body: ANNEX_ENTRY_INPUT,
    response: { 200: CRA_VIEW },
  }),
  documents: route({
    method: 'GET',
    path: '/api/products/:id/cra/documents.zip',
    permission: 'read',
    tags,
    summary:
      'The CRA document bundle as a zip (Annex VII index, Annex II, V, VI, Annex I matrix, CVD policy, security.txt, release SBOM, SHA-256 manifest)',
    params: ID_PARAMS,
    querystring: DOCUMENTS_QUERY,
    produces: ['application/zip'],
  }),
  issueDocuments: route({
    method: 'POST',
    path: '/api/products/:id/cra/documents',
    permission: 'cra:write',
    tags,
    summary: 'Issue the CRA documents: the zip, with its manifest hash recorded in the evidence log',
    params: ID_PARAMS,
    querystring: DOCUMENTS_QUERY,
    produces: ['application/zip'],
  }),
  securityTxt: route({
    method: 'GET',
    path: '/api/products/:id/cra/security.txt',
    permission: 'read',
    tags,
    summary: "The product's security.txt (RFC 9116) from its record",
    params: ID_PARAMS,
    produces: ['text/plain'],
  }),
  evidence: route({
    method: 'GET',
    path: '/api/evidence',
    permission: 'read',
    tags,
    summary: 'Evidence log entries, oldest first',
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        subject: { type: 'string', maxLength: 400 },
        afterSeq: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
        limit: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    response: { 200: listOf(EVIDENCE_ENTRY) },
  }),
  caseClocks: route({
    method: 'GET',
    path: '/api/cra/case-clocks',
    permission: 'read',
    tags,
    summary: 'Open Art. 14 cases with their next deadline and the time left, most urgent first',
    response: { 200: CASE_CLOCKS },
  }),
  caseProposals: route({
    method: 'GET',
    path: '/api/cra/case-proposals',
    permission: 'read',
    tags,
    summary:
      'KEV-listed or EUVD-exploited vulnerabilities in published releases with no not_affected analysis and no case yet (Art. 14(1) candidates)',
    querystring: { type: 'object', additionalProperties: false, properties: { productId: ID } },
    response: { 200: listOf(CASE_PROPOSAL) },
  }),
  openProposedCase: route({
    method: 'POST',
    path: '/api/cra/case-proposals/open',
    permission: 'cra:write',
    tags,
    summary: 'Open the Art. 14 case a current proposal suggests (awareness: now); logged as evidence',
    body: {
      type: 'object',
      required: ['productId', 'release', 'vulnerability'],
      additionalProperties: false,
      properties: { productId: ID, release: NAME, vulnerability: { type: 'string', minLength: 3, maxLength: 100 } },
    },
    response: { 201: REPORTING_CASE },
  }),
  verifyEvidence: route({
    method: 'GET',
    path: '/api/evidence/verify',
    permission: 'read',
    tags,
    summary: 'Recompute the evidence chain and name the first broken entry',
    response: { 200: CHAIN_VERDICT },
  }),
} as const;

type DeclaredView = Infer<typeof CRA_VIEW>;
/** One row of the Annex I matrix: the requirement, its entry, and what was computed for it. */
export type AnnexRow = AnnexRequirement & AnnexEntry & { computed?: ComputedEntry };
/** The record view, with the CRA layer's types where its schema leaves them open. */
export type CraRecordView = Omit<DeclaredView, 'record' | 'assessment' | 'requirements'> & {
  record: CraRecord;
  assessment: RecordAssessment;
  requirements: AnnexRow[];
};
export type CraRecordPatch = BodyOf<typeof CRA_ROUTES.update>;
export type AnnexEntryInput = BodyOf<typeof CRA_ROUTES.setRequirement>;
export type EvidenceVerdict = ResponseOf<typeof CRA_ROUTES.verifyEvidence>;
export type CaseClockSummary = ResponseOf<typeof CRA_ROUTES.caseClocks>;
export type CaseProposal = ResponseOf<typeof CRA_ROUTES.caseProposals>[number];
export type OpenedCase = ResponseOf<typeof CRA_ROUTES.openProposedCase>;
export type EvidenceEntry = Infer<typeof EVIDENCE_ENTRY>;
export type { AnnexEntry, AnnexRequirement, ComputedEntry, CraRecord, RecordAssessment, ReportingCase };
export type { AnnexStatus } from '../cra/record/annex-i.js';
