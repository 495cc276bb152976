import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pylock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// A PEP 751 lock: index packages (one only for the dev group), a git checkout without a version, a
// private index and the project's own directory. Written for this test.
const LOCK = `lock-version = "1.0"
requires-python = ">=3.11"
dependency-groups = ["dev"]
created-by = "uv"

[[packages]]
name = "Requests"
version = "2.32.3"
index = "https://pypi.org/simple"
dependencies = [{ name = "urllib3" }]
sdist = { url = "https://files.pythonhosted.org/requests-2.32.3.tar.gz", size = 131218, hashes = { sha256 = "55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760" } }

[[packages]]
name = "urllib3"
version = "2.3.0"
index = "https://pypi.org/simple"

[[packages]]
name = "ruff"
version = "0.9.6"
marker = "'dev' in dependency_groups"
index = "https://pypi.org/simple"

[[packages]]
name = "billing-client"
version = "1.4.0"
index = "https://pypi.internal.example/simple"

[[packages]]
name = "tinyparse"
vcs = { type = "git", url = "https://github.com/example/tinyparse.git", commit-id = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432" }

[[packages]]
name = "shop"
directory = { path = ".", editable = true }
`;

test('pylock.toml: packages by source, a dev-group marker dev, a git commit as version, the project itself left out', () => {
  const inv = extract({ path: 'pylock.toml', text: LOCK });
  assert.deepEqual(
    inv.components.map((c) => `${c.purl} ${c.scope}`),
    [
      'pkg:pypi/requests@2.32.3 required',
      'pkg:pypi/urllib3@2.3.0 required',
      'pkg:pypi/ruff@0.9.6 excluded',
      'pkg:pypi/billing-client@1.4.0?repository_url=https:%2F%2Fpypi.internal.example%2Fsimple required',
      'pkg:pypi/tinyparse@9f8e7d6c5b4a39281706f5e4d3c2b1a098765432?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fexample%2Ftinyparse.git%409f8e7d6c5b4a39281706f5e4d3c2b1a098765432 required',
    ].sort(),
  );
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:pypi/requests@2.32.3'], ['pkg:pypi/urllib3@2.3.0']);
});

test('pylock.toml: a lock-version this reader does not know is refused, naming it', () => {
  assert.throws(
    () => extract({ path: 'pylock.toml', text: 'lock-version = "2.0"\n' }),
    (e: unknown) => e instanceof LockfileError && /lock-version 2\.0 is not one this reader knows/.test(e.message),
  );
});
