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

// Berry writes a workspace's devDependencies among its `dependencies`; only its package.json says
// which are dev. Written for this test.
const WORKSPACES = `__metadata:
  version: 8
  cacheKey: 10c0

"api@workspace:*, api@workspace:packages/api":
  version: 0.0.0-use.local
  resolution: "api@workspace:packages/api"
  dependencies:
    bundler: "npm:^5.0.0"
    router: "npm:^1.0.0"
  languageName: unknown
  linkType: soft

"bundler@npm:^5.0.0":
  version: 5.0.3
  resolution: "bundler@npm:5.0.3"
  languageName: node
  linkType: hard

"mono@workspace:.":
  version: 0.0.0-use.local
  resolution: "mono@workspace:."
  dependencies:
    api: "workspace:*"
  languageName: unknown
  linkType: soft

"router@npm:^1.0.0":
  version: 1.4.0
  resolution: "router@npm:1.4.0"
  languageName: node
  linkType: hard
`;

test("yarn Berry workspaces: a member's devDependencies (from its package.json) are dev", () => {
  const manifests: Record<string, object> = {
    'package.json': { name: 'mono', private: true, workspaces: ['packages/*'], dependencies: { api: 'workspace:*' } },
    'packages/api/package.json': {
      name: 'api',
      version: '1.0.0',
      dependencies: { router: '^1.0.0' },
      devDependencies: { bundler: '^5.0.0' },
    },
  };
  const inv = extract({
    path: 'yarn.lock',
    text: WORKSPACES,
    readRelated: (p) => (manifests[p] ? JSON.stringify(manifests[p]) : undefined),
  });
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.deepEqual(scopes, { api: 'prod', bundler: 'dev', router: 'prod' });
  // The member's version is its package.json's, not the lockfile's 0.0.0-use.local.
  assert.equal(inv.components.find((c) => c.name === 'api')?.version, '1.0.0');
});

// Yarn classic does not lock workspaces: the root package.json names their folders. Written for
// this test.
const CLASSIC = `# yarn lockfile v1


kleur@^4.1.0:
  version "4.1.5"
  resolved "https://registry.yarnpkg.com/kleur/-/kleur-4.1.5.tgz"

mri@^1.2.0:
  version "1.2.0"
  resolved "https://registry.yarnpkg.com/mri/-/mri-1.2.0.tgz"

tape@^5.7.0:
  version "5.7.5"
  resolved "https://registry.yarnpkg.com/tape/-/tape-5.7.5.tgz"
`;

test('yarn classic workspaces: members from the root package.json, their dependencies and devDependencies scoped', () => {
  const files: Record<string, object> = {
    'package.json': { name: 'mono', private: true, workspaces: ['packages/*'] },
    'packages/core/package.json': {
      name: '@mono/core',
      version: '1.0.0',
      dependencies: { kleur: '^4.1.0' },
      devDependencies: { tape: '^5.7.0' },
    },
    'packages/cli/package.json': {
      name: '@mono/cli',
      version: '1.0.0',
      dependencies: { '@mono/core': '^1.0.0', mri: '^1.2.0' },
    },
  };
  const inv = extract({
    path: 'yarn.lock',
    text: CLASSIC,
    readRelated: (p) => (files[p] ? JSON.stringify(files[p]) : undefined),
    listRelated: (folder) => (folder === 'packages' ? ['cli', 'core', 'docs'] : []),
  });
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.deepEqual(scopes, { cli: 'prod', core: 'prod', kleur: 'prod', mri: 'prod', tape: 'dev' });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['npm:yarn.lock#workspace:packages/cli'], [
    'npm:yarn.lock#workspace:packages/core',
    'pkg:npm/mri@1.2.0',
  ]);
  assert.equal(inv.completeness, 'complete');
});

// A root `resolutions` entry (here a patch) makes Berry key the package by the patch locator, while
// the packages depending on it keep their own range. Written for this test in yarn 4's layout.
const RESOLVED_BY_PATCH = `__metadata:
  version: 8
  cacheKey: 10c0

"cli@workspace:.":
  version: 0.0.0-use.local
  resolution: "cli@workspace:."
  dependencies:
    prompt-kit: "npm:^2.1.0"
  languageName: unknown
  linkType: soft

"prompt-kit@npm:^2.1.0":
  version: 2.1.4
  resolution: "prompt-kit@npm:2.1.4"
  dependencies:
    term-size: "npm:^3.0.0"
  checksum: 10c0/0003
  languageName: node
  linkType: hard

"term-size@npm:3.2.0":
  version: 3.2.0
  resolution: "term-size@npm:3.2.0"
  checksum: 10c0/0004
  languageName: node
  linkType: hard

"term-size@patch:term-size@npm%3A3.2.0#~/.yarn/patches/term-size.patch":
  version: 3.2.0
  resolution: "term-size@patch:term-size@npm%3A3.2.0#~/.yarn/patches/term-size.patch::version=3.2.0&hash=77aa01"
  checksum: 10c0/0005
  languageName: node
  linkType: hard
`;

test('yarn Berry: a range rewritten by a root resolution resolves to the one package of that name', () => {
  const inv = extract({ path: 'yarn.lock', text: RESOLVED_BY_PATCH });
  assert.deepEqual(
    inv.issues.filter((i) => i.code === 'unresolved-dependency').map((i) => i.message),
    [],
  );
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:npm/prompt-kit@2.1.4'], ['pkg:npm/term-size@3.2.0']);
  assert.equal(inv.completeness, 'complete');
});
