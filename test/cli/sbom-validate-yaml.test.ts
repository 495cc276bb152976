// `vigie sbom validate` on SPDX YAML checks the schema on the value the reader parsed (one parse), so
// the same document gets the same verdict in YAML and in JSON, and a scalar the reader keeps as text
// (`versionInfo: 1.0`) is not a schema violation the reader never saw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie } from './run-cli.js';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'vigie-validate-yaml-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = [
  'spdxVersion: SPDX-2.3',
  'dataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'name: twins',
  'documentNamespace: https://example.org/twins-1',
  'creationInfo:',
  '  created: "2024-01-01T00:00:00Z"',
  '  creators: ["Tool: hand"]',
  'packages:',
];

interface Verdict {
  valid: boolean;
  schema: { checked: boolean; violations: { path: string; message: string }[] };
}

async function validate(name: string, text: string): Promise<Verdict> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const { code, stdout, stderr } = await vigie(['sbom', 'validate', path, '--json']);
  assert.ok(code === 0 || code === 1, stderr);
  return JSON.parse(stdout) as Verdict;
}

test('a version written 1.0 in YAML is the text the reader read: valid, as its JSON twin', async () => {
  const yaml = [
    ...HEAD,
    '  - SPDXID: SPDXRef-one',
    '    name: one',
    '    versionInfo: 1.0',
    '    downloadLocation: NOASSERTION',
    '',
  ].join('\n');
  const json = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'twins',
    documentNamespace: 'https://example.org/twins-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    packages: [{ SPDXID: 'SPDXRef-one', name: 'one', versionInfo: '1.0', downloadLocation: 'NOASSERTION' }],
  });
  const fromYaml = await validate('one.spdx.yaml', yaml);
  const fromJson = await validate('one.spdx.json', json);
  assert.equal(fromYaml.schema.checked, true);
  assert.deepEqual(fromYaml.schema.violations, [], JSON.stringify(fromYaml.schema.violations));
  assert.deepEqual([fromYaml.valid, fromYaml.schema.violations], [fromJson.valid, fromJson.schema.violations]);
});

test('a package without its download location fails the schema in YAML as in JSON', async () => {
  const yaml = [...HEAD, '  - SPDXID: SPDXRef-one', '    name: one', '    versionInfo: "2"', ''].join('\n');
  const fromYaml = await validate('missing.spdx.yaml', yaml);
  assert.equal(fromYaml.valid, false);
  assert.ok(
    fromYaml.schema.violations.some((v) => v.path.startsWith('/packages/0') && /downloadLocation/.test(v.message)),
    JSON.stringify(fromYaml.schema.violations),
  );
});
