// Several processes opening one new PostgreSQL schema at the same moment (two `vigie serve` and
// their workers on a fresh store, issue 13 item 4): every open creates and migrates it or waits for
// the one that does, none fails. Before the schema lock, about one round in three ended with
// "duplicate key value violates unique constraint pg_namespace_nspname_index".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations.js';
import { dropSchema, postgresUrl } from './support/databases.js';

const ROUNDS = 6;
const OPENERS = 6;

const database = postgresUrl();

test(
  'stores opened at once on one new PostgreSQL schema all open it, migrated once',
  { skip: database.reason },
  async () => {
    const url = database.url!;
    const expected = Object.keys(await migrationProvider('postgres').getMigrations()).sort();
    for (let round = 0; round < ROUNDS; round++) {
      const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
      try {
        // One pool each, as separate processes would have.
        const opened = await Promise.allSettled(
          Array.from({ length: OPENERS }, () => openStore({ databaseUrl: url, schema })),
        );
        const failures = opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
        await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
        assert.deepEqual(failures, [], `round ${round + 1}: every open succeeds`);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ name: string }>(
            `SELECT name FROM ${schema}.kysely_migration ORDER BY name`,
          );
          assert.deepEqual(
            rows.map((r) => r.name),
            expected,
          );
        } finally {
          await client.end();
        }
      } finally {
        await dropSchema(url, schema);
      }
    }
  },
);
