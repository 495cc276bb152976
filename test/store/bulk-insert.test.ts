// Bulk writes (src/store/bulk-insert.ts): the PostgreSQL array literals carry every value unchanged,
// awkward text written in bulk reads back equal on both dialects, and concurrent bulk inserts through
// two stores on one PostgreSQL schema take disjoint ids (ids are taken from the sequence before the
// rows are written, so an overlap would pair one store's rows with the other's ids or fail on the key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import { arrayLiteral } from '../../src/store/bulk-insert.js';
import type { ComponentInput } from '../../src/store/types.js';
import { postgresTarget, postgresUrl, targets } from './support/databases.js';
import { versionOf } from './support/fixtures.js';

const AWKWARD = [
  'plain',
  '',
  ' ',
  'NULL',
  'null',
  'a,b',
  '{braces}',
  '"quoted"',
  'back\\slash',
  'both \\" at once',
  'trailing backslash\\',
  '\\\\',
  'line\nbreak\ttab\rcr',
  'ünïcødé — 漢字 😀',
  "it's",
  '()[]<>=;',
];

function component(name: string, i: number, fill: boolean): ComponentInput {
  return {
    purlType: fill ? 'npm' : null,
    namespace: fill ? name : null,
    name: `${i}:${name}`,
    purl: null,
    description: fill ? name : null,
    homepage: null,
    language: fill ? name : null,
  };
}

test(
  'arrayLiteral: PostgreSQL reads back every value, NULL and awkward text alike [postgres]',
  {
    skip: postgresUrl().reason,
  },
  async () => {
    const client = new pg.Client({ connectionString: postgresUrl().url });
    await client.connect();
    try {
      const texts: (string | null)[] = [...AWKWARD, null, 'after null'];
      const t = await client.query<{ a: (string | null)[] }>('SELECT $1::text[] AS a', [arrayLiteral(texts)]);
      assert.deepEqual(t.rows[0]!.a, texts);
      const ints = [0, 1, -2147483648, 2147483647, null, 42];
      const i = await client.query<{ a: (number | null)[] }>('SELECT $1::integer[] AS a', [arrayLiteral(ints)]);
      assert.deepEqual(i.rows[0]!.a, ints);
      const bools = [true, false, null, undefined];
      const b = await client.query<{ a: (boolean | null)[] }>('SELECT $1::boolean[] AS a', [arrayLiteral(bools)]);
      assert.deepEqual(b.rows[0]!.a, [true, false, null, null]);
      // Columns without nulls, without escapes, and with both (each takes its own path).
      for (const column of [
        ['a', 'b c', '{x}', 'NULL', ''],
        [1, 2, 3],
        ['a\\b', 'c"d', 'plain'],
        [null, 'x', null],
      ]) {
        const r = await client.query<{ a: unknown[] }>('SELECT $1::text[] AS a', [arrayLiteral(column)]);
        assert.deepEqual(
          r.rows[0]!.a,
          column.map((v) => (v === null ? null : String(v))),
        );
      }
      const empty = await client.query<{ n: number }>('SELECT cardinality($1::text[]) AS n', [arrayLiteral([])]);
      assert.equal(empty.rows[0]!.n, 0);
    } finally {
      await client.end();
    }
  },
);

for (const target of targets()) {
  test(
    `bulk upserts write awkward text unchanged and read it back by key [${target.dialect}]`,
    {
      skip: target.unavailable,
    },
    async () => {
      const fresh = await target.fresh();
      try {
        const { store } = fresh;
        const inputs = AWKWARD.map((name, i) => component(name, i, i % 2 === 0));
        const written = await store.upsertComponents(inputs, 'fill-missing');
        assert.equal(written.created, inputs.length);
        for (let i = 0; i < inputs.length; i++) {
          const stored = await store.getComponent(written.records[i]!.id);
          assert.deepEqual({ ...stored, id: undefined }, { ...inputs[i], id: undefined }, `component ${i}`);
        }
        // Read back through the bulk lookup by key (the second upsert finds them all; none created).
        const again = await store.upsertComponents(inputs, 'fill-missing');
        assert.equal(again.created, 0);
        assert.deepEqual(
          again.records.map((r) => r.id),
          written.records.map((r) => r.id),
        );
        const versions = await store.upsertVersions(
          AWKWARD.map((number, i) => ({
            componentId: written.records[0]!.id,
            number,
            purl: null,
            declaredLicense: i % 3 === 0 ? number : null,
            concludedLicense: null,
            correctedLicense: null,
            copyright: number,
          })),
          'fill-missing',
        );
        assert.equal(versions.created, AWKWARD.length);
        for (let i = 0; i < AWKWARD.length; i++) {
          const stored = await store.getVersion(versions.records[i]!.id);
          assert.equal(stored?.number, AWKWARD[i]);
          assert.equal(stored?.copyright, AWKWARD[i]);
          assert.equal(stored?.declaredLicense, i % 3 === 0 ? AWKWARD[i] : null);
        }
      } finally {
        await fresh.dispose();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `bulk upserts of stored and new rows at once, some inputs repeated: every input gets the record a read gives [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const { store } = fresh;
        // One identity (no purl, no namespace), with or without a description.
        const named = (name: string, description: string | null): ComponentInput => ({
          ...component(name, 0, false),
          name,
          description,
        });
        const first = await store.upsertComponents([named('kept-a', 'A'), named('kept-b', null)], 'fill-missing');
        // Stored, new, repeated, new again, stored again; the stored one without a description gets one.
        const inputs = [
          named('kept-b', 'B'),
          named('new-c', null),
          named('kept-a', 'A'),
          named('new-c', null),
          named('new-d', 'D'),
          named('kept-b', 'B'),
        ];
        const written = await store.upsertComponents(inputs, 'fill-missing');
        assert.equal(written.created, 2);
        assert.equal(written.records[2]!.id, first.records[0]!.id);
        assert.equal(written.records[0]!.id, first.records[1]!.id);
        assert.equal(written.records[5]!.id, first.records[1]!.id);
        assert.equal(written.records[1]!.id, written.records[3]!.id);
        for (let i = 0; i < inputs.length; i++)
          assert.deepEqual(written.records[i], await store.getComponent(written.records[i]!.id), `component ${i}`);
        assert.equal(written.records[0]!.description, 'B', 'filled in where it was missing');

        const c = written.records[1]!.id;
        const d = written.records[4]!.id;
        const version = (componentId: number, number: string, copyright: string | null) =>
          versionOf(componentId, number, { copyright });
        const stored = await store.upsertVersions([version(c, '1.0', null)], 'fill-missing');
        const versions = await store.upsertVersions(
          [version(d, '2.0', 'x'), version(c, '1.0', '(c) C'), version(d, '2.0', 'x'), version(c, '1.1', null)],
          'fill-missing',
        );
        assert.equal(versions.created, 2);
        assert.equal(versions.records[1]!.id, stored.records[0]!.id);
        assert.equal(versions.records[0]!.id, versions.records[2]!.id);
        for (const r of versions.records) assert.deepEqual(r, await store.getVersion(r.id));
        assert.equal(versions.records[1]!.copyright, '(c) C', 'filled in where it was missing');
      } finally {
        await fresh.dispose();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `versions of components created in the same transaction are written without a lookup, beside stored ones [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const { store } = fresh;
        const named = (name: string): ComponentInput => ({ ...component(name, 0, false), name });
        const before = await store.upsertComponents([named('stored')], 'fill-missing');
        assert.deepEqual(before.createdIds, [before.records[0]!.id]);
        const storedVersion = await store.upsertVersions(
          [versionOf(before.records[0]!.id, '1.0', { copyright: null })],
          'fill-missing',
        );
        await store.transaction(async (tx) => {
          const components = await tx.upsertComponents(
            [named('stored'), named('new-a'), named('new-b')],
            'fill-missing',
          );
          assert.equal(components.created, 2);
          assert.deepEqual(
            [...components.createdIds].sort((a, b) => a - b),
            [components.records[1]!.id, components.records[2]!.id].sort((a, b) => a - b),
          );
          const [stored, a, b] = components.records.map((r) => r.id);
          const versions = await tx.upsertVersions(
            [
              versionOf(a!, '1.0', { copyright: null }),
              versionOf(stored!, '1.0', { copyright: '(c) S' }),
              versionOf(b!, '2.0', { copyright: null }),
              versionOf(stored!, '1.1', { copyright: null }),
            ],
            'fill-missing',
            components.createdIds,
          );
          // The stored component's stored version is found (and filled in), not written twice.
          assert.equal(versions.created, 3);
          assert.equal(versions.createdIds.length, 3);
          assert.equal(versions.records[1]!.id, storedVersion.records[0]!.id);
          assert.equal(versions.records[1]!.copyright, '(c) S');
          for (const r of versions.records) assert.deepEqual(r, await tx.getVersion(r.id));
        });
      } finally {
        await fresh.dispose();
      }
    },
  );
}

const pgTarget = postgresTarget();

test(
  'concurrent bulk inserts through two stores take disjoint ids [postgres]',
  {
    skip: pgTarget.unavailable,
  },
  async () => {
    const fresh = await pgTarget.fresh();
    const second = await openStore(fresh.options);
    try {
      const stores = [fresh.store, second];
      const seen = new Map<number, string>();
      for (let round = 0; round < 3; round++) {
        const batches = stores.map((_, s) =>
          Array.from({ length: 4000 }, (_, i) => component(`r${round}-s${s}-${i}`, i, false)),
        );
        // Both bulk inserts and single-row inserts (the sequence's other takers) at once.
        const singles = stores.map((store, s) =>
          (async () => {
            const ids: [number, string][] = [];
            for (let i = 0; i < 20; i++) {
              const input = component(`single-r${round}-s${s}-${i}`, i, false);
              ids.push([(await store.upsertComponent(input, 'fill-missing')).record.id, input.name]);
            }
            return ids;
          })(),
        );
        const bulks = stores.map((store, s) => store.upsertComponents(batches[s]!, 'fill-missing'));
        const results = await Promise.all(bulks);
        const pairs: [number, string][] = (await Promise.all(singles)).flat();
        results.forEach((r, s) => {
          assert.equal(r.created, batches[s]!.length);
          r.records.forEach((record, i) => pairs.push([record.id, batches[s]![i]!.name]));
        });
        for (const [id, name] of pairs) {
          assert.ok(!seen.has(id), `id ${id} given to ${name} and to ${seen.get(id)}`);
          seen.set(id, name);
        }
      }
      // Every id names the row written with it.
      const stored = await fresh.store.listComponents();
      assert.equal(stored.length, seen.size);
      for (const row of stored) assert.equal(row.name, seen.get(row.id), `row ${row.id}`);
    } finally {
      await second.close();
      await fresh.dispose();
    }
  },
);

/** Resolves once some connection of the test database waits for another transaction's lock. */
async function someoneWaits(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl().url });
  await client.connect();
  try {
    for (let i = 0; i < 500; i++) {
      const r = await client.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (r.rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no connection ever waited for the other writer');
  } finally {
    await client.end();
  }
}

for (const inTransaction of [true, false]) {
  test(
    `a bulk insert meeting rows another writer just created skips them (${inTransaction ? 'in a transaction' : 'on its own'}) [postgres]`,
    {
      skip: pgTarget.unavailable,
    },
    async () => {
      const fresh = await pgTarget.fresh();
      const second = await openStore(fresh.options);
      try {
        const shared = Array.from({ length: 30 }, (_, i) => component(`shared-${i}`, i, false));
        const mine = Array.from({ length: 30 }, (_, i) => component(`first-${i}`, i, false));
        const theirs = Array.from({ length: 30 }, (_, i) => component(`second-${i}`, i, false));
        const later = Array.from({ length: 5 }, (_, i) => component(`later-${i}`, i, false));
        let firstIds: number[] = [];
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let written!: () => void;
        const firstWrote = new Promise<void>((resolve) => (written = resolve));
        // The first writer creates the shared components and holds them uncommitted...
        const first = fresh.store.transaction(async (tx) => {
          firstIds = (await tx.upsertComponents([...shared, ...mine], 'fill-missing')).records.map((r) => r.id);
          written();
          await held;
        });
        await firstWrote;
        // ...while the second finds them missing, writes them too and waits on the first's keys.
        const secondWrites = async (store: typeof second) => {
          const r = await store.upsertComponents([...theirs, ...shared], 'fill-missing');
          // The store (or its transaction) still works after the conflict: it writes more.
          const more = await store.upsertComponents(later, 'fill-missing');
          return { records: r.records, created: r.created, more };
        };
        const done = inTransaction ? second.transaction((tx) => secondWrites(tx)) : secondWrites(second);
        await someoneWaits();
        release();
        await first;
        const result = await done;
        assert.deepEqual(
          result.records.slice(theirs.length).map((r) => r.id),
          firstIds.slice(0, shared.length),
          'the shared components are the first writer’s rows',
        );
        assert.equal(result.more.created, later.length);
        // The shared components were the first writer's: the second created only its own.
        assert.equal(result.created, theirs.length);
        const stored = await fresh.store.listComponents();
        assert.equal(stored.length, shared.length + mine.length + theirs.length + later.length);
        const byName = new Map(stored.map((c) => [c.name, c.id]));
        for (const r of result.records) assert.equal(byName.get(r.name), r.id, r.name);
      } finally {
        await second.close();
        await fresh.dispose();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `a transaction's upserts past one part of rows write every part, repeats and stored rows included [${target.dialect}]`,
    {
      skip: target.unavailable,
    },
    async () => {
      const fresh = await target.fresh();
      try {
        const { store } = fresh;
        const stored = await store.upsertComponents([component('stored', 0, true)], 'fill-missing');
        // 45,002 inputs: three parts of new rows (20k each), a repeat, and a component stored before.
        const inputs = Array.from({ length: 45_000 }, (_, i) => component('many', i + 1, false));
        inputs.push(inputs[7]!, component('stored', 0, true));
        await store.transaction(async (tx) => {
          const written = await tx.upsertComponents(inputs, 'fill-missing');
          assert.equal(written.created, 45_000);
          assert.equal(written.records[45_000]!.id, written.records[7]!.id);
          assert.equal(written.records[45_001]!.id, stored.records[0]!.id);
          const fresh = written.records.slice(0, 45_000).map((r) => r.id);
          assert.equal(new Set(fresh).size, 45_000);
          assert.deepEqual(
            [...written.createdIds].sort((a, b) => a - b),
            [...fresh].sort((a, b) => a - b),
          );
          const versions = await tx.upsertVersions(
            written.records.map((r, i) => versionOf(r.id, i === 45_000 ? '8' : String(i + 1), { copyright: null })),
            'fill-missing',
          );
          assert.equal(versions.created, 45_001);
          for (const i of [0, 19_999, 20_000, 39_999, 40_000, 44_999]) {
            assert.equal((await tx.getComponent(written.records[i]!.id))?.name, `${i + 1}:many`);
            const version = await tx.getVersion(versions.records[i]!.id);
            assert.equal(version?.componentId, written.records[i]!.id);
            assert.equal(version?.number, String(i + 1));
          }
        });
      } finally {
        await fresh.dispose();
      }
    },
  );
}
