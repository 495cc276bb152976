import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { connectPostgres, connectSqlite } from '../connect.js';
import { migrationProvider } from '../migrations.js';
import type { Database } from '../schema.js';
import type { StoreDialect } from '../store.js';
import { postgresUrl } from '../../../test/store/support/databases.js';

// Retries recorded before migration 0042 name their job in params only; two of them may retry the
// same job (the race ADR 57 closes). The earliest gets the column, and the unique index is built.
async function backfills(dialect: StoreDialect, db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  assert.equal((await migrator.migrateTo('0041_components_name_index_dropped')).error, undefined);
  const now = new Date().toISOString();
  const params = [
    '{"releaseIds":[1]}',
    '{"releaseIds":[1],"retryOf":1}',
    '{"releaseIds":[1],"retryOf":1}',
    '{"releaseIds":[1],"retryOf":"1"}',
    '{"releaseIds":[1],"retryOf":2}',
    '{"releaseIds":[1],"retryOf":99999999999}',
  ];
  for (const p of params)
    await sql`INSERT INTO jobs (kind, state, release_id, params, progress, attempts, max_attempts, created_at, updated_at)
      VALUES ('revalidate', 'cancelled', NULL, ${p}, '{}', 0, 3, ${now}, ${now})`.execute(db);
  const migrated = await migrator.migrateToLatest();
  assert.equal(migrated.error, undefined, String(migrated.error));
  const rows = await sql<{ id: number; retry_of: number | null }>`SELECT id, retry_of FROM jobs ORDER BY id`.execute(
    db,
  );
  assert.deepEqual(
    rows.rows.map((r) => [Number(r.id), r.retry_of === null ? null : Number(r.retry_of)]),
    [
      [1, null],
      [2, 1],
      [3, null],
      [4, null],
      [5, 2],
      [6, null],
    ],
  );
  await assert.rejects(
    sql`UPDATE jobs SET retry_of = 1 WHERE id = 3`.execute(db),
    /unique|UNIQUE/,
    'a job has one retry',
  );
}

test('migration 0042 gives the earliest retry of each job its retry_of, under a unique index [sqlite]', async () => {
  const db = connectSqlite(':memory:');
  try {
    await backfills('sqlite', db);
  } finally {
    await db.destroy();
  }
});

const pg = postgresUrl();
test(
  'migration 0042 gives the earliest retry of each job its retry_of, under a unique index [postgres]',
  { skip: pg.url ? undefined : pg.reason },
  async () => {
    const schema = `m42_${randomBytes(4).toString('hex')}`;
    const db = await connectPostgres(pg.url!, schema);
    try {
      await backfills('postgres', db, schema);
    } finally {
      await db.destroy();
    }
  },
);
