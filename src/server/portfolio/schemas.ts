import { INPUT_LIMITS } from '../../model/input-limits.js';
import { ID } from '../http/common-schemas.js';

export const SEARCH_QUERY = {
  type: 'object',
  required: ['component'],
  properties: {
    component: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.purl, description: 'A name or a purl (a versioned purl matches without its version)' },
    versionRange: { type: 'string', maxLength: INPUT_LIMITS.name, description: '">=2.0.0 <2.15.0", "2.14.x", "^1.2.0", "~1.2.3" or an exact version' },
    match: {
      type: 'string',
      enum: ['auto', 'exact', 'partial'],
      default: 'auto',
      description: 'exact: the displayed name (golang.org/x/net), the bare name or the key; partial: names containing the text; auto: exact, else partial',
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

export const DIFF_QUERY = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: ID, to: ID },
  additionalProperties: false,
} as const;
