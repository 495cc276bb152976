/** Row type of the jobs table (migration 0013); JSON values are text, times ISO text. */
import type { Generated } from 'kysely';

export interface JobTables {
  jobs: {
    id: Generated<number>;
    kind: string;
    state: string;
    release_id: number | null;
    params: string;
    /** The job this one retries (migration 0042; unique: a job is retried once). */
    retry_of: Generated<number | null>;
    /** The uploaded document of an import job; cleared when the job ends. */
    input: Uint8Array | null;
    progress: string;
    checkpoint: string | null;
    result: string | null;
    error: string | null;
    attempts: number;
    max_attempts: number;
    lease_owner: string | null;
    lease_until: string | null;
    created_by: string | null;
    created_at: string;
    started_at: string | null;
    finished_at: string | null;
    updated_at: string;
  };
}
