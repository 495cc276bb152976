import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, type Component } from '../model/index.js';
import { refGraph } from './graph.js';
import { libraryComponent } from '../../test/support/components.js';

const component = (ref: string, components?: Component[]): Component =>
  libraryComponent(ref, components ? { components } : {});

test('refGraph numbers carried refs first (the first component carrying each), then refs only the graph names', () => {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.metadata.component = component('app', [component('part')]);
  sbom.components = [component('a', [component('a.1')]), component('b'), component('a')];
  sbom.dependencies = [
    { ref: 'app', dependsOn: ['a', 'b'] },
    { ref: 'a', dependsOn: ['ghost', 'a.1'] },
    { ref: 'elsewhere', dependsOn: [] },
  ];
  const graph = refGraph(sbom);
  assert.deepEqual(
    graph.listed.map((c) => c.ref),
    ['app', 'a', 'a.1', 'b', 'a'],
  );
  assert.equal(graph.carried, 4);
  const n = (ref: string) => graph.numberOf.get(ref)!;
  assert.deepEqual(['app', 'a', 'a.1', 'b'].map(n), [0, 1, 2, 3]);
  // The second component with ref "a" has the number of the first, which names it.
  assert.deepEqual([...graph.numberAt], [0, 1, 2, 3, 1]);
  assert.deepEqual(graph.firstAt, [0, 1, 2, 3]);
  // Refs only the graph names follow in the order it names them, then the primary's parts.
  assert.deepEqual(['ghost', 'elsewhere', 'part'].map(n), [4, 5, 6]);
  assert.deepEqual([...graph.entryFrom], [n('app'), n('a'), n('elsewhere')]);
  assert.deepEqual([...graph.entryStart], [0, 2, 4, 4]);
  assert.deepEqual([...graph.sources], [0, 0, 1, 1]);
  assert.deepEqual([...graph.targets], [n('a'), n('b'), n('ghost'), n('a.1')]);
});
