/**
 * Stored validation runs: one row per run, newest read by every view; older ones pruned. The bulky
 * part (`details`, gzip-compressed JSON) is decompressed and parsed only when asked for (ADR 21).
 */
import { gunzipSync } from 'node:zlib';
import type { Selectable } from 'kysely';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import type { ValidationRunSummary } from './types.js';
import { fromJson, toJson, type StoreContext } from './context.js';
import { PackedJson, gzipJson } from './gzip-json.js';
import { CopyOutBytes, copyOutBytes } from './postgres-copy.js';

type RunMethods = Pick<
  Store,
  'insertValidationRun' | 'latestValidationRun' | 'latestValidationRuns' | 'listValidationRuns'
>;

/** Runs kept per release (the newest ones): enough history to see a change, bounded storage. */
const RUNS_KEPT = 10;
const SUMMARY_COLUMNS = [
  'id',
  'release_id',
  'created_at',
  'reason',
  'validation_step',
  'blocker_count',
  'fingerprint',
  'license_counts',
] as const;

function toSummary(row: Omit<Selectable<Database['validation_runs']>, 'report' | 'details'>): ValidationRunSummary {
  return {
    id: row.id,
    releaseId: row.release_id,
    createdAt: row.created_at,
    reason: row.reason,
    validationStep: row.validation_step,
    blockerCount: row.blocker_count,
    fingerprint: row.fingerprint,
    licenseCounts: fromJson<Record<string, number>>(row.license_counts, {}),
  };
}

export function runRepository(ctx: StoreContext): RunMethods {
  const { db } = ctx;
  return {
    async insertValidationRun(run) {
      // Compressed as it is written, never whole as text (ADR 28), unless the caller packed it already (ADR 59).
      const value: unknown = run.details;
      const given = value instanceof PackedJson ? value.read : value === undefined ? undefined : () => value;
      const details =
        run.details === undefined
          ? null
          : run.details instanceof PackedJson
            ? run.details.gzip
            : await gzipJson(run.details, { level: 1 });
      const row = await db
        .insertInto('validation_runs')
        .values({
          release_id: run.releaseId,
          created_at: run.createdAt,
          reason: run.reason,
          validation_step: run.validationStep,
          blocker_count: run.blockerCount,
          fingerprint: run.fingerprint,
          license_counts: toJson(run.licenseCounts),
          report: toJson(run.report),
          details,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const old = await db
        .selectFrom('validation_runs')
        .select('id')
        .where('release_id', '=', run.releaseId)
        .orderBy('id', 'desc')
        .offset(RUNS_KEPT)
        .limit(1000)
        .execute();
      if (old.length > 0)
        await db
          .deleteFrom('validation_runs')
          .where(
            'id',
            'in',
            old.map((r) => r.id),
          )
          .execute();
      const { details: _details, ...rest } = run;
      return { ...rest, id: row.id, details: given ?? null };
    },
    async latestValidationRun(releaseId) {
      const latest = db
        .selectFrom('validation_runs')
        .where('release_id', '=', releaseId)
        .orderBy('id', 'desc')
        .limit(1);
      // PostgreSQL: the details (megabytes for a large release) by a COPY of their bytes, not as hex text.
      const row =
        ctx.dialect === 'postgres'
          ? await latest.select([...SUMMARY_COLUMNS, 'report']).executeTakeFirst()
          : await latest.selectAll().executeTakeFirst();
      if (!row) return null;
      const details: Uint8Array | null | undefined =
        'details' in row
          ? (row.details as Uint8Array | null)
          : await copyOutBytes(db, new CopyOutBytes('validation_runs', 'details', 'id', row.id));
      // Gone between the two reads (its release was deleted): as if there had been none.
      if (details === undefined) return null;
      return {
        ...toSummary(row),
        report: JSON.parse(row.report) as unknown,
        details: details ? () => JSON.parse(gunzipSync(details).toString('utf8')) as unknown : null,
        detailsGzip: details,
      };
    },
    async latestValidationRuns() {
      const latest = db
        .selectFrom('validation_runs')
        .select((eb) => eb.fn.max('id').as('id'))
        .groupBy('release_id');
      const rows = await db
        .selectFrom('validation_runs')
        .select([...SUMMARY_COLUMNS])
        .where('id', 'in', latest)
        .orderBy('release_id')
        .execute();
      return rows.map(toSummary);
    },
    async listValidationRuns(releaseId) {
      const rows = await db
        .selectFrom('validation_runs')
        .select([...SUMMARY_COLUMNS])
        .where('release_id', '=', releaseId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSummary);
    },
  };
}
