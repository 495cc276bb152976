import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './bun-extractor.js';

// A bun workspace: the member keeps its tooling in devDependencies and has its own copy of a
// package the root also uses at another version (`api/schema`). Written for this test.
const LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "mono",
      "dependencies": { "api": "workspace:*", "schema": "^3.0.0" },
    },
    "packages/api": {
      "name": "api",
      "version": "1.0.0",
      "dependencies": { "schema": "^4.0.0" },
      "devDependencies": { "bundler": "^5.0.0" },
    },
  },
  "packages": {
    "api": ["api@workspace:packages/api"],
    "bundler": ["bundler@5.0.3", "", {}, "sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg=="],
    "schema": ["schema@3.24.2", "", {}, "sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg=="],
    "api/schema": ["schema@4.0.1", "", {}, "sha512-9MAXGOe0w6AQgYUIHvZEX1mr8DJeJGgAbBT3Ip1B5hyX8Uk8CWXIhaQY86fhF2iNF8mBvLa1qJcAUxNlFVZMdg=="],
  }
}
`;

test("bun workspace: a member's devDependencies are dev, and it uses its own copy of a package", () => {
  const inv = extract({ path: 'bun.lock', text: LOCK });
  const scopes = Object.fromEntries(inv.components.map((c) => [`${c.name}@${c.version ?? ''}`, c.dependencyScope]));
  assert.deepEqual(scopes, { 'api@': 'prod', 'bundler@5.0.3': 'dev', 'schema@3.24.2': 'prod', 'schema@4.0.1': 'prod' });
  const api = inv.components.find((c) => c.name === 'api')!;
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges[api.ref], ['pkg:npm/bundler@5.0.3', 'pkg:npm/schema@4.0.1']);
});

test('bun git dependencies take the locked commit as version and a vcs_url (ADR 48)', () => {
  // As bun 1.2 writes them: the spec with its ref, the metadata, then `owner-repo-<commit>`.
  const text = JSON.stringify({
    lockfileVersion: 1,
    workspaces: {
      '': {
        name: 'app',
        dependencies: {
          'is-even': 'github:jonschlinkert/is-even',
          tiny: 'git+https://git.example.org/tiny.git#1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c',
        },
      },
    },
    packages: {
      'is-even': ['is-even@github:jonschlinkert/is-even', {}, 'jonschlinkert-is-even-7f3a0c4'],
      tiny: ['tiny@git+https://git.example.org/tiny.git#1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c', {}, 'tiny-1f2e3d4'],
      branchy: ['branchy@github:someone/branchy#main', {}, 'someone-branchy'],
    },
  });
  const byName = new Map(extract({ path: 'bun.lock', text }).components.map((c) => [c.name, c]));
  assert.equal(byName.get('is-even')?.version, '7f3a0c4');
  assert.equal(
    byName.get('is-even')?.purl,
    'pkg:npm/is-even@7f3a0c4?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fjonschlinkert%2Fis-even%407f3a0c4',
  );
  assert.equal(byName.get('tiny')?.version, '1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c');
  assert.match(byName.get('tiny')?.purl ?? '', /vcs_url=git%2Bhttps:%2F%2Fgit\.example\.org%2Ftiny\.git%401f2e3d4c/);
  // A branch bun did not resolve in the file: no version is made up, no purl.
  assert.equal(byName.get('branchy')?.version, undefined);
  assert.equal(byName.get('branchy')?.purl, undefined);
  assert.deepEqual(byName.get('branchy')?.externalReferences, [{ type: 'vcs', url: 'github:someone/branchy#main' }]);
});
