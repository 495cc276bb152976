/**
 * Values gzipped before they are stored are stored without a second compression (ADR 67): an
 * import's original document (`import_documents.content`) and a validation run's details
 * (`validation_runs.details`). PostgreSQL's default storage for `bytea` (EXTENDED) still ran its own
 * compressor over each whole value before giving up on it. Measured on PostgreSQL 15, server side:
 * the 18 MB gzip of a 100k-component CycloneDX file stored in 626 ms as EXTENDED, 122 ms as
 * EXTERNAL (out of line, not compressed); that release's 5.9 MB of run details in 178 ms and 44 ms.
 * Existing rows keep their storage; the setting applies to rows written from now on. SQLite has no
 * such setting: nothing to do there.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function gzippedValuesStoredAsSent(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`ALTER TABLE import_documents ALTER COLUMN content SET STORAGE EXTERNAL`.execute(db);
      await sql`ALTER TABLE validation_runs ALTER COLUMN details SET STORAGE EXTERNAL`.execute(db);
    },
  };
}
