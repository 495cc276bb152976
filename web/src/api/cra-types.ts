/* eslint-disable no-restricted-syntax -- hand-written API shapes of route families not yet in src/api-contract (ADR 0033); they go as those families join */
// Shapes of the CRA routes, from the pure layer the server uses (the API returns them as they are).
import type {
  AnnexEntry,
  AnnexRequirement,
  ComputedEntry,
  CraRecord,
  RecordAssessment,
} from '../../../src/cra/record/index.js';
export type {
  AnnexEntry,
  AnnexRequirement,
  AnnexStatus,
  ComputedEntry,
  CraRecord,
  RecordAssessment,
} from '../../../src/cra/record/index.js';

export interface CraRecordView {
  product: { id: number; name: string };
  record: CraRecord;
  updatedBy: string | null;
  updatedAt: string | null;
  assessment: RecordAssessment;
  /** The release I.a and II.1 are computed for (null: the product has none). */
  release: { id: number; number: string; shipStatus: string } | null;
  requirements: Array<AnnexRequirement & AnnexEntry & { computed?: ComputedEntry }>;
}

export interface EvidenceVerdict {
  ok: boolean;
  entries: number;
  head: string;
  broken: { seq: number; reason: string } | null;
}

export interface CaseClockSummary {
  open: number;
  dueSoon: number;
  overdue: number;
  cases: Array<{
    id: number;
    product: string;
    productId: number;
    type: string;
    title: string;
    next: {
      stage: string;
      state: 'open' | 'due-soon' | 'overdue' | 'pending' | 'submitted';
      msLeft: number | null;
      clause: string;
      due: string;
    } | null;
  }>;
}

/** GET /api/cra/case-proposals: a KEV-listed or EUVD-exploited finding in a published release, with no not_affected analysis and no case. */
export interface CaseProposal {
  product: string;
  productId: number;
  release: string;
  releaseId: number;
  vulnerability: string;
  aliases: string[];
  component: string;
  findingId: number;
  kev: { dateAdded: string; dueDate: string; knownRansomwareCampaignUse: boolean } | null;
  euvdExploited: string | null;
  analysis: string | null;
  reason: string;
}

/** A reporting case as the API returns it (POST /api/cra/case-proposals/open). */
export interface ReportingCaseSummary {
  id: number;
  productId: number;
  title: string;
  vulnerabilityId: string | null;
  awareAt: string;
}
