import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pdm-extractor.js';

// pdm locking for several Python versions keeps one entry per version of a name, each with its
// marker. Written for this test in pdm.lock's layout.
const LOCK = `[metadata]
groups = ["default"]
strategy = ["inherit_metadata"]
lock_version = "4.5.0"
content_hash = "sha256:0000"

[[package]]
name = "arith"
version = "1.26.4"
requires_python = ">=3.9"
marker = "python_version < \\"3.12\\""
groups = ["default"]
files = []

[[package]]
name = "arith"
version = "2.1.0"
requires_python = ">=3.10"
marker = "python_version >= \\"3.12\\""
groups = ["default"]
files = []

[[package]]
name = "arith"
version = "2.1.0"
extras = ["speed"]
requires_python = ">=3.10"
groups = ["default"]
dependencies = ["arith==2.1.0"]
files = []
`;

test('pdm.lock: a name locked at one version per marker keeps every version; an extras entry is the same package', () => {
  const inv = extract({ path: 'pdm.lock', text: LOCK });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), ['pkg:pypi/arith@1.26.4', 'pkg:pypi/arith@2.1.0']);
  assert.ok(inv.components.every((c) => c.dependencyScope === 'prod'));
});
