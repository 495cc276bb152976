/* eslint-disable no-restricted-syntax -- hand-written API shapes of route families not yet in src/api-contract (ADR 0033); they go as those families join */
// Shapes of the CRA routes, from the pure layer the server uses (the API returns them as they are).
import type { AnnexEntry, AnnexRequirement, ComputedEntry, CraRecord, RecordAssessment } from '../../../src/cra/record/index.js';
export type { AnnexEntry, AnnexRequirement, AnnexStatus, ComputedEntry, CraRecord, RecordAssessment } from '../../../src/cra/record/index.js';

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
    next: { stage: string; state: 'open' | 'due-soon' | 'overdue' | 'pending' | 'submitted'; msLeft: number | null; clause: string; due: string } | null;
  }>;
}
