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
