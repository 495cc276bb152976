/**
 * A job's retry is unique (ADR 57): `jobs.retry_of` names the job a retry repeats, under a unique
 * index, so that two retries of one job sent at the same moment make one new job and the other
 * caller is told which (ADR 53 left this open). Retries recorded before this migration carry the id
 * in `params.retryOf` only: the earliest retry of each job gets the column, later ones (made by the
 * race this closes) keep theirs in `params` alone, so the index can be built over existing data.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function jobRetryOf(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('jobs').addColumn('retry_of', 'integer').execute();
      // params is JSON text on both dialects; only an integer retryOf is taken.
      const retryOf =
        dialect === 'postgres'
          ? sql`CASE WHEN (params::jsonb ->> 'retryOf') ~ '^[0-9]{1,10}$' THEN (params::jsonb ->> 'retryOf')::bigint END`
          : sql`CASE WHEN json_type(params, '$.retryOf') = 'integer' THEN json_extract(params, '$.retryOf') END`;
      await sql`UPDATE jobs SET retry_of = first.original FROM (
          SELECT min(id) AS id, original FROM (SELECT id, ${retryOf} AS original FROM jobs) AS named
          WHERE original IS NOT NULL AND original BETWEEN 1 AND 2147483647
          GROUP BY original
        ) AS first WHERE jobs.id = first.id`.execute(db);
      await db.schema.createIndex('jobs_retry_of_idx').on('jobs').column('retry_of').unique().execute();
    },
  };
}
