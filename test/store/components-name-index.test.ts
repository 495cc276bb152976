// Migration 0041 (ADR 41): components keep their key and id indexes and lose the name index no
// query could use; looking a component up by name still finds it (a scan, as before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import Database from 'better-sqlite3';
import * as services from '../../src/services/index.js';
import { postgresUrl, targets } from './support/databases.js';
import { npmComponent, usageOf, versionOf } from './support/fixtures.js';

async function componentIndexes(options: { sqlitePath?: string; databaseUrl?: string; schema?: string }) {
  if (options.sqlitePath) {
    const db = new Database(options.sqlitePath, { readonly: true });
    try {
      return (db.prepare(`SELECT name FROM pragma_index_list('components')`).all() as { name: string }[])
        .map((r) => r.name)
        .filter((n) => !n.startsWith('sqlite_autoindex'))
        .sort();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: postgresUrl().url });
  await client.connect();
  try {
    const r = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'components' ORDER BY indexname`,
      [options.schema],
    );
    return r.rows.map((row) => row.indexname);
  } finally {
    await client.end();
  }
}

for (const target of targets()) {
  test(
    `components have no name index after migration 0041 [${target.dialect}]`,
    {
      skip: target.unavailable,
    },
    async () => {
      const fresh = await target.fresh();
      try {
        const indexes = await componentIndexes(fresh.options);
        assert.ok(!indexes.includes('components_name_idx'), `indexes: ${indexes.join(', ')}`);
        if (target.dialect === 'postgres')
          assert.deepEqual(indexes, ['components_identity_key_key', 'components_pkey']);
        // The name query still answers.
        const { store } = fresh;
        const product = await services.createProduct(store, { name: 'P' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        // No purl: the component is found by its name alone.
        const [component] = (await store.upsertComponents([npmComponent('left-pad', { purl: null })], 'fill-missing'))
          .records;
        const [version] = (await store.upsertVersions([versionOf(component!.id, '1.0.0')], 'fill-missing')).records;
        await store.insertUsagesReturning([usageOf(release.id, version!.id, { scope: '' })]);
        const hits = await store.releasesContaining({ name: 'left-pad' });
        assert.deepEqual(
          hits.map((h) => h.release.id),
          [release.id],
        );
      } finally {
        await fresh.dispose();
      }
    },
  );
}
