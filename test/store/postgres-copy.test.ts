// PostgreSQL's bulk writes through COPY (src/store/postgres-copy.ts, ADR 58): every text reads back
// unchanged, "\N" stays text and null stays null, a large original document comes back byte for byte
// on both dialects, and a COPY that fails leaves its transaction as a failed INSERT would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { copyText, CopyOutBytes, CopyRows, parseCopyBinary } from '../../src/store/postgres-copy.js';
import { postgresTarget, targets } from './support/databases.js';
import { newImport, npmComponent, productWithRelease } from './support/fixtures.js';

test('copyText escapes what COPY reads as delimiters or escapes, and writes null as \\N', () => {
  const rows = new CopyRows(
    't',
    ['id', 'a', 'b'],
    [
      ['tab\there', null],
      ['\\N', 'line\nbreak\rcr\\'],
    ],
    [1, 2],
  );
  assert.deepEqual(
    [Buffer.concat([...copyText(rows)]).toString()],
    ['1\ttab\\there\t\\N\n2\t\\\\N\tline\\nbreak\\rcr\\\\\n'],
  );
});

const pg = postgresTarget();

test(
  'texts that COPY could misread are stored unchanged by a bulk upsert [postgres]',
  { skip: pg.unavailable },
  async () => {
    const fresh = await pg.fresh();
    try {
      const awkward = ['\\N', '\\.', 'a\\tb', '\t', '\n', '\r\n', '\\', 'x\\', 'NULL', ''];
      const written = await fresh.store.upsertComponents(
        awkward.map((text, i) =>
          npmComponent(`${i}:${text}`, {
            purlType: null,
            purl: null,
            namespace: i % 2 === 0 ? text : null,
            description: text,
          }),
        ),
        'fill-missing',
      );
      for (let i = 0; i < awkward.length; i++) {
        const stored = await fresh.store.getComponent(written.records[i]!.id);
        assert.equal(stored?.name, `${i}:${awkward[i]}`);
        assert.equal(stored?.description, awkward[i]);
        assert.equal(stored?.namespace, i % 2 === 0 ? awkward[i] : null);
      }
    } finally {
      await fresh.dispose();
    }
  },
);

for (const target of targets()) {
  test(
    `a 5 MB original document reads back byte for byte, in a transaction and on its own [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const release = await productWithRelease(fresh.store);
        // Larger than one piece of the copy (1 MiB), and not a whole number of them.
        const content = new Uint8Array(randomBytes(5 * 1024 * 1024 + 7));
        const inside = await newImport(fresh.store, release.id);
        await fresh.store.transaction((tx) =>
          tx.saveImportDocument({ importId: inside.id, fileName: 'bom.json', mediaType: null, content }),
        );
        const alone = await newImport(fresh.store, release.id);
        await fresh.store.saveImportDocument({
          importId: alone.id,
          fileName: 'bom – ünï.json',
          mediaType: 'application/vnd.cyclonedx+json',
          content: content.subarray(3),
        });
        const first = await fresh.store.getImportDocument(inside.id);
        assert.ok(first && Buffer.from(first.content).equals(Buffer.from(content)));
        assert.equal(first.mediaType, null);
        const second = await fresh.store.getImportDocument(alone.id);
        assert.ok(second && Buffer.from(second.content).equals(Buffer.from(content.subarray(3))));
        assert.equal(second.fileName, 'bom – ünï.json');
        assert.equal(second.mediaType, 'application/vnd.cyclonedx+json');
        // A document is saved once: a second save of the same import is refused, the first kept.
        await assert.rejects(
          fresh.store.saveImportDocument({ importId: alone.id, fileName: 'x', mediaType: null, content }),
        );
        const kept = await fresh.store.getImportDocument(alone.id);
        assert.equal(kept?.fileName, 'bom – ünï.json');
      } finally {
        await fresh.dispose();
      }
    },
  );
}

test(
  'a COPY that fails rolls its transaction back, and the connection serves the next one [postgres]',
  { skip: pg.unavailable },
  async () => {
    const fresh = await pg.fresh();
    try {
      const release = await productWithRelease(fresh.store);
      const imp = await newImport(fresh.store, release.id);
      await assert.rejects(
        fresh.store.transaction(async (tx) => {
          await tx.upsertComponents([npmComponent('kept only if committed')], 'fill-missing');
          // An import id that does not exist: the copy breaks the foreign key.
          await tx.saveImportDocument({
            importId: imp.id + 1000,
            fileName: 'x',
            mediaType: null,
            content: new Uint8Array(10),
          });
        }),
        (error: { code?: string }) => error.code === '23503',
      );
      assert.deepEqual(await fresh.store.listComponents(), []);
      // The pool's connections still work, COPY and plain queries alike.
      for (let i = 0; i < 12; i++) await fresh.store.upsertComponents([npmComponent(`after ${i}`)], 'fill-missing');
      assert.equal((await fresh.store.listComponents()).length, 12);
    } finally {
      await fresh.dispose();
    }
  },
);

test('parseCopyBinary reads rows, NULL fields and empty bytes, and refuses data cut short', () => {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const field = (bytes: Buffer | null) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes === null ? -1 : bytes.length);
    return bytes === null ? length : Buffer.concat([length, bytes]);
  };
  const count = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    return b;
  };
  const data = Buffer.concat([
    header,
    count(2),
    field(Buffer.from('abc')),
    field(null),
    count(1),
    field(Buffer.alloc(0)),
    count(-1),
  ]);
  assert.deepEqual(parseCopyBinary(data), [[Buffer.from('abc'), null], [Buffer.alloc(0)]]);
  assert.throws(() => parseCopyBinary(data.subarray(0, data.length - 2)), /trailer/);
  assert.throws(() => parseCopyBinary(data.subarray(0, header.length + 5)), /ends early/);
  assert.throws(() => parseCopyBinary(Buffer.from('not a copy at all, really')), /signature/);
  assert.throws(() => new CopyOutBytes('runs; drop table x', 'details', 'id', 1), /plain identifier/);
  assert.throws(() => new CopyOutBytes('runs', 'details', 'id', 1.5), /not an integer/);
});

test(
  "a validation run's details and an import's document read back by COPY are the bytes stored [postgres]",
  { skip: pg.unavailable },
  async () => {
    const fresh = await pg.fresh();
    try {
      const { store } = fresh;
      const release = await productWithRelease(store);
      const details = { blockers: [[{ message: 'ünï \u0000-free', n: 1 }]], usages: [{ usageId: 1 }] };
      const stored = await store.insertValidationRun({
        releaseId: release.id,
        createdAt: '2026-12-05T00:00:00.000Z',
        reason: 'manual',
        validationStep: 2,
        blockerCount: 1,
        fingerprint: 'sha256:x',
        licenseCounts: { MIT: 1 },
        report: { steps: [] },
        details,
      });
      const latest = await store.latestValidationRun(release.id);
      assert.equal(latest?.id, stored.id);
      assert.deepEqual(latest?.details?.(), details);
      assert.deepEqual(latest?.licenseCounts, { MIT: 1 });
      // A run without details reads back without them; inside a transaction as well.
      await store.insertValidationRun({ ...stored, details: undefined, createdAt: '2026-12-05T00:00:01.000Z' });
      const bare = await store.transaction((tx) => tx.latestValidationRun(release.id));
      assert.equal(bare?.details, null);
      assert.equal(await store.getImportDocument(123456), null);
    } finally {
      await fresh.dispose();
    }
  },
);

test('copyText writes the same bytes as the plain rule, across pieces and for values longer than a piece', () => {
  const escape = (v: unknown) =>
    v === null || v === undefined
      ? '\\N'
      : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  const samples: unknown[] = ['', 'x', 'ünï – 汉字 😀', 'a\tb\\c\nd\re', null, 0, -12, 3.5, true, false, '\\N'];
  const rows: unknown[][] = [];
  for (let i = 0; i < 60_000; i++)
    rows.push([samples[i % samples.length], `row ${i}`, samples[(i * 7) % samples.length]]);
  // One value of 2 MB (several pieces' worth once encoded), among the others.
  rows[12_345]![1] = '€'.repeat(700_000);
  const ids = rows.map((_, i) => i + 1);
  const expected = rows.map((r, i) => [ids[i], ...r].map(escape).join('\t') + '\n').join('');
  const pieces = [...copyText(new CopyRows('t', ['a', 'b', 'c'], rows, ids))];
  assert.ok(pieces.length > 3, 'the rows were written in several pieces');
  assert.equal(Buffer.concat(pieces).toString('utf8'), expected);
  const noIds = [...copyText(new CopyRows('t', ['a', 'b', 'c'], rows.slice(0, 50), null))];
  assert.equal(
    Buffer.concat(noIds).toString('utf8'),
    rows
      .slice(0, 50)
      .map((r) => r.map(escape).join('\t') + '\n')
      .join(''),
  );
});

// ADR 67: the document and a run's details are gzipped before they are stored; PostgreSQL's own
// compressor ran over them again (0.5 s of a 100k import) and is skipped (out of line, not compressed).
test(
  "an import's document is stored as sent, without PostgreSQL compressing it again [postgres]",
  { skip: pg.unavailable },
  async () => {
    const fresh = await pg.fresh();
    const client = new PgClient({ connectionString: fresh.options.databaseUrl });
    await client.connect();
    try {
      const release = await productWithRelease(fresh.store);
      const made = await newImport(fresh.store, release.id);
      // Compressible bytes, so that a compressing storage would show.
      const content = new Uint8Array(Buffer.from('{"components":[]}'.repeat(20000)));
      await fresh.store.saveImportDocument({ importId: made.id, fileName: 'b.json', mediaType: null, content });
      const schema = fresh.options.schema!;
      // The run details are gzipped before they are stored as well.
      for (const [table, column] of [
        ['import_documents', 'content'],
        ['validation_runs', 'details'],
      ]) {
        const storage = await client.query(
          `SELECT attstorage FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
          [`${schema}.${table}`, column],
        );
        assert.equal(storage.rows[0]?.attstorage, 'e', `${table}.${column}`);
      }
      const stored = await client.query(
        `SELECT pg_column_compression(content) AS method, octet_length(content) AS size FROM ${schema}.import_documents`,
      );
      assert.deepEqual(stored.rows, [{ method: null, size: content.length }]);
      const back = await fresh.store.getImportDocument(made.id);
      assert.ok(back && Buffer.from(back.content).equals(Buffer.from(content)));
    } finally {
      await client.end();
      await fresh.dispose();
    }
  },
);
