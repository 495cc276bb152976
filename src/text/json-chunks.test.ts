import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonChunks } from './json-chunks.js';

const same = (value: unknown, indent = 2, depth = 2) =>
  assert.equal([...jsonChunks(value, indent, depth)].join(''), JSON.stringify(value, null, indent));

test('joined, the pieces are the text JSON.stringify writes', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 2, { c: 'x\ny' }], d: {}, e: [], f: null, g: true },
    [],
    {},
    [[], {}, [[]], [{}], 'é\u2028😀', -0, 1e21],
    { skipped: undefined, fn: () => 1, kept: 'k', list: [undefined, () => 2, Symbol('s'), 3] },
    { when: new Date(0), nested: { when: new Date(1), deeper: { x: [1, { y: 'z' }] } } },
    { '': 'empty key', 'quote"key': 'a\\b', 'line\nkey': { x: 1 } },
    [{ only: undefined }, { a: undefined, b: 2 }],
    'plain string',
    42,
    null,
  ];
  for (const value of values)
    for (const indent of [1, 2, 4]) for (const depth of [0, 1, 2, 3, 6]) same(value, indent, depth);
  assert.equal([...jsonChunks({ a: [1] }, 0)].join(''), JSON.stringify({ a: [1] }));
});

test('random nested documents agree at every depth', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const make = (level: number): unknown => {
    const r = next();
    if (level > 4 || r < 0.3) return [null, 'str"\n\t', 3.5, false, undefined, '\u0000'][Math.floor(next() * 6)];
    if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => make(level + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, make(level + 1)]));
  };
  for (let i = 0; i < 300; i++) {
    const value = make(0);
    // JSON.stringify gives no text at all for a bare undefined; the encoders never pass one.
    if (value === undefined) continue;
    for (const depth of [1, 2, 4]) same(value, 2, depth);
  }
});

test('a large list comes in many pieces, none of them the whole', () => {
  const document = { packages: Array.from({ length: 1000 }, (_, i) => ({ name: `p${i}`, version: '1' })) };
  const pieces = [...jsonChunks(document)];
  assert.ok(pieces.length > 1000);
  assert.ok(Math.max(...pieces.map((p) => p.length)) < 100);
});
