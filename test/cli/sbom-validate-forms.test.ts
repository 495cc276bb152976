// `vigie sbom validate` gives one SPDX document the same verdict in JSON, YAML and tag-value: YAML is
// checked on the value the reader parsed (one parse; a scalar the reader keeps as text, `versionInfo:
// 1.0`, is not a violation the reader never saw), tag-value in the JSON shape its reader builds.
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

/** The JSON twin of the documents below: the same document head, then the elements given. */
const jsonTwin = (elements: Record<string, unknown>) =>
  JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'twins',
    documentNamespace: 'https://example.org/twins-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    ...elements,
  });

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
  const json = jsonTwin({
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

test('a package without its download location fails in tag-value as in JSON, naming its line', async () => {
  const tagValue = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: twins',
    'DocumentNamespace: https://example.org/twins-1',
    'Creator: Tool: hand',
    'Created: 2024-01-01T00:00:00Z',
    '',
    'PackageName: one',
    'SPDXID: SPDXRef-one',
    'PackageVersion: 2',
    'FilesAnalyzed: false',
    '',
  ].join('\n');
  const json = jsonTwin({
    packages: [{ SPDXID: 'SPDXRef-one', name: 'one', versionInfo: '2', filesAnalyzed: false }],
  });
  const fromTagValue = await validate('missing.spdx', tagValue);
  const fromJson = await validate('missing-twin.spdx.json', json);
  assert.equal(fromTagValue.schema.checked, true);
  assert.equal(fromTagValue.valid, false);
  assert.deepEqual(
    fromTagValue.schema.violations.map((v) => [v.path, v.message]),
    fromJson.schema.violations.map((v) => [v.path, v.message]),
  );
  assert.deepEqual(
    fromTagValue.schema.violations.map((v) => (v as { line?: number }).line),
    [9],
    'the package starts on line 9',
  );
  const text = await vigie(['sbom', 'validate', join(dir, 'missing.spdx')]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /schema \/packages\/0 \(line 9\): must have required property 'downloadLocation'/);

  // The same document with its download location is valid, as the JSON twin is.
  const whole = await validate(
    'whole.spdx',
    tagValue.replace('PackageVersion: 2', 'PackageVersion: 2\nPackageDownloadLocation: NOASSERTION'),
  );
  assert.deepEqual([whole.valid, whole.schema.violations], [true, []]);
});

// One document with a file and a snippet of it, in the three forms; `fromFile: false` leaves out the
// snippet's file (required by the schema of both 2.2 and 2.3).
function snippetTwins(fromFile: boolean): { tagValue: string; yaml: string; json: string } {
  const tagValue = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: twins',
    'DocumentNamespace: https://example.org/twins-1',
    'Creator: Tool: hand',
    'Created: 2024-01-01T00:00:00Z',
    '',
    'FileName: ./src/a.c',
    'SPDXID: SPDXRef-a',
    'FileChecksum: SHA1: d6a770ba38583ed4bb4525bd96e50461655d2758',
    '',
    'SnippetSPDXID: SPDXRef-snip',
    ...(fromFile ? ['SnippetFromFileSPDXID: SPDXRef-a'] : []),
    'SnippetByteRange: 310:420',
    'SnippetLineRange: 5:23',
    'SnippetName: from a',
    'SnippetLicenseConcluded: MIT',
    'LicenseInfoInSnippet: MIT',
    'SnippetCopyrightText: NOASSERTION',
    '',
  ].join('\n');
  const ref = fromFile ? 'SPDXRef-a' : '';
  const yaml = [
    ...HEAD.slice(0, -1),
    'files:',
    '  - SPDXID: SPDXRef-a',
    '    fileName: ./src/a.c',
    '    checksums: [{ algorithm: SHA1, checksumValue: d6a770ba38583ed4bb4525bd96e50461655d2758 }]',
    'snippets:',
    '  - SPDXID: SPDXRef-snip',
    ...(fromFile ? ['    snippetFromFile: SPDXRef-a'] : []),
    '    name: from a',
    '    licenseConcluded: MIT',
    '    licenseInfoInSnippets: [MIT]',
    '    copyrightText: NOASSERTION',
    '    ranges:',
    `      - startPointer: { offset: 310, reference: "${ref}" }`,
    `        endPointer: { offset: 420, reference: "${ref}" }`,
    `      - startPointer: { lineNumber: 5, reference: "${ref}" }`,
    `        endPointer: { lineNumber: 23, reference: "${ref}" }`,
    '',
  ].join('\n');
  const json = jsonTwin({
    files: [
      {
        SPDXID: 'SPDXRef-a',
        fileName: './src/a.c',
        checksums: [{ algorithm: 'SHA1', checksumValue: 'd6a770ba38583ed4bb4525bd96e50461655d2758' }],
      },
    ],
    snippets: [
      {
        SPDXID: 'SPDXRef-snip',
        ...(fromFile ? { snippetFromFile: 'SPDXRef-a' } : {}),
        name: 'from a',
        licenseConcluded: 'MIT',
        licenseInfoInSnippets: ['MIT'],
        copyrightText: 'NOASSERTION',
        ranges: [
          { startPointer: { offset: 310, reference: ref }, endPointer: { offset: 420, reference: ref } },
          { startPointer: { lineNumber: 5, reference: ref }, endPointer: { lineNumber: 23, reference: ref } },
        ],
      },
    ],
  });
  return { tagValue, yaml, json };
}

test('a snippet is checked in tag-value and YAML as in JSON: whole it is valid in all three', async () => {
  const { tagValue, yaml, json } = snippetTwins(true);
  for (const [name, text] of [
    ['snip.spdx', tagValue],
    ['snip.spdx.yaml', yaml],
    ['snip.spdx.json', json],
  ] as const) {
    const verdict = await validate(name, text);
    // A YAML range's `offset: 310` is the integer the schema wants, as in JSON (the reader keeps scalars as text).
    assert.deepEqual([name, verdict.valid, verdict.schema.violations], [name, true, []]);
  }
});

test('a snippet without its file fails in tag-value as in JSON, naming its line', async () => {
  const { tagValue, json } = snippetTwins(false);
  const fromTagValue = await validate('snip-missing.spdx', tagValue);
  const fromJson = await validate('snip-missing.spdx.json', json);
  assert.equal(fromJson.valid, false);
  assert.equal(fromTagValue.valid, false);
  assert.deepEqual(
    fromTagValue.schema.violations.map((v) => [v.path, v.message]),
    fromJson.schema.violations.map((v) => [v.path, v.message]),
  );
  assert.deepEqual(
    fromTagValue.schema.violations.map((v) => (v as { line?: number }).line),
    [13],
    'the snippet starts on line 13',
  );
});
