// The CRA routes the UI calls (issue 12 item 8). Types from the API contract (ADR 0033).
import { download, get, patch, post, put, withQuery } from './client.js';
import type {
  AnnexEntryInput,
  CaseClockSummary,
  CaseProposal,
  CraRecordPatch,
  CraRecordView,
  EvidenceVerdict,
  OpenedCase,
} from '../../../src/api-contract/index.js';

export type {
  AnnexEntry,
  AnnexRequirement,
  AnnexRow,
  CaseClockSummary,
  CaseProposal,
  ComputedEntry,
  CraRecordPatch,
  CraRecordView,
  EvidenceVerdict,
} from '../../../src/api-contract/index.js';

export const craApi = {
  record: (productId: number) => get<CraRecordView>(`/api/products/${productId}/cra`),
  update: (productId: number, changes: CraRecordPatch) =>
    patch<CraRecordView>(`/api/products/${productId}/cra`, changes),
  setRequirement: (productId: number, requirement: string, entry: AnnexEntryInput) =>
    put<CraRecordView>(`/api/products/${productId}/cra/annex-i/${encodeURIComponent(requirement)}`, entry),
  caseClocks: () => get<CaseClockSummary>('/api/cra/case-clocks'),
  caseProposals: (productId: number) => get<CaseProposal[]>('/api/cra/case-proposals', { productId }),
  openProposedCase: (p: Pick<CaseProposal, 'productId' | 'release' | 'vulnerability'>) =>
    post<OpenedCase>('/api/cra/case-proposals/open', {
      productId: p.productId,
      release: p.release,
      vulnerability: p.vulnerability,
    }),
  verifyEvidence: () => get<EvidenceVerdict>('/api/evidence/verify'),
  downloadDocuments: (productId: number, release?: string) =>
    download(withQuery(`/api/products/${productId}/cra/documents.zip`, { release }), 'cra-documents.zip'),
};
