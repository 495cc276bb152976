import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract as poetry } from './poetry-extractor.js';
import { extract as uv } from './uv-extractor.js';
import { extract as pipfile } from './pipfile-extractor.js';

// Packages from a private index and from git, as poetry, uv and pipenv lock them. Written for
// this test.
const POETRY = `[[package]]
name = "billing-core"
version = "0.4.2"
description = ""
optional = false
python-versions = ">=3.9"
groups = ["main"]

[package.source]
type = "legacy"
url = "https://pypi.corp.example/simple"
reference = "corp"

[[package]]
name = "patched-lib"
version = "1.0.0"
description = ""
optional = false
python-versions = "*"
groups = ["main"]

[package.source]
type = "git"
url = "https://github.com/corp/patched-lib.git"
reference = "main"
resolved_reference = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d"

[metadata]
lock-version = "2.1"
`;

const UV = `version = 1
requires-python = ">=3.11"

[[package]]
name = "billing-core"
version = "0.4.2"
source = { registry = "https://pypi.corp.example/simple" }

[[package]]
name = "patched-lib"
version = "1.0.0"
source = { git = "https://github.com/corp/patched-lib.git?branch=main#0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d" }

[[package]]
name = "requests"
version = "2.32.3"
source = { registry = "https://pypi.org/simple" }
`;

const PIPFILE = JSON.stringify({
  _meta: {
    sources: [
      { name: 'corp', url: 'https://pypi.corp.example/simple' },
      { name: 'pypi', url: 'https://pypi.org/simple' },
    ],
  },
  default: {
    'billing-core': { index: 'corp', version: '==0.4.2' },
    requests: { index: 'pypi', version: '==2.32.3' },
  },
});

const PRIVATE = 'pkg:pypi/billing-core@0.4.2?repository_url=https:%2F%2Fpypi.corp.example%2Fsimple';
const GIT =
  'pkg:pypi/patched-lib@1.0.0?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fcorp%2Fpatched-lib.git%400a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d';

test('Python lockfiles: a private index gives repository_url, a git checkout vcs_url; PyPI gives neither', () => {
  const purls = (inv: { components: { purl?: string }[] }) => inv.components.map((c) => c.purl).sort();
  assert.deepEqual(purls(poetry({ path: 'poetry.lock', text: POETRY })), [PRIVATE, GIT]);
  assert.deepEqual(purls(uv({ path: 'uv.lock', text: UV })), [PRIVATE, GIT, 'pkg:pypi/requests@2.32.3']);
  assert.deepEqual(purls(pipfile({ path: 'Pipfile.lock', text: PIPFILE })), [PRIVATE, 'pkg:pypi/requests@2.32.3']);
});
