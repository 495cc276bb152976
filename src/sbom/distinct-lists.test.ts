import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DistinctLists } from './distinct-lists.js';

test('each source keeps its distinct targets in first-seen order, short lists and long ones alike', () => {
  const lists = new DistinctLists<string>();
  const added: boolean[] = [];
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < 40; i++) added.push(lists.add('root', `c${i}`), lists.add(`p${i % 3}`, `c${i}`));
  assert.deepEqual(
    lists.lists.get('root'),
    Array.from({ length: 40 }, (_, i) => `c${i}`),
  );
  assert.equal(lists.lists.get('p1')!.length, 13);
  assert.equal(added.filter(Boolean).length, 80);
});

test('a list that also grew outside add (a copied first entry, duplicates and all) is still searched whole', () => {
  const map = new Map([['root', Array.from({ length: 20 }, (_, i) => `c${i % 18}`)]]);
  const lists = new DistinctLists(map);
  assert.equal(lists.add('root', 'c17'), false);
  assert.equal(lists.add('root', 'c40'), true);
  map.get('root')!.push('c41');
  assert.equal(lists.add('root', 'c41'), false);
  assert.equal(lists.add('root', 'c42'), true);
  assert.deepEqual(map.get('root')!.slice(-3), ['c40', 'c41', 'c42']);
});

test('adding n children to one parent looks at O(n) list elements, not O(n²)', () => {
  // Counted, not timed: every element Array.prototype.includes is asked to look through.
  const original = Array.prototype.includes;
  let looked = 0;
  Array.prototype.includes = function (this: unknown[], ...args: [unknown, number?]) {
    looked += this.length;
    return original.apply(this, args);
  };
  try {
    const lists = new DistinctLists<string>();
    for (let i = 0; i < 20_000; i++) lists.add('root', `c${i}`);
    for (let i = 0; i < 20_000; i++) lists.add('root', `c${i}`);
    assert.equal(lists.lists.get('root')!.length, 20_000);
  } finally {
    Array.prototype.includes = original;
  }
  // Searched in place only while short: at most 16 elements for each of the 16 first additions.
  assert.ok(looked <= 16 * 16, `${looked}`);
});
