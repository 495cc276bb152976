import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator } from 'kysely';
import { connectSqlite } from '../connect.js';
import { migrationProvider } from '../migrations.js';
import { createStore } from '../create-store.js';

test('migration 0004 rekeys components without purl qualifiers and merges the duplicates without losing usages', async () => {
  const db = connectSqlite(':memory:');
  try {
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
    const before = await migrator.migrateTo('0003_usage_context_and_policy_settings');
    assert.equal(before.error, undefined);
    const product = await db
      .insertInto('products')
      .values({ name: 'P', description: null, owner: null, outbound_licenses: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const release = await db
      .insertInto('releases')
      .values({
        product_id: product.id,
        number: '1',
        ship_status: 'in-development',
        commit_ref: null,
        outbound_licenses: '[]',
        validation_step: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const component = (key: string) =>
      db
        .insertInto('components')
        .values({
          identity_key: key,
          purl_type: 'maven',
          namespace: 'io.dropwizard',
          name: 'dropwizard-util',
          purl: key,
          description: null,
          homepage: null,
          language: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const plain = await component('pkg:maven/io.dropwizard/dropwizard-util');
    const jar = await component('pkg:maven/io.dropwizard/dropwizard-util?type=jar');
    const alone = await db
      .insertInto('components')
      .values({
        identity_key: 'pkg:npm/left-pad?arch=x',
        purl_type: 'npm',
        namespace: null,
        name: 'left-pad',
        purl: 'pkg:npm/left-pad?arch=x',
        description: null,
        homepage: null,
        language: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = (componentId: number, number: string) =>
      db
        .insertInto('versions')
        .values({
          component_id: componentId,
          number,
          purl: null,
          declared_license: 'Apache-2.0',
          concluded_license: null,
          corrected_license: null,
          copyright: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const v1 = await version(plain.id, '1.3.15');
    const v1jar = await version(jar.id, '1.3.15');
    await version(jar.id, '2.0.0');
    const usage = (versionId: number, scope: string) =>
      db
        .insertInto('usages')
        .values({
          release_id: release.id,
          version_id: versionId,
          scope,
          project: '',
          linking: null,
          modified: null,
          exploitation: null,
          chosen_license: null,
          status: 'auto',
          added_by: 'import',
          description: null,
        })
        .execute();
    await usage(v1.id, 'compile');
    await usage(v1jar.id, 'compile'); // the same usage twice: one is kept
    await usage(v1jar.id, 'test'); // moves to the surviving version
    await db
      .insertInto('decisions')
      .values({
        type: 'derogation',
        kind: null,
        category_id: null,
        product_id: null,
        release_id: null,
        scope: null,
        project: null,
        exploitation: null,
        component: 'pkg:maven/io.dropwizard/dropwizard-util?type=jar',
        version: null,
        from_expression: null,
        to_expression: null,
        license: 'GPL-2.0-only',
        linking: null,
        modification: null,
        author: 'a',
        created_at: '2026-01-01T00:00:00Z',
        explanation: 'x',
      })
      .execute();

    const after = await migrator.migrateToLatest();
    assert.equal(after.error, undefined);
    const store = createStore({ db, dialect: 'sqlite' });
    const components = await store.listComponents();
    assert.deepEqual(components.map((c) => c.purl).sort(), [
      'pkg:maven/io.dropwizard/dropwizard-util',
      'pkg:npm/left-pad',
    ]);
    assert.equal(components.find((c) => c.name === 'left-pad')?.id, alone.id);
    assert.deepEqual(
      (await store.listVersions(plain.id)).map((v) => v.number),
      ['1.3.15', '2.0.0'],
    );
    const usages = await store.listUsages(release.id);
    assert.deepEqual(usages.map((u) => [u.versionId, u.scope]).sort(), [
      [v1.id, 'compile'],
      [v1.id, 'test'],
    ]);
    assert.equal((await store.listDecisions())[0].component, 'pkg:maven/io.dropwizard/dropwizard-util');
  } finally {
    await db.destroy();
  }
});
