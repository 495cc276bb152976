/** Row type of the change_history table (migration 0016); before/after are JSON text. */
import type { Generated } from 'kysely';

export interface HistoryTables {
  change_history: {
    id: Generated<number>;
    at: string;
    actor: string;
    subject: string;
    subject_id: string;
    action: string;
    release_id: number | null;
    reason: string | null;
    before_json: string | null;
    after_json: string | null;
  };
}
