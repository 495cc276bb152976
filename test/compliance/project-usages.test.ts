// Issue 9: a document split into projects (the inventory of a repository with several lockfiles)
// gives each component one usage per project that reaches it, and top-level edges per project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, type Component } from '../../src/model/index.js';
import { planImport } from '../../src/compliance/release-plan.js';

const component = (ref: string, name: string, extra: Partial<Component> = {}): Component => ({
  ref,
  type: 'library',
  name,
  version: '1.0.0',
  purl: `pkg:npm/${name}@1.0.0`,
  hashes: [],
  licenses: {},
  externalReferences: [],
  properties: [],
  ...extra,
});

function twoServices() {
  const sbom = emptySbom({ id: 'vigie-inventory', specVersion: '1' });
  const api = component('project:api/package-lock.json', 'api', {
    type: 'application',
    purl: undefined,
    evidence: ['api/package-lock.json'],
  });
  const web = component('project:web/yarn.lock', 'web', {
    type: 'application',
    purl: undefined,
    evidence: ['web/yarn.lock'],
  });
  const notes = component('README.md', 'README.md', { type: 'file', purl: undefined });
  sbom.metadata.component = component('primary', 'repo', {
    type: 'application',
    purl: undefined,
    components: [api, web, notes],
  });
  sbom.components = [
    component('a', 'express'),
    component('b', 'lodash'), // shared by both services
    component('c', 'react'),
    component('d', 'left-pad', { evidence: ['web/yarn.lock'] }), // no edge reaches it: its file says where it is
    component('e', 'orphan'),
  ];
  sbom.dependencies = [
    { ref: 'primary', dependsOn: [api.ref, web.ref] },
    { ref: api.ref, dependsOn: ['a'] },
    { ref: 'a', dependsOn: ['b'] },
    { ref: web.ref, dependsOn: ['c', 'b'] },
  ];
  return sbom;
}

test('one usage per project that reaches the component; unreached ones by their file, else the root project', () => {
  const plan = planImport(twoServices());
  const usages = plan.usages
    .map((u) => `${plan.components[plan.versions[u.version]!.component]!.name}:${u.project}`)
    .sort();
  assert.deepEqual(usages, ['express:api', 'left-pad:web', 'lodash:api', 'lodash:web', 'orphan:', 'react:web']);
  // Each project's direct dependencies are top-level edges of that project.
  const top = plan.edges
    .filter((e) => e.parent === null)
    .map((e) => `${e.project}>${plan.components[plan.versions[e.child]!.component]!.name}`)
    .sort();
  assert.deepEqual(top, ['api>express', 'web>lodash', 'web>react']);
});

test('--project puts every usage in that project; a document without projects stays in the root project', () => {
  const forced = planImport(twoServices(), 'backend');
  assert.deepEqual([...new Set(forced.usages.map((u) => u.project))], ['backend']);
  assert.equal(forced.usages.length, 5);
  assert.deepEqual([...new Set(forced.edges.map((e) => e.project))], ['backend']);

  const flat = twoServices();
  flat.metadata.component!.components = undefined;
  assert.deepEqual([...new Set(planImport(flat).usages.map((u) => u.project))], ['']);
});

test('two projects with one name are told apart by their file', () => {
  const sbom = twoServices();
  for (const p of sbom.metadata.component!.components!) if (p.type === 'application') p.name = 'service';
  const plan = planImport(sbom);
  assert.deepEqual([...new Set(plan.usages.map((u) => u.project))].sort(), [
    '',
    'service (api/package-lock.json)',
    'service (web/yarn.lock)',
  ]);
});
