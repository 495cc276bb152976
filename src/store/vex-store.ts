/** The triage-memory part of the Store (see vex-repo.ts). */
import type { TriageRecord } from '../vulns/vex/triage.js';

export type NewTriageRecord = Omit<TriageRecord, 'id'>;

export interface TriageFilter {
  components?: string[];
  productId?: number;
}

export interface VexStore {
  addTriageRecords(records: NewTriageRecord[]): Promise<TriageRecord[]>;
  /** Records (history included) for the given components, optionally only those a product can see. */
  listTriageRecords(filter: TriageFilter): Promise<TriageRecord[]>;
}
