import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonInSlices } from './json-in-slices.js';

let turns = 0;
const turn = async () => {
  turns++;
};

/** The same value as JSON.parse, key order and own `__proto__` included. */
async function same(text: string, sliceChars: number): Promise<void> {
  const expected: unknown = JSON.parse(text);
  const actual = await parseJsonInSlices(text, turn, sliceChars);
  assert.deepStrictEqual(actual, expected);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), 'key order');
}

test('gives what JSON.parse gives, whatever the slice', async () => {
  const values: unknown[] = [
    {
      blockers: [[{ a: 1 }, { b: 'x"y\\' }], [], [{ c: [1, 2, 3] }]],
      usages: [{ u: 1 }, { u: 2 }],
      places: { p: ['q'] },
    },
    [1, 'two', null, true, false, -0.5e-3, { '': [] }, [[[]]], '\\', '\\"', 'é😀\u2028'],
    { 2: 'a', 1: 'b', x: 'c', 10: 'd' },
    { nested: { deeper: { deepest: Array.from({ length: 50 }, (_, i) => ({ i, s: `v${i}\n` })) } } },
  ];
  for (const value of values)
    for (const indent of [0, 2])
      for (const slice of [1, 8, 40, 1000]) await same(JSON.stringify(value, null, indent), slice);
  // Duplicate keys: the last value, at the first key's place.
  await same('{"a": 1, "b": [1,2,3,4,5,6,7,8,9], "a": {"x": [1,2,3,4,5,6]}}', 8);
  // An own "__proto__" key, never the object's prototype.
  const text = '{"__proto__": {"polluted": [1,2,3,4,5,6,7,8,9]}, "k": [1,2,3,4,5,6,7,8,9]}';
  const parsed = (await parseJsonInSlices(text, turn, 8)) as Record<string, unknown>;
  assert.ok(Object.hasOwn(parsed, '__proto__'));
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  await same(text, 8);
});

test('the event loop gets turns on a large text', async () => {
  turns = 0;
  const details = {
    blockers: [Array.from({ length: 20_000 }, (_, i) => ({ kind: 'k', message: `blocker ${i}` })), []],
    usages: Array.from({ length: 10_000 }, (_, i) => ({ usageId: i })),
  };
  await same(JSON.stringify(details), 64 * 1024);
  assert.ok(turns > 10, `${turns} turns`);
});

test('text that is not JSON fails with the error JSON.parse gives', async () => {
  for (const text of [
    '{"a": [1, 2,, 3], "b": "xxxxxxxxxxxxxxxxxxxxxx"}',
    '[1, 2, 3] trailing',
    '{"a": 1 "b": 2, "c": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}',
    '[{"a": 1}, {"b": 2}, {"c": 3}, [}]',
    '{"unterminated": "xxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10,]',
    '{"a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], }',
  ]) {
    let expected: unknown;
    try {
      JSON.parse(text);
    } catch (err) {
      expected = err;
    }
    assert.ok(expected instanceof SyntaxError, text);
    await assert.rejects(parseJsonInSlices(text, turn, 4), { name: 'SyntaxError', message: expected.message });
  }
});

test('random documents agree at several slice sizes', async () => {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const make = (level: number): unknown => {
    const r = next();
    if (level > 4 || r < 0.3) return [null, 'a"\\\n', 1.25, true, '', '\u0000'][Math.floor(next() * 6)];
    if (r < 0.65) return Array.from({ length: Math.floor(next() * 5) }, () => make(level + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, (_, i) => [`k${i % 3}`, make(level + 1)]));
  };
  for (let i = 0; i < 300; i++) {
    const text = JSON.stringify(make(0), null, i % 2 ? 1 : 0);
    for (const slice of [2, 16, 64]) await same(text, slice);
  }
});
