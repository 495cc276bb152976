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
