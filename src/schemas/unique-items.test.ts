import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstDuplicate } from './unique-items.js';
import { validateJsonSchema } from './index.js';

test('duplicates are found by JSON equality: key order does not count, types and nesting do', () => {
  assert.deepEqual(firstDuplicate(['a', 'b', 'a']), [0, 2]);
  assert.deepEqual(
    firstDuplicate([
      { a: 1, b: [1, { c: 2 }] },
      { b: [1, { c: 2 }], a: 1 },
    ]),
    [0, 1],
  );
  assert.equal(firstDuplicate([1, '1', true, 'true', null, 'null', [], {}, '[]']), null);
  assert.equal(firstDuplicate([{ a: { b: 1 } }, { a: { b: 2 } }, { a: [1] }, { a: [2] }, { a: {} }]), null);
  assert.equal(firstDuplicate([{ a: 1 }, { a: 1, b: 2 }]), null);
  assert.deepEqual(
    firstDuplicate([
      [1, [2]],
      [1, [3]],
      [1, [2]],
    ]),
    [0, 2],
  );
});

test('distinct records are not compared with each other: comparisons are counted, not timed', () => {
  const stats = { compared: 0 };
  const items = Array.from({ length: 50_000 }, (_, i) => ({ type: 'library', 'bom-ref': `c${i}`, name: `p${i}` }));
  assert.equal(firstDuplicate(items, stats), null);
  assert.equal(stats.compared, 0);
  // Records alike at their top level (only nested values differ) share a bucket and are compared.
  const nested = Array.from({ length: 100 }, (_, i) => ({ hashes: [{ alg: 'SHA-1', content: `${i}` }] }));
  const shared = { compared: 0 };
  assert.equal(firstDuplicate(nested, shared), null);
  assert.equal(shared.compared, (100 * 99) / 2);
});

test('the CycloneDX schema still refuses duplicate components and duplicate dependsOn entries, naming both', () => {
  const doc = (components: unknown[], dependsOn: string[]) => ({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    components,
    dependencies: [{ ref: 'a', dependsOn }],
  });
  const a = { type: 'library', 'bom-ref': 'a', name: 'a', version: '1' };
  const b = { type: 'library', 'bom-ref': 'b', name: 'b', version: '1' };
  assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.5', doc([a, b], ['b'])), []);
  assert.deepEqual(
    validateJsonSchema(
      'cyclonedx-json',
      '1.5',
      doc([a, b, { version: '1', name: 'a', 'bom-ref': 'a', type: 'library' }], ['b', 'b']),
    ),
    [
      { path: '/components', message: 'must NOT have duplicate items (items ## 0 and 2 are identical)' },
      { path: '/dependencies/0/dependsOn', message: 'must NOT have duplicate items (items ## 0 and 1 are identical)' },
    ],
  );
});
