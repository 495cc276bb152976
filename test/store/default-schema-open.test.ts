// A store opened on PostgreSQL without a schema of its own (what `vigie serve`, `vigie worker` and
// the CLI do with VIGIE_DATABASE_URL) in a database where another schema already holds a store:
// Kysely looked for its migration tables in every schema it could see, took the neighbour's for the
// new store's and failed with "relation kysely_migration_lock does not exist" (found by trying the
// CLI on the tests' server, whose schemas hold the tests' stores). The store's tables belong to the
// connection's current schema, and the neighbour is left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations.js';
import { createProduct } from '../../src/services/index.js';
import { dropSchema, postgresUrl } from './support/databases.js';

const database = postgresUrl();

async function names(url: string, schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${schema}.kysely_migration ORDER BY name`);
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

test(
  'a store in the default schema opens beside another schema that holds a store',
  { skip: database.reason },
  async () => {
    const url = database.url!;
    const id = `${process.pid}_${randomBytes(5).toString('hex')}`;
    const neighbour = `n_${id}`;
    const own = `d_${id}`;
    try {
      await (await openStore({ databaseUrl: url, schema: neighbour })).close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA ${own}`);
      await client.end();
      // The default schema of this connection is `own`, as public is for most users.
      const withPath = new URL(url);
      withPath.searchParams.set('options', `-c search_path=${own}`);
      const store = await openStore({ databaseUrl: withPath.toString() });
      try {
        const product = await createProduct(store, { name: 'Default schema' });
        assert.equal(product.name, 'Default schema');
      } finally {
        await store.close();
      }
      const expected = Object.keys(await migrationProvider('postgres').getMigrations()).sort();
      assert.deepEqual(await names(url, own), expected, 'the new store was migrated in its own schema');
      assert.deepEqual(await names(url, neighbour), expected, 'the neighbour is as it was');
      // Opened again, it is found at the latest migration.
      await (await openStore({ databaseUrl: withPath.toString() })).close();
    } finally {
      await dropSchema(url, own);
      await dropSchema(url, neighbour);
    }
  },
);
