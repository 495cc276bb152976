import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredEdges } from './declared-edges.js';
import type { DeclaredEdge } from './lock-package.js';

const brief = (edges: DeclaredEdge[]) => edges.map((e) => `${e.name}@${e.spec} ${e.kind}${e.mayBeAbsent ? '?' : ''}`);

test('each name once, in the order it first appears; optional wins over prod, a peer or dev never overrides', () => {
  const manifest = {
    dependencies: { a: '^1', b: '^2', c: 3 },
    optionalDependencies: { b: '^2.1', d: '^4' },
    peerDependencies: { a: '*', e: '^5', f: '^6' },
    peerDependenciesMeta: { f: { optional: true }, e: true },
    devDependencies: { c: '^9', g: '^7' },
  };
  assert.deepEqual(brief(declaredEdges(manifest, true)), [
    'a@^1 prod',
    'b@^2.1 optional?',
    'c@ prod',
    'd@^4 optional?',
    'e@^5 peer',
    'f@^6 peer?',
    'g@^7 dev',
  ]);
  assert.deepEqual(brief(declaredEdges(manifest, false)), brief(declaredEdges(manifest, true)).slice(0, 6));
});

test('a long list looks names up the same way as a short one', () => {
  const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, `^${i}`]));
  const edges = declaredEdges(
    {
      dependencies: many,
      optionalDependencies: { p3: '^30', extra: '^1' },
      peerDependencies: { p39: '*', peer: '^2' },
      devDependencies: { p0: '^0', extra: '^5', dev: '^3' },
    },
    true,
  );
  assert.equal(edges.length, 43);
  assert.deepEqual(brief(edges).slice(0, 4), ['p0@^0 prod', 'p1@^1 prod', 'p2@^2 prod', 'p3@^30 optional?']);
  assert.deepEqual(brief(edges).slice(39), ['p39@^39 prod', 'extra@^1 optional?', 'peer@^2 peer', 'dev@^3 dev']);
});

test('fields that are not objects declare nothing', () => {
  assert.deepEqual(declaredEdges({ dependencies: ['a'], optionalDependencies: 'b', peerDependencies: null }, true), []);
});
