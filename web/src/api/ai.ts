/* eslint-disable no-restricted-syntax -- hand-written API shapes of route families not yet in src/api-contract (ADR 0033); they go as those families join */
// The AI routes the UI calls (issue 10): a release's models and datasets with their cards and
// lineage, and its use declaration.
import { download, get, put } from './client.js';
import type { DatasetFacts, LineageKind, ModelCard } from '../../../src/model/ai.js';
import type { UseDeclaration } from '../../../src/model/use-declaration.js';

export interface AiComponent {
  versionId: number;
  usageIds: number[];
  component: string;
  purl: string | null;
  license: string | null;
}

export interface ReleaseAi {
  releaseId: number;
  models: (AiComponent & { card: ModelCard | null })[];
  datasets: (AiComponent & { facts: DatasetFacts | null })[];
  lineage: { from: string | null; kind: LineageKind; to: string }[];
}

export interface ReleaseUse {
  releaseId: number;
  declaration: UseDeclaration;
  updatedAt: string | null;
  updatedBy: string | null;
  fieldsOfUse: { id: string; description: string }[];
}

/** The AI Act documents of a model (GET /api/releases/:id/ai/models/:versionId/:document). */
export type AiDocument = 'training-summary' | 'annex-xii';
export type AiDocumentFormat = 'md' | 'json';

export const aiApi = {
  releaseAi: (releaseId: number) => get<ReleaseAi>(`/api/releases/${releaseId}/ai`),
  releaseUse: (releaseId: number) => get<ReleaseUse>(`/api/releases/${releaseId}/use`),
  setReleaseUse: (releaseId: number, declaration: UseDeclaration) =>
    put<ReleaseUse>(`/api/releases/${releaseId}/use`, declaration),
  downloadModelDocument: (releaseId: number, versionId: number, document: AiDocument, format: AiDocumentFormat) =>
    download(`/api/releases/${releaseId}/ai/models/${versionId}/${document}?format=${format}`, `${document}.${format}`),
};
