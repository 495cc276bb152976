/** The change history part of the Store (see history-repo.ts, migration 0016). */
import type { ChangeRecord, ChangeSubject, NewChangeRecord } from '../model/change-history.js';

export interface ChangeFilter {
  subject?: ChangeSubject;
  subjectId?: string;
  releaseId?: number;
  limit?: number;
}

export interface HistoryStore {
  appendChange(record: NewChangeRecord): Promise<ChangeRecord>;
  /** Newest first. */
  listChanges(filter?: ChangeFilter): Promise<ChangeRecord[]>;
}
