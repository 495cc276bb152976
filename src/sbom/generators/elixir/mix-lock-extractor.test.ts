import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './mix-lock-extractor.js';

// Two hex packages, one depending on the other under another name (an alias); the tuple's own
// repo and outer checksum come after the lists. Written for this test.
const OUTER = 'c5d0f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d';
const LOCK = `%{
  "my_json": {:hex, :jason, "1.4.1", "aaaa", [:mix], [{:decimal, "~> 1.0 or ~> 2.0", [hex: :decimal, repo: "hexpm", optional: true]}], "hexpm", "${OUTER}"},
  "web": {:hex, :plug, "1.15.3", "bbbb", [:mix], [{:my_json, "~> 1.4", [hex: :jason, repo: "hexpm", optional: false]}], "hexpm", "${OUTER}"},
}
`;

test('mix.lock: the repo and checksum are the tuple’s own, not those in its dependency list', () => {
  const inv = extract({ path: 'mix.lock', text: LOCK });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), ['pkg:hex/jason@1.4.1', 'pkg:hex/plug@1.15.3']);
  for (const c of inv.components) assert.deepEqual(c.hashes, [{ alg: 'SHA-256', content: OUTER }], c.name);
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(edges['pkg:hex/plug@1.15.3'], ['pkg:hex/jason@1.4.1']);
  // What nothing else requires stands in for the direct dependencies.
  assert.deepEqual(edges['project:mix.lock'], ['pkg:hex/plug@1.15.3']);
  assert.equal(inv.completeness, 'incomplete');
});

// A git dependency followed on a branch, and one on a tag. Written for this test.
const GIT_LOCK = `%{
  "mailer_adapter": {:git, "https://github.com/example/mailer_adapter.git", "c6a7f3d1b7a4e5c9ec802ace64b5bb526504c25a", [branch: "main"]},
  "tz_rules": {:git, "https://github.com/example/tz_rules.git", "0d5e1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a697887", [tag: "v2.1.0"]},
}
`;

test('mix.lock: a git dependency has its pinned commit (or its tag) as version and a purl naming the repository', () => {
  const inv = extract({ path: 'mix.lock', text: GIT_LOCK });
  const byName = Object.fromEntries(inv.components.map((c) => [c.name, c]));
  assert.equal(byName.mailer_adapter?.version, 'c6a7f3d1b7a4e5c9ec802ace64b5bb526504c25a');
  assert.equal(
    byName.mailer_adapter?.purl,
    'pkg:hex/mailer_adapter@c6a7f3d1b7a4e5c9ec802ace64b5bb526504c25a?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fexample%2Fmailer_adapter.git%40c6a7f3d1b7a4e5c9ec802ace64b5bb526504c25a',
  );
  assert.equal(byName.tz_rules?.version, 'v2.1.0');
  assert.match(byName.tz_rules?.purl ?? '', /^pkg:hex\/tz_rules@v2\.1\.0\?vcs_url=/);
});
