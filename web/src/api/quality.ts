// The SBOM quality of a release (issue 12 item 1). Types from the API contract (ADR 0033).
import { get } from './client.js';
import type { ReleaseQuality } from '../../../src/api-contract/index.js';

export type { ReleaseQuality };

export const qualityApi = {
  release: (releaseId: number) => get<ReleaseQuality>(`/api/releases/${releaseId}/quality`),
};
