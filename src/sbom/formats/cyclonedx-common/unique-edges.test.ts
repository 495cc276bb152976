// The schema wants one dependency entry per ref and each target once per entry. Lists already in that
// form (the merge and the store give them sorted) are written as they are; others are merged, in the
// order each ref and target first appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, type Component } from '../../../model/index.js';
import { encodeBom } from './encode-bom.js';

const library = (ref: string): Component =>
  ({ ref, type: 'library', name: ref, hashes: [], licenses: {}, externalReferences: [], properties: [] }) as Component;

function encodedEdges(dependencies: { ref: string; dependsOn: string[] }[]) {
  const sbom = emptySbom({ id: 'test', specVersion: '1' });
  sbom.components = ['a', 'b', 'c'].map(library);
  sbom.dependencies = dependencies;
  sbom.dependencyCompleteness = 'complete';
  const { bom } = encodeBom(sbom, '1.6');
  return { dependencies: bom.dependencies, compositions: bom.compositions };
}

test('edges already unique are written as they are', () => {
  assert.deepEqual(
    encodedEdges([
      { ref: 'c', dependsOn: ['a', 'b'] },
      { ref: 'a', dependsOn: [] },
    ]),
    {
      dependencies: [{ ref: 'c', dependsOn: ['a', 'b'] }, { ref: 'a' }],
      compositions: [{ aggregate: 'complete', dependencies: ['c', 'a'] }],
    },
  );
});

test('a ref listed twice and a target named twice are merged, first appearance first', () => {
  assert.deepEqual(
    encodedEdges([
      { ref: 'c', dependsOn: ['b', 'a', 'b'] },
      { ref: 'a', dependsOn: [] },
      { ref: 'c', dependsOn: ['c', 'a'] },
    ]),
    {
      dependencies: [{ ref: 'c', dependsOn: ['b', 'a', 'c'] }, { ref: 'a' }],
      compositions: [{ aggregate: 'complete', dependencies: ['c', 'a'] }],
    },
  );
});
