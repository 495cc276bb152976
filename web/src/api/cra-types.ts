// Shapes of the CRA routes, from the pure layer the server uses (the API returns them as they are).
import type { AnnexEntry, AnnexRequirement, CraRecord, RecordAssessment } from '../../../src/cra/record/index.js';
export type { AnnexEntry, AnnexRequirement, AnnexStatus, CraRecord, RecordAssessment } from '../../../src/cra/record/index.js';

export interface CraRecordView {
  product: { id: number; name: string };
  record: CraRecord;
  updatedBy: string | null;
  updatedAt: string | null;
  assessment: RecordAssessment;
  requirements: Array<AnnexRequirement & AnnexEntry>;
}

export interface EvidenceVerdict {
  ok: boolean;
  entries: number;
  head: string;
  broken: { seq: number; reason: string } | null;
}
