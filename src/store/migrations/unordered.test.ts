// Migration numbers are reserved per piece of work and land on main in any order: a store migrated
// past a later number must still take an earlier migration that arrives afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql, type MigrationProvider } from 'kysely';
import { connectSqlite } from '../connect.js';
import { migrationProvider } from '../migrations.js';
import { migrate } from '../open-store.js';

test('an earlier migration that lands after a later one is still applied', async () => {
  const db = connectSqlite(':memory:');
  try {
    const all = await migrationProvider('sqlite').getMigrations();
    const names = Object.keys(all).sort();
    const late = names[names.length - 2]; // not the newest: the newest is already applied below
    const withoutLate: MigrationProvider = {
      getMigrations: async () => Object.fromEntries(Object.entries(all).filter(([name]) => name !== late)),
    };
    const first = await new Migrator({ db, provider: withoutLate }).migrateToLatest();
    assert.equal(first.error, undefined);
    const applied = async () =>
      (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
        (r) => r.name,
      );
    assert.ok(!(await applied()).includes(late));
    assert.equal((await applied()).at(-1), names.at(-1), 'the newest is applied, the one before it is missing');

    await migrate(db, 'sqlite');
    assert.deepEqual(await applied(), names);
  } finally {
    await db.destroy();
  }
});
