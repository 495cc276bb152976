import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './yarn-extractor.js';

// Yarn Berry keys a relative descriptor (a portal, a patch file of the project) with the workspace
// that declares it (`::locator=…`); the workspace's dependency list names it without. Written for
// this test in yarn 4's layout.
const BERRY = `__metadata:
  version: 8
  cacheKey: 10c0

"shop@workspace:.":
  version: 0.0.0-use.local
  resolution: "shop@workspace:."
  dependencies:
    colors: "patch:colors@npm%3A1.4.0#./.yarn/patches/colors-npm-1.4.0.patch"
    widgets: "portal:./vendor/widgets"
  languageName: unknown
  linkType: soft

"colors@npm:1.4.0":
  version: 1.4.0
  resolution: "colors@npm:1.4.0"
  checksum: 10c0/0001
  languageName: node
  linkType: hard

"colors@patch:colors@npm%3A1.4.0#./.yarn/patches/colors-npm-1.4.0.patch::locator=shop%40workspace%3A.":
  version: 1.4.0
  resolution: "colors@patch:colors@npm%3A1.4.0#./.yarn/patches/colors-npm-1.4.0.patch::version=1.4.0&hash=9f8e7d&locator=shop%40workspace%3A."
  checksum: 10c0/0002
  languageName: node
  linkType: hard

"widgets@portal:./vendor/widgets::locator=shop%40workspace%3A.":
  version: 0.0.0-use.local
  resolution: "widgets@portal:./vendor/widgets::locator=shop%40workspace%3A."
  languageName: node
  linkType: soft
`;

test('yarn Berry: descriptors bound to their workspace (::locator=) resolve from the unbound form', () => {
  const inv = extract({ path: 'yarn.lock', text: BERRY });
  assert.deepEqual(inv.issues, []);
  assert.equal(inv.completeness, 'complete');
  const direct = inv.dependencies.find((d) => d.ref === 'project:yarn.lock')!.dependsOn;
  const widgets = inv.components.find((c) => c.name === 'widgets')!;
  assert.deepEqual(direct, [widgets.ref, 'pkg:npm/colors@1.4.0'].sort());
  assert.equal(widgets.purl, undefined, 'a portal is local: no registry purl');
  assert.equal(widgets.dependencyScope, 'prod');
});
