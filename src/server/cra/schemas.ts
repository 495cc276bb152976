/** Request schemas of the CRA routes; lengths from model/input-limits.ts, lists bounded. */
import { ID, NAME, OPEN_OBJECT, TEXT } from '../http/common-schemas.js';
import { ANNEX_STATUSES } from '../../cra/record/index.js';

const NULLABLE_TEXT = { type: ['string', 'null'], maxLength: 65_536 } as const;
const URI_LIST = { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 2_000 } } as const;
const YES_NO_MAP = {
  type: ['object', 'null'],
  maxProperties: 20,
  additionalProperties: { type: ['boolean', 'null'] },
} as const;
const TEXT_MAP = { type: 'object', maxProperties: 100, additionalProperties: TEXT } as const;

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
        policyUrl: { type: ['string', 'null'], maxLength: 2_000 },
        securityTxtUrl: { type: ['string', 'null'], maxLength: 2_000 },
        csafUrl: { type: ['string', 'null'], maxLength: 2_000 },
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

export const CRA_VIEW_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { release: NAME },
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

export const ANNEX_PARAMS = {
  type: 'object',
  required: ['id', 'requirement'],
  properties: { id: ID, requirement: { type: 'string', maxLength: 10 } },
  additionalProperties: false,
} as const;

export const EVIDENCE_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    subject: { type: 'string', maxLength: 400 },
    afterSeq: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;

export const CRA_VIEW = OPEN_OBJECT;

export const DOCUMENTS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { release: NAME, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
} as const;

export const PROPOSALS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { productId: ID },
} as const;

export const OPEN_PROPOSAL = {
  type: 'object',
  required: ['productId', 'release', 'vulnerability'],
  additionalProperties: false,
  properties: { productId: ID, release: NAME, vulnerability: { type: 'string', minLength: 3, maxLength: 100 } },
} as const;
