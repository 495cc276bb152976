import { INPUT_LIMITS } from '../../model/input-limits.js';
import { NAME } from '../http/common-schemas.js';

export const COMPONENT_QUERY = {
  type: 'object',
  required: ['component'],
  properties: {
    component: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.purl, description: 'A purl (any version or qualifiers) or the name the UI shows (golang.org/x/net)' },
  },
  additionalProperties: false,
} as const;

export const LICENSE_PARAMS = {
  type: 'object',
  required: ['license'],
  properties: { license: NAME },
  additionalProperties: false,
} as const;
