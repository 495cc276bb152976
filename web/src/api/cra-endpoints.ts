// The CRA routes the UI calls (issue 12 item 8).
import { download, get, patch, put, withQuery } from './client.js';
import type { CaseClockSummary, CraRecordView, EvidenceVerdict } from './cra-types.js';

export const craApi = {
  record: (productId: number) => get<CraRecordView>(`/api/products/${productId}/cra`),
  update: (productId: number, changes: Record<string, unknown>) => patch<CraRecordView>(`/api/products/${productId}/cra`, changes),
  setRequirement: (productId: number, requirement: string, entry: { status: string; evidence: string[]; note: string | null }) =>
    put<CraRecordView>(`/api/products/${productId}/cra/annex-i/${encodeURIComponent(requirement)}`, entry),
  caseClocks: () => get<CaseClockSummary>('/api/cra/case-clocks'),
  verifyEvidence: () => get<EvidenceVerdict>('/api/evidence/verify'),
  downloadDocuments: (productId: number, release?: string) =>
    download(withQuery(`/api/products/${productId}/cra/documents.zip`, { release }), 'cra-documents.zip'),
};
