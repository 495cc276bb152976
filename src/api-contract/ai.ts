/**
 * AI models and datasets of a release (issue 10): their cards, facts and lineage, the release's use
 * declaration that licence use restrictions are checked against (ADR 17, ADR 31), and the AI Act
 * documents of a model as downloads.
 */
import { AI_DOCUMENT_FORMATS, AI_DOCUMENTS } from '../ai/documents.js';
import type { DatasetFacts, LineageKind, ModelCard } from '../model/ai.js';
import { FIELD_OF_USE_NAMES } from '../model/use-declaration.js';
import { ID, ID_PARAMS, NULLABLE_BOOLEAN, STRING, STRING_OR_NULL, type Infer } from './json-schema.js';
import { route, type ResponseOf } from './route.js';

const FIELD_OF_USE = { type: 'string', enum: FIELD_OF_USE_NAMES } as const;

export const USE_DECLARATION = {
  type: 'object',
  required: ['commercial', 'fieldsOfUse', 'monthlyActiveUsers', 'outputsTrainOtherModels', 'licenseeInEu'],
  properties: {
    commercial: { ...NULLABLE_BOOLEAN, description: 'Sold or used for commercial advantage; null = not declared' },
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
    outputsTrainOtherModels: NULLABLE_BOOLEAN,
    licenseeInEu: NULLABLE_BOOLEAN,
  },
  additionalProperties: false,
} as const;

/** A replacement declaration: a field left out is not declared. */
export const USE_DECLARATION_INPUT = { ...USE_DECLARATION, required: [] } as const;

export const RELEASE_USE = {
  type: 'object',
  required: ['releaseId', 'declaration', 'updatedAt', 'updatedBy', 'fieldsOfUse'],
  properties: {
    releaseId: ID,
    declaration: USE_DECLARATION,
    updatedAt: STRING_OR_NULL,
    updatedBy: STRING_OR_NULL,
    fieldsOfUse: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'description'],
        properties: { id: FIELD_OF_USE, description: STRING },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const AI_COMPONENT = {
  versionId: ID,
  usageIds: { type: 'array', items: ID },
  component: STRING,
  purl: STRING_OR_NULL,
  license: STRING_OR_NULL,
} as const;

/** Cards and facts are the model's shapes (src/model/ai.ts), passed through as stored. */
const STORED_SHAPE = { type: ['object', 'null'], additionalProperties: true } as const;

export const RELEASE_AI = {
  type: 'object',
  required: ['releaseId', 'models', 'datasets', 'lineage'],
  properties: {
    releaseId: ID,
    models: {
      type: 'array',
      items: {
        type: 'object',
        required: ['versionId', 'usageIds', 'component', 'purl', 'license', 'card'],
        properties: { ...AI_COMPONENT, card: STORED_SHAPE },
        additionalProperties: false,
      },
    },
    datasets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['versionId', 'usageIds', 'component', 'purl', 'license', 'facts'],
        properties: { ...AI_COMPONENT, facts: STORED_SHAPE },
        additionalProperties: false,
      },
    },
    lineage: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'kind', 'to'],
        properties: { from: STRING_OR_NULL, kind: STRING, to: STRING },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const tags = ['ai'] as const;

export const AI_ROUTES = {
  getUse: route({
    method: 'GET',
    path: '/api/releases/:id/use',
    permission: 'read',
    tags,
    summary: "How the release's product is used (for licence use restrictions)",
    params: ID_PARAMS,
    response: { 200: RELEASE_USE },
  }),
  setUse: route({
    method: 'PUT',
    path: '/api/releases/:id/use',
    // A legal reading of the licences' use clauses, like a derogation: legal and compliance officers (ADR 31).
    permission: 'decisions:write',
    tags,
    summary: "Replace the release's use declaration (a field left out is not declared); records a validation run",
    params: ID_PARAMS,
    body: USE_DECLARATION_INPUT,
    response: { 200: RELEASE_USE },
  }),
  releaseAi: route({
    method: 'GET',
    path: '/api/releases/:id/ai',
    permission: 'read',
    tags,
    summary: "The release's models (with their cards) and datasets (with their facts), and the lineage between them",
    params: ID_PARAMS,
    response: { 200: RELEASE_AI },
  }),
  modelDocument: route({
    method: 'GET',
    path: '/api/releases/:id/ai/models/:versionId/:document',
    permission: 'read',
    tags,
    summary:
      "An AI Act document of one of the release's models, as an attachment: the public summary of training content (Art. 53(1)(d)) or the information for downstream providers (Annex XII)",
    params: {
      type: 'object',
      required: ['id', 'versionId', 'document'],
      properties: { id: ID, versionId: ID, document: { type: 'string', enum: AI_DOCUMENTS } },
      additionalProperties: false,
    },
    querystring: {
      type: 'object',
      properties: { format: { type: 'string', enum: AI_DOCUMENT_FORMATS, default: 'md' } },
      additionalProperties: false,
    },
    produces: ['text/markdown', 'application/json'],
  }),
} as const;

export type ReleaseUse = Infer<typeof RELEASE_USE>;
type DeclaredReleaseAi = ResponseOf<typeof AI_ROUTES.releaseAi>;
type DeclaredModel = DeclaredReleaseAi['models'][number];
type DeclaredDataset = DeclaredReleaseAi['datasets'][number];
/** The release's AI view, with the stored card and facts typed by the model they are kept as. */
export type ReleaseAi = Omit<DeclaredReleaseAi, 'models' | 'datasets' | 'lineage'> & {
  models: (Omit<DeclaredModel, 'card'> & { card: ModelCard | null })[];
  datasets: (Omit<DeclaredDataset, 'facts'> & { facts: DatasetFacts | null })[];
  lineage: { from: string | null; kind: LineageKind; to: string }[];
};

export type { AiDocument, AiDocumentFormat } from '../ai/documents.js';
