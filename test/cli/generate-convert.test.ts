// The whole CLI chain on a real installed project (this repository): generate its SBOM from the
// lockfile and node_modules, convert it to every output format, validate each against its official
// schema, and diff it against the original: conversions must not lose components, licences or edges
// (KISSBOM has no graph, which the diff must then report).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie } from './run-cli.js';
import { REPO_ROOT } from '../support/corpora.js';

let dir: string;
let original: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-generate-'));
  original = join(dir, 'vigie.cdx.json');
  const r = await vigie(['sbom', 'generate', REPO_ROOT, '-o', original, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('generated SBOM of this repository is schema-valid and names its real dependencies', async () => {
  const v = await vigie(['sbom', 'validate', original, '--json']);
  assert.equal(v.code, 0, v.stdout);
  const inspect = JSON.parse((await vigie(['sbom', 'inspect', original, '--json'])).stdout);
  assert.equal(inspect.format, 'cyclonedx-json');
  assert.equal(inspect.primaryComponent, 'vigie@0.1.0');
  assert.ok(inspect.components > 100, `components: ${inspect.components}`);
  const shown = JSON.stringify(inspect.topLicenses);
  assert.match(shown, /MIT/);
});

const TARGETS = [
  'cyclonedx-json@1.7',
  'cyclonedx-xml@1.6',
  'cyclonedx-xml@1.7',
  'spdx-json@2.3',
  'spdx-tagvalue@2.3',
  'spdx3-jsonld@3.0.1',
];

for (const target of TARGETS) {
  test(`convert to ${target}: schema-valid and no differences with the original`, async () => {
    const out = join(dir, `out-${target}`);
    const c = await vigie(['sbom', 'convert', original, '--to', target, '-o', out]);
    assert.equal(c.code, 0, c.stderr);
    const v = await vigie(['sbom', 'validate', out, '--json']);
    const report = JSON.parse(v.stdout);
    assert.deepEqual(report.schema.violations, []);
    assert.equal(v.code, 0, v.stdout.slice(0, 2000));
    const d = await vigie(['sbom', 'diff', original, out, '--json']);
    const diff = JSON.parse(d.stdout);
    assert.equal(d.code, 0, JSON.stringify(diff).slice(0, 2000));
    assert.equal(diff.hasDifferences, false);
  });
}

test('convert to KISSBOM keeps components and licences; the diff reports the lost graph', async () => {
  const out = join(dir, 'out.kissbom.json');
  assert.equal((await vigie(['sbom', 'convert', original, '--to', 'kissbom', '-o', out])).code, 0);
  const d = await vigie(['sbom', 'diff', original, out, '--json']);
  const diff = JSON.parse(d.stdout);
  assert.equal(d.code, 1);
  assert.deepEqual(
    [diff.added.length, diff.removed.length, diff.versionChanged.length, diff.licenseChanged.length],
    [0, 0, 0, 0],
  );
  assert.ok(diff.dependenciesRemoved.length > 0);
});
