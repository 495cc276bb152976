import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './uv-extractor.js';

// uv splits a resolution into forks by environment marker and locks a name at one version per fork;
// dependency entries then carry the version they mean. Written for this test in uv's own layout.
const FORKED = `version = 1
requires-python = ">=3.9"

[[package]]
name = "app"
version = "1.0.0"
source = { virtual = "." }
dependencies = [
    { name = "frame", version = "1.9.0", marker = "python_full_version < '3.11'" },
    { name = "frame", version = "2.1.0", marker = "python_full_version >= '3.11'" },
]

[package.optional-dependencies]
old = [
    { name = "arith", version = "0.5.0" },
]

[[package]]
name = "arith"
version = "0.5.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "arith"
version = "0.7.2"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "frame"
version = "1.9.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "arith", version = "0.5.0" },
]

[[package]]
name = "frame"
version = "2.1.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "arith", version = "0.7.2" },
]
`;

test('uv.lock: a name locked at several versions (resolution forks) keeps every version and its own edges', () => {
  const inv = extract({ path: 'uv.lock', text: FORKED });
  const byRef = new Map(inv.components.map((c) => [c.ref, c]));
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:pypi/arith@0.5.0',
    'pkg:pypi/arith@0.7.2',
    'pkg:pypi/frame@1.9.0',
    'pkg:pypi/frame@2.1.0',
  ]);
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['project:uv.lock'], ['pkg:pypi/arith@0.5.0', 'pkg:pypi/frame@1.9.0', 'pkg:pypi/frame@2.1.0']);
  assert.deepEqual(edges['pkg:pypi/frame@1.9.0'], ['pkg:pypi/arith@0.5.0']);
  assert.deepEqual(edges['pkg:pypi/frame@2.1.0'], ['pkg:pypi/arith@0.7.2']);
  // Each fork's arith is production through its frame, not only through the optional extra.
  assert.equal(byRef.get('pkg:pypi/arith@0.7.2')?.dependencyScope, 'prod');
  assert.equal(byRef.get('pkg:pypi/arith@0.5.0')?.dependencyScope, 'prod');
  assert.equal(inv.completeness, 'complete');
});

// A dependency that asks for an extra (`web[fast]`) installs that extra's packages too.
const EXTRA = `version = 1
requires-python = ">=3.11"

[[package]]
name = "svc"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "web", extra = ["fast"] },
]

[[package]]
name = "web"
version = "1.0.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "core" },
]

[package.optional-dependencies]
fast = [
    { name = "speedups" },
]
slow = [
    { name = "turtle" },
]

[[package]]
name = "core"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "speedups"
version = "0.3.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "turtle"
version = "0.1.0"
source = { registry = "https://pypi.org/simple" }
`;

test('uv.lock: the packages of an extra a dependency asks for are edges of that package, the other extras are not', () => {
  const inv = extract({ path: 'uv.lock', text: EXTRA });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:pypi/web@1.0.0'], ['pkg:pypi/core@2.0.0', 'pkg:pypi/speedups@0.3.0']);
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.equal(scopes.speedups, 'prod');
  assert.equal(scopes.turtle, undefined);
});

// A uv workspace whose virtual root depends on nothing: its members are listed in `[manifest]`.
// Written for this test.
const WORKSPACE = `version = 1
revision = 2
requires-python = ">=3.12"

[manifest]
members = ["mono", "api"]

[[package]]
name = "api"
version = "0.1.0"
source = { editable = "packages/api" }
dependencies = [{ name = "web" }]

[package.dev-dependencies]
dev = [{ name = "checker" }]

[[package]]
name = "checker"
version = "8.3.4"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "mono"
version = "0.0.0"
source = { virtual = "." }

[[package]]
name = "web"
version = "0.115.6"
source = { registry = "https://pypi.org/simple" }
`;

test('uv.lock workspace: the members are the project’s own packages, their dev groups dev', () => {
  const inv = extract({ path: 'uv.lock', text: WORKSPACE });
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  assert.deepEqual(scopes, { api: 'prod', checker: 'dev', web: 'prod' });
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['project:uv.lock'], ['pypi:uv.lock#api']);
});
