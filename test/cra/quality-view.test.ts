// The probes' view of a document walks the graph on node numbers (issue 13 item 5). What it answers
// — which refs are reachable from the primary component, which refs dangle, which component a ref
// names — must be what a plain walk over the refs themselves answers, on graphs with the cases that
// differ: refs only the graph names (also in the middle of a path), nested components, a ref carried
// by two components, cycles, a ref listed twice, no primary at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildView } from '../../src/cra/profiles/index.js';
import { emptySbom, type Component, type Sbom } from '../../src/model/index.js';
import { libraryComponent } from '../support/components.js';

function component(ref: string, nested: Component[] = []): Component {
  return libraryComponent(ref, nested.length ? { components: nested } : {});
}

/** The plain walk: refs in a set, the graph's lists and the first component of each ref. */
function plainWalk(sbom: Sbom) {
  const all: Component[] = [];
  const flatten = (list: Component[] | undefined) => {
    for (const c of list ?? []) {
      all.push(c);
      flatten(c.components);
    }
  };
  if (sbom.metadata.component) all.push(sbom.metadata.component);
  flatten(sbom.components);
  const byRef = new Map<string, Component>();
  for (const c of all) if (!byRef.has(c.ref)) byRef.set(c.ref, c);
  const dependsOn = new Map<string, string[]>();
  const dangling = new Set<string>();
  for (const d of sbom.dependencies) {
    dependsOn.set(d.ref, [...(dependsOn.get(d.ref) ?? []), ...d.dependsOn]);
    for (const r of [d.ref, ...d.dependsOn]) if (!byRef.has(r)) dangling.add(r);
  }
  const reachable = new Set<string>();
  const stack = sbom.metadata.component ? [sbom.metadata.component.ref] : [];
  while (stack.length) {
    const ref = stack.pop()!;
    if (reachable.has(ref)) continue;
    reachable.add(ref);
    stack.push(...(dependsOn.get(ref) ?? []), ...(byRef.get(ref)?.components ?? []).map((c) => c.ref));
  }
  return { byRef, reachable, dangling: [...dangling].sort() };
}

function sbomOf(primary: Component | undefined, components: Component[], edges: [string, string[]][]): Sbom {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  if (primary) sbom.metadata.component = primary;
  sbom.components = components;
  sbom.dependencies = edges.map(([ref, dependsOn]) => ({ ref, dependsOn }));
  return sbom;
}

const twin = component('b');
const cases: [string, Sbom][] = [
  [
    'a path through refs no component carries',
    sbomOf(
      component('root'),
      [component('a'), component('b'), component('c'), component('lost')],
      [
        ['root', ['a', 'ghost']],
        ['ghost', ['b', 'phantom']],
        ['phantom', ['c']],
        ['orphan', ['lost']],
      ],
    ),
  ],
  [
    'nested components, a ref carried twice, a cycle, a ref listed twice',
    sbomOf(
      component('root', [component('inner', [component('deep')])]),
      [component('a'), twin, component('b', [component('only-in-second-b')]), component('z')],
      [
        ['root', ['a']],
        ['a', ['b']],
        ['b', ['a']],
        ['a', ['x']],
        ['x', []],
      ],
    ),
  ],
  ['no primary', sbomOf(undefined, [component('a'), component('b')], [['a', ['b', 'none']]])],
  ['no graph', sbomOf(component('root'), [component('a')], [])],
];

for (const [name, sbom] of cases) {
  test(`view of a document (${name}): reachable, dangling and byRef agree with a plain walk`, () => {
    const view = buildView(sbom);
    const plain = plainWalk(sbom);
    const refs = new Set<string>(['nowhere']);
    for (const d of sbom.dependencies) for (const r of [d.ref, ...d.dependsOn]) refs.add(r);
    const everyRef = (list: Component[] | undefined): void => {
      for (const c of list ?? []) {
        refs.add(c.ref);
        everyRef(c.components);
      }
    };
    everyRef([...(sbom.metadata.component ? [sbom.metadata.component] : []), ...sbom.components]);
    for (const ref of refs) {
      assert.equal(view.reachable.has(ref), plain.reachable.has(ref), `reachable ${ref}`);
      assert.equal(view.byRef.has(ref), plain.byRef.has(ref), `byRef.has ${ref}`);
      assert.equal(view.byRef.get(ref), plain.byRef.get(ref), `byRef.get ${ref}`);
    }
    assert.deepEqual(view.danglingRefs, plain.dangling);
  });
}

test('a graph of 20k components in one chain is walked without deep recursion', () => {
  const n = 20_000;
  const components = Array.from({ length: n }, (_, i) => component(`c${i}`));
  const edges: [string, string[]][] = [
    ['root', ['c0']],
    ...components.slice(0, -1).map((c, i): [string, string[]] => [c.ref, [`c${i + 1}`]]),
  ];
  const view = buildView(sbomOf(component('root'), components, edges));
  assert.equal(view.reachable.has(`c${n - 1}`), true);
  assert.equal(view.reachable.has('c-none'), false);
});
