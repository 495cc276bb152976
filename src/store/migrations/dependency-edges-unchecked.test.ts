import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql } from 'kysely';
import { connectSqlite } from '../connect.js';
import { migrationProvider } from '../migrations.js';
import { createStore } from '../create-store.js';

test('migration 0040 keeps every dependency edge and its index, without the foreign keys (ADR 36)', async () => {
  const db = connectSqlite(':memory:');
  try {
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite'), allowUnorderedMigrations: true });
    assert.equal((await migrator.migrateTo('0034_import_quality')).error, undefined);
    await sql`INSERT INTO products (name) VALUES ('p')`.execute(db);
    await sql`INSERT INTO releases (product_id, number) VALUES (1, '1'), (1, '2')`.execute(db);
    await sql`INSERT INTO components (identity_key, name) VALUES ('npm/a', 'a'), ('npm/b', 'b')`.execute(db);
    await sql`INSERT INTO versions (component_id, number) VALUES (1, '1.0.0'), (2, '2.0.0')`.execute(db);
    await sql`INSERT INTO dependency_edges (release_id, project, parent_version_id, child_version_id)
      VALUES (1, '', NULL, 1), (1, '', 1, 2), (2, 'web', NULL, 2)`.execute(db);
    const foreignKeys = async () =>
      (await sql<{ table: string }>`SELECT * FROM pragma_foreign_key_list('dependency_edges')`.execute(db)).rows;
    assert.equal((await foreignKeys()).length, 3);

    assert.equal((await migrator.migrateToLatest()).error, undefined);
    assert.deepEqual(await foreignKeys(), []);
    const indexes = await sql<{ name: string }>`SELECT name FROM pragma_index_list('dependency_edges')`.execute(db);
    assert.deepEqual(
      indexes.rows.map((r) => r.name),
      ['dependency_edges_release_idx'],
    );
    const store = createStore({ db, dialect: 'sqlite' });
    assert.deepEqual(
      (await store.listDependencyEdges(1)).map((e) => [e.project, e.parentVersionId, e.childVersionId]),
      [
        ['', null, 1],
        ['', 1, 2],
      ],
    );
    // Deleting the product deletes its releases' edges (no cascade any more: portfolio-repo does it).
    assert.equal(await store.deleteProduct(1), true);
    assert.deepEqual((await sql`SELECT * FROM dependency_edges`.execute(db)).rows, []);
  } finally {
    await db.destroy();
  }
});
