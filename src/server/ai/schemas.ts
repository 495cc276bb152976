import { FIELD_OF_USE_NAMES } from '../../model/use-declaration.js';
import { AI_DOCUMENT_FORMATS, AI_DOCUMENTS } from '../../services/index.js';
import { ID } from '../http/common-schemas.js';

const NULLABLE_BOOL = { type: ['boolean', 'null'] } as const;
const FIELD_OF_USE = { type: 'string', enum: FIELD_OF_USE_NAMES } as const;

export const USE_DECLARATION = {
  type: 'object',
  required: ['commercial', 'fieldsOfUse', 'monthlyActiveUsers', 'outputsTrainOtherModels', 'licenseeInEu'],
  properties: {
    commercial: { ...NULLABLE_BOOL, description: 'Sold or used for commercial advantage; null = not declared' },
    fieldsOfUse: {
      type: ['array', 'null'],
      items: FIELD_OF_USE,
      maxItems: 20,
      description: 'Sensitive fields of use served; [] = none; null = not declared',
    },
    monthlyActiveUsers: {
      type: ['integer', 'null'],
      minimum: 0,
      description: "Monthly active users of the licensee's products; null = not declared",
    },
    outputsTrainOtherModels: NULLABLE_BOOL,
    licenseeInEu: NULLABLE_BOOL,
  },
  additionalProperties: false,
} as const;

export const USE_DECLARATION_INPUT = { ...USE_DECLARATION, required: [] } as const;

export const RELEASE_USE = {
  type: 'object',
  required: ['releaseId', 'declaration', 'updatedAt', 'updatedBy', 'fieldsOfUse'],
  properties: {
    releaseId: ID,
    declaration: USE_DECLARATION,
    updatedAt: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'] },
    fieldsOfUse: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'description'],
        properties: { id: FIELD_OF_USE, description: { type: 'string' } },
      },
    },
  },
} as const;

const AI_COMPONENT = {
  versionId: ID,
  usageIds: { type: 'array', items: ID },
  component: { type: 'string' },
  purl: { type: ['string', 'null'] },
  license: { type: ['string', 'null'] },
} as const;

/** Cards and facts are the model's shapes (src/model/ai.ts), passed through as stored. */
const OPEN_OBJECT = { type: ['object', 'null'], additionalProperties: true } as const;

export const RELEASE_AI = {
  type: 'object',
  required: ['releaseId', 'models', 'datasets', 'lineage'],
  properties: {
    releaseId: ID,
    models: {
      type: 'array',
      items: {
        type: 'object',
        required: ['versionId', 'component', 'card'],
        properties: { ...AI_COMPONENT, card: OPEN_OBJECT },
      },
    },
    datasets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['versionId', 'component', 'facts'],
        properties: { ...AI_COMPONENT, facts: OPEN_OBJECT },
      },
    },
    lineage: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'kind', 'to'],
        properties: { from: { type: ['string', 'null'] }, kind: { type: 'string' }, to: { type: 'string' } },
      },
    },
  },
} as const;

export const AI_DOCUMENT_PARAMS = {
  type: 'object',
  required: ['id', 'versionId', 'document'],
  properties: { id: ID, versionId: ID, document: { type: 'string', enum: [...AI_DOCUMENTS] } },
  additionalProperties: false,
} as const;

export const AI_DOCUMENT_QUERY = {
  type: 'object',
  properties: { format: { type: 'string', enum: [...AI_DOCUMENT_FORMATS], default: 'md' } },
  additionalProperties: false,
} as const;
