// The AI routes the UI calls (issue 10): a release's models and datasets with their cards and
// lineage, its use declaration, and the AI Act documents of a model. Types from the API contract (ADR 0033).
import { download, get, put } from './client.js';
import type { AiDocument, AiDocumentFormat, ReleaseAi, ReleaseUse } from '../../../src/api-contract/index.js';
import type { UseDeclaration } from '../../../src/model/use-declaration.js';

export type { AiDocument, AiDocumentFormat, ReleaseAi, ReleaseUse };

export const aiApi = {
  releaseAi: (releaseId: number) => get<ReleaseAi>(`/api/releases/${releaseId}/ai`),
  releaseUse: (releaseId: number) => get<ReleaseUse>(`/api/releases/${releaseId}/use`),
  setReleaseUse: (releaseId: number, declaration: UseDeclaration) =>
    put<ReleaseUse>(`/api/releases/${releaseId}/use`, declaration),
  downloadModelDocument: (releaseId: number, versionId: number, document: AiDocument, format: AiDocumentFormat) =>
    download(`/api/releases/${releaseId}/ai/models/${versionId}/${document}?format=${format}`, `${document}.${format}`),
};
