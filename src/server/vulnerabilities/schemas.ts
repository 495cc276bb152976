import { INPUT_LIMITS } from '../../model/input-limits.js';
import { ID, OPEN_OBJECT } from '../http/common-schemas.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_JUSTIFICATIONS,
  VEX_FORMATS,
} from '../../vulns/vex/index.js';
import { TRIAGE_SCOPES } from '../../services/index.js';

/** CVE-…, GHSA-…, PYSEC-…, GO-…, RUSTSEC-…, EUVD-… */
export const VULNERABILITY_ID = {
  type: 'string',
  minLength: 3,
  maxLength: 100,
  pattern: '^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$',
} as const;

export const ADVISORY_PARAMS = {
  type: 'object',
  required: ['advisory'],
  properties: { advisory: VULNERABILITY_ID },
  additionalProperties: false,
} as const;

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
    state: { type: 'string', enum: [...ANALYSIS_STATES] },
    justification: {
      type: 'string',
      enum: [...CDX_JUSTIFICATIONS, ...VEX_JUSTIFICATIONS],
      description: 'for not_affected / false_positive (CycloneDX or OpenVEX vocabulary)',
    },
    responses: {
      type: 'array',
      maxItems: ANALYSIS_RESPONSES.length,
      items: { type: 'string', enum: [...ANALYSIS_RESPONSES] },
    },
    detail: { type: 'string', maxLength: INPUT_LIMITS.text },
    actionStatement: { type: 'string', maxLength: INPUT_LIMITS.text },
    scope: {
      type: 'string',
      enum: [...TRIAGE_SCOPES],
      description: 'release (default), product (every release of the product), all (every product)',
    },
    allVersions: {
      type: 'boolean',
      description: 'for every version of the component, not only the one in this release',
    },
  },
  additionalProperties: false,
} as const;

export const VEX_QUERY = {
  type: 'object',
  properties: { format: { type: 'string', enum: [...VEX_FORMATS], default: 'openvex' } },
  additionalProperties: false,
} as const;
export const DIFF_QUERY = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: ID, to: ID },
  additionalProperties: false,
} as const;

export const RELEASE_VULNERABILITIES = {
  type: 'object',
  required: ['releaseId', 'scan', 'counts', 'findings'],
  properties: {
    releaseId: { type: 'integer' },
    scan: { anyOf: [{ type: 'null' }, OPEN_OBJECT] },
    counts: OPEN_OBJECT,
    findings: { type: 'array', items: OPEN_OBJECT },
  },
} as const;
