// The AI routes the UI calls (issue 10): a release's models and datasets with their cards and
// lineage, and its use declaration.
import { get } from './client.js';
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

export const aiApi = {
  releaseAi: (releaseId: number) => get<ReleaseAi>(`/api/releases/${releaseId}/ai`),
  releaseUse: (releaseId: number) => get<ReleaseUse>(`/api/releases/${releaseId}/use`),
};
