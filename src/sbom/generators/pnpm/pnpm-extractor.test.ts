import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pnpm-extractor.js';

// A pnpm 9 workspace whose member packages keep their own tooling in devDependencies (the usual
// monorepo layout). Written for this test.
const WORKSPACE = `lockfileVersion: '9.0'

importers:

  .:
    devDependencies:
      linter:
        specifier: ^2.0.0
        version: 2.1.0

  packages/api:
    dependencies:
      router:
        specifier: ^1.0.0
        version: 1.4.0
    devDependencies:
      bundler:
        specifier: ^5.0.0
        version: 5.0.3
      router:
        specifier: ^1.0.0
        version: 1.4.0

packages:

  bundler@5.0.3:
    resolution: {integrity: sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg==}

  linter@2.1.0:
    resolution: {integrity: sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg==}

  paths@0.2.0:
    resolution: {integrity: sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg==}

  router@1.4.0:
    resolution: {integrity: sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg==}

snapshots:

  bundler@5.0.3:
    dependencies:
      paths: 0.2.0

  linter@2.1.0: {}

  paths@0.2.0: {}

  router@1.4.0: {}
`;

test("pnpm workspace: a member's devDependencies are dev, though the member itself ships", () => {
  const inv = extract({ path: 'pnpm-lock.yaml', text: WORKSPACE });
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.deepEqual(scopes, { api: 'prod', bundler: 'dev', linter: 'dev', paths: 'dev', router: 'prod' });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['npm:pnpm-lock.yaml#workspace:packages/api'], [
    'pkg:npm/bundler@5.0.3',
    'pkg:npm/router@1.4.0',
  ]);
});

// pnpm 9 names a tarball of the project `name@file:path` (v6 wrote `file:path`). Written for this test.
const LOCAL_TARBALL = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      vendored:
        specifier: file:vendor/vendored-1.0.0.tgz
        version: file:vendor/vendored-1.0.0.tgz
      '@scope/tool':
        specifier: file:tools/tool
        version: file:tools/tool

packages:

  vendored@file:vendor/vendored-1.0.0.tgz:
    resolution: {integrity: sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg==, tarball: file:vendor/vendored-1.0.0.tgz}
    version: 1.0.0

  '@scope/tool@file:tools/tool':
    resolution: {directory: tools/tool, type: directory}
    version: 0.1.0

snapshots:

  vendored@file:vendor/vendored-1.0.0.tgz: {}

  '@scope/tool@file:tools/tool': {}
`;

test('pnpm 9: a tarball or folder of the project (name@file:…) is local, with no registry purl', () => {
  const inv = extract({ path: 'pnpm-lock.yaml', text: LOCAL_TARBALL });
  assert.deepEqual(
    inv.components.map((c) => [c.name, c.version, c.purl]),
    [
      ['tool', '0.1.0', undefined],
      ['vendored', '1.0.0', undefined],
    ],
  );
  assert.deepEqual(inv.issues, []);
});

test('pnpm workspace: a member is named, versioned and licensed by its own package.json', () => {
  const inv = extract({
    path: 'pnpm-lock.yaml',
    text: WORKSPACE,
    readRelated: (p) =>
      p === 'packages/api/package.json' ? '{"name":"@shop/api","version":"2.3.0","license":"Apache-2.0"}' : undefined,
  });
  const api = inv.components.find((c) => c.ref === 'npm:pnpm-lock.yaml#workspace:packages/api')!;
  assert.deepEqual([api.group, api.name, api.version, api.purl], ['@shop', 'api', '2.3.0', undefined]);
  assert.equal(api.licenses.declared?.expression, 'Apache-2.0');
});
