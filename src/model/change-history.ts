/**
 * The history of what people changed (issue 8 item 18): every decision recorded or removed, every
 * licence policy edit and every release sign-off step, with who, when, why, and the state before
 * and after. Append-only: an entry is never edited nor deleted.
 */
export type ChangeSubject = 'decision' | 'policy' | 'release';
export type ChangeAction = 'created' | 'deleted' | 'updated' | 'approved' | 'shipped';

export interface ChangeRecord {
  id: number;
  /** ISO 8601. */
  at: string;
  actor: string;
  subject: ChangeSubject;
  /** Decision id, licence id or release id, as text. */
  subjectId: string;
  action: ChangeAction;
  /** The release concerned, when there is one (sign-off steps, release-scoped decisions). */
  releaseId: number | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export type NewChangeRecord = Omit<ChangeRecord, 'id'>;
