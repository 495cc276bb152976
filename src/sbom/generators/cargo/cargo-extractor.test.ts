import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './cargo-extractor.js';

// The same crate from crates.io and from a git fork: Cargo names the git one in dependency lists by
// its source without the locked commit. Written for this test in Cargo's v3 layout.
const GIT_AND_REGISTRY = `version = 3

[[package]]
name = "demo"
version = "0.1.0"
dependencies = [
 "parser",
 "tokens 2.0.0 (git+https://example.org/forks/tokens.git?branch=fix)",
]

[[package]]
name = "parser"
version = "0.3.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "tokens 2.0.0 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "tokens"
version = "2.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "tokens"
version = "2.0.0"
source = "git+https://example.org/forks/tokens.git?branch=fix#0123456789abcdef0123456789abcdef01234567"
`;

test('Cargo.lock: a git dependency named without its locked commit resolves; its vcs_url is git+<url>@<commit>', () => {
  const inv = extract({ path: 'Cargo.lock', text: GIT_AND_REGISTRY });
  assert.deepEqual(inv.issues, []);
  assert.equal(inv.completeness, 'complete');
  const gitPurl =
    'pkg:cargo/tokens@2.0.0?vcs_url=git%2Bhttps:%2F%2Fexample.org%2Fforks%2Ftokens.git%400123456789abcdef0123456789abcdef01234567';
  const git = inv.components.find((c) => c.purl === gitPurl);
  assert.ok(git, inv.components.map((c) => c.purl).join(' '));
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  const demo = inv.components.find((c) => c.name === 'demo')!;
  assert.deepEqual(edges[demo.ref], ['pkg:cargo/parser@0.3.0', gitPurl]);
  assert.deepEqual(edges['pkg:cargo/parser@0.3.0'], ['pkg:cargo/tokens@2.0.0']);
  assert.equal(git.dependencyScope, 'prod');
});

// A virtual workspace: the members' Cargo.toml files say which of their dependencies are dev-only.
// Written for this test.
const WORKSPACE_LOCK = `version = 4

[[package]]
name = "bench-kit"
version = "0.5.1"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "numfmt",
]

[[package]]
name = "core"
version = "0.1.0"
dependencies = [
 "bench-kit",
 "numfmt",
]

[[package]]
name = "numfmt"
version = "1.2.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
`;

test('Cargo.lock workspace: a member’s dev-dependencies (from its Cargo.toml) are dev', () => {
  const files: Record<string, string> = {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
    'crates/core/Cargo.toml':
      '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nnumfmt = "1"\n\n[dev-dependencies]\nbench = { package = "bench-kit", version = "0.5" }\n',
  };
  const inv = extract({
    path: 'Cargo.lock',
    text: WORKSPACE_LOCK,
    readRelated: (p) => files[p],
    listRelated: (folder) => (folder === 'crates' ? ['core'] : []),
  });
  const scopes = Object.fromEntries(inv.components.map((c) => [c.name, c.dependencyScope]));
  // numfmt is also needed by core itself: production, though bench-kit (dev) needs it too.
  assert.deepEqual(scopes, { 'bench-kit': 'dev', core: 'prod', numfmt: 'prod' });
});
