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
