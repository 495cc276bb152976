// gzipJson (ADR 28) compresses exactly the text JSON.stringify gives, without building it whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { gzipJson } from '../../src/store/gzip-json.js';

const unzip = (b: Buffer) => gunzipSync(b).toString('utf8');

test('the same text as JSON.stringify for nested values with the cases JSON.stringify treats specially', async () => {
  const value = {
    blockers: [
      [{ a: 1, b: 'x"y\\z', c: [1, undefined, () => 1], d: undefined }],
      [],
      [{ nested: { deep: [1, { deeper: true }] } }],
    ],
    usages: Array.from({ length: 50 }, (_, i) => ({
      usageId: i,
      licenses: i % 2 ? null : ['MIT'],
      note: 'é…😀\u2028',
      skipped: undefined,
    })),
    date: new Date(0),
    withToJson: { toJSON: () => ({ replaced: 1 }) },
    missing: undefined,
    fn: () => 1,
    list: [undefined, null, Symbol('s'), NaN, -0, 'last'],
  };
  for (const depth of [0, 1, 2, 3, 6])
    assert.equal(unzip(await gzipJson(value, { depth })), JSON.stringify(value), `depth ${depth}`);
  for (const scalar of [null, 0, 'text', [], {}, true])
    assert.equal(unzip(await gzipJson(scalar)), JSON.stringify(scalar));
});

test('a value larger than one piece given to the compressor comes back whole', async () => {
  const value = {
    usages: Array.from({ length: 40_000 }, (_, i) => ({
      usageId: i,
      expression: `MIT OR Apache-2.0 #${i}`,
      effective: null,
    })),
  };
  const packed = await gzipJson(value);
  assert.ok(packed.length < JSON.stringify(value).length / 4, 'compressed');
  assert.deepEqual(JSON.parse(unzip(packed)), value);
});

test('a value of many pieces comes back whole: the writer reuses a buffer only once the compressor is done with it', async () => {
  // ~14 MB of JSON, each record different: a buffer written into again too early would repeat or
  // lose records.
  const value = {
    usages: Array.from({ length: 160_000 }, (_, i) => ({
      usageId: i,
      expression: `LicenseRef-${i * 7919}`,
      n: i % 97,
    })),
  };
  const packed = await gzipJson(value);
  assert.equal(unzip(packed), JSON.stringify(value));
});

test('a value with no JSON text is refused', async () => {
  await assert.rejects(gzipJson(undefined), /no JSON text/);
});

test('lists longer than one slice, of records, of lists and of both, give the same text at every depth', async () => {
  const records = Array.from({ length: 1000 }, (_, i) => ({ id: i, text: `r${i}`, gone: undefined, list: [i, null] }));
  const value = {
    blockers: [records.slice(0, 600), [], records.slice(0, 257), records.slice(0, 256), records.slice(0, 1)],
    usages: records,
    mixed: [1, [2, [3]], { a: [4] }, ...records.slice(0, 300), [undefined, () => 1]],
    lists: Array.from({ length: 300 }, (_, i) => [i, { i }]),
  };
  for (const depth of [1, 2, 3, 4])
    assert.equal(unzip(await gzipJson(value, { depth })), JSON.stringify(value), `depth ${depth}`);
});

test('gzipInBackground gives back exactly the bytes or the UTF-8 of the text, also when the result needs more than one trip', async () => {
  const { randomBytes } = await import('node:crypto');
  const { gzipInBackground } = await import('../../src/store/gzip-json.js');
  const bytes = randomBytes(3 << 20); // incompressible: the output is a little larger than the input
  assert.deepEqual(gunzipSync(await gzipInBackground(bytes)), bytes);
  // Four UTF-8 bytes per character: the result outgrows a buffer sized from the text's length.
  const text = Array.from(randomBytes(1 << 18), (b) => String.fromCodePoint(0x10000 + b * 97)).join('');
  assert.equal(unzip(await gzipInBackground(text)), text);
  assert.equal(unzip(await gzipInBackground('')), '');
  const json = JSON.stringify({ components: Array.from({ length: 20_000 }, (_, i) => ({ name: `c${i}`, n: i })) });
  const packed = await gzipInBackground(json);
  assert.ok(packed.length < json.length / 4);
  assert.equal(unzip(packed), json);
});

test('slices larger than the writer buffer, first or later in their list, and non-ASCII text give the same text', async () => {
  const big = (i: number) => ({ i, text: `é…${'x'.repeat(3000)}${i}` });
  const value = {
    // 600 records of ~3 KB: each slice of 256 is larger than the writer's buffer.
    blockers: [Array.from({ length: 600 }, (_, i) => big(i)), [big(1)], []],
    usages: Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `ü${i}` })),
    tail: [[]],
  };
  assert.equal(unzip(await gzipJson(value)), JSON.stringify(value));
  assert.equal(unzip(await gzipJson([])), '[]');
  assert.equal(unzip(await gzipJson([big(7)])), JSON.stringify([big(7)]));
});
