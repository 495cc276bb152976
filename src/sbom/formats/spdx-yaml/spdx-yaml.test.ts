import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';
import { UnreadableDocumentError } from '../../format.js';
import { spdxJson } from '../spdx-json/index.js';
import { spdxYaml } from './index.js';

const read = (p: string) => readFileSync(corpus(p), 'utf8');

test('spec example 2.3 in YAML decodes as its JSON twin; dates stay strings', needsCorpora, () => {
  const text = read('sboms/spdx/spec-examples/v2.3/SPDXYAMLExample-2.3.spdx.yaml');
  assert.deepEqual(spdxYaml.identify(text.slice(0, 65536)), {
    format: 'spdx-yaml',
    specVersion: '2.3',
    supported: true,
  });
  const yaml = spdxYaml.decode({ text }).sbom;
  const json = spdxJson.decode({ text: read('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json') }).sbom;
  assert.equal(yaml.metadata.timestamp, '2010-01-29T18:30:22Z');
  assert.deepEqual(yaml.components, json.components);
  assert.deepEqual(yaml.metadata.component, json.metadata.component);
});

test('the spec 2.2 YAML example is not well-formed YAML: reported with its line', needsCorpora, () => {
  assert.throws(
    () => spdxYaml.decode({ text: read('sboms/spdx/spec-examples/v2.2/SPDXYAMLExample-2.2.spdx.yaml') }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 322 && /line 322/.test(e.message),
  );
});

test('YAML encode reads back', needsCorpora, () => {
  const sbom = spdxJson.decode({
    text: read('sboms/spdx/examples/software/example9/spdx2.2/appbomination.spdx.json'),
  }).sbom;
  const { text } = spdxYaml.encode!(sbom, '2.3', {
    serialNumber: 'https://example.org/x',
    timestamp: '2024-01-01T00:00:00Z',
  });
  const back = spdxYaml.decode({ text }).sbom;
  assert.deepEqual(
    back.components.map((c) => c.purl),
    sbom.components.map((c) => c.purl),
  );
});

test('YAML merge keys (<<: *anchor) give a package the fields of the one it repeats', () => {
  const text = [
    'spdxVersion: SPDX-2.3',
    'dataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'name: merged',
    'documentNamespace: https://example.org/merged-1',
    'creationInfo: { created: "2024-01-01T00:00:00Z", creators: ["Tool: hand"] }',
    'packages:',
    '  - &common',
    '    SPDXID: SPDXRef-one',
    '    name: one',
    '    versionInfo: "4.2"',
    '    downloadLocation: NOASSERTION',
    '    licenseDeclared: MIT',
    '  - <<: *common',
    '    SPDXID: SPDXRef-two',
    '    name: two',
    '',
  ].join('\n');
  const { sbom, issues } = spdxYaml.decode({ text });
  const two = [...sbom.components, sbom.metadata.component].find((c) => c?.ref === 'SPDXRef-two');
  assert.equal(two?.version, '4.2');
  assert.equal(two?.licenses.declared?.raw, 'MIT');
  assert.deepEqual(
    issues.filter((i) => i.component === 'SPDXRef-two').map((i) => i.code),
    [],
  );
});

const HEADER = [
  'spdxVersion: SPDX-2.3',
  'dataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'name: doc',
  'documentNamespace: https://example.org/doc-1',
  'creationInfo: { created: "2024-01-01T00:00:00Z", creators: ["Tool: hand"] }',
];

test('aliases that expand exponentially are refused, not followed (the yaml reader caps them)', () => {
  const text = [
    ...HEADER,
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'packages: [{ SPDXID: SPDXRef-one, name: *f, downloadLocation: NOASSERTION }]',
    '',
  ].join('\n');
  assert.throws(() => spdxYaml.decode({ text, name: 'laughs.spdx.yaml' }), UnreadableDocumentError);
});

test('numbers keep the text written, booleans and nulls are read, and a quoted text may run over lines', () => {
  const text = [
    ...HEADER,
    'packages:',
    '  - SPDXID: SPDXRef-one',
    '    name: one',
    '    versionInfo: 1.10',
    '    downloadLocation: NOASSERTION',
    '    filesAnalyzed: false',
    '    supplier: ~',
    // ORT writes long texts so, with the next line as deep as the keys (its cyclic-references fixture).
    '    copyrightText: "Copyright (c) 1996 - 2020, Daniel Stenberg, and many',
    '    contributors, see the THANKS file."',
    '',
  ].join('\n');
  const { sbom, parsed } = spdxYaml.decode({ text });
  const one = sbom.components.find((c) => c.ref === 'SPDXRef-one') ?? sbom.metadata.component;
  assert.equal(one?.version, '1.10');
  assert.equal(
    one?.copyright,
    'Copyright (c) 1996 - 2020, Daniel Stenberg, and many contributors, see the THANKS file.',
  );
  const pkg = (parsed as { packages: Record<string, unknown>[] }).packages[0]!;
  assert.deepEqual([pkg.versionInfo, pkg.filesAnalyzed, pkg.supplier], ['1.10', false, null]);
});

test('YAML encode quotes every text a YAML reader would take for something else', async () => {
  // Versions, names and texts that a plain YAML scalar would turn into a number, boolean, null or
  // date (YAML 1.2, and 1.1's yes/no/on/off), or that YAML syntax would cut (": ", " #", a leading "-").
  const tricky = [
    '1.0',
    '1e3',
    '0x1F',
    '.inf',
    'yes',
    'No',
    'on',
    'null',
    '~',
    'true',
    '2010-01-29',
    '- a',
    'a: b',
    'a #b',
    '',
    ' lead',
    'two\nlines',
    '"q"',
    "it's",
    '@scope/x',
    '*star',
    '&amp',
    '!tag',
    '%pct',
    '{x}',
    '[y]',
  ];
  const json = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'tricky',
    documentNamespace: 'https://example.org/tricky-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    packages: tricky.map((v, i) => ({
      SPDXID: `SPDXRef-p${i}`,
      name: `p${i}${v}`,
      versionInfo: v,
      downloadLocation: 'NOASSERTION',
      copyrightText: v === '' ? 'NOASSERTION' : v,
      description: v,
    })),
  };
  const sbom = spdxJson.decode({ text: JSON.stringify(json) }).sbom;
  const options = { serialNumber: 'https://example.org/tricky-1', timestamp: '2024-01-01T00:00:00Z' };
  const { text } = spdxYaml.encode!(sbom, '2.3', options);
  const jsonText = spdxJson.encode!(sbom, '2.3', options).text;
  const expected = JSON.parse(jsonText);
  // Vigie's reader reads the YAML as it reads its JSON twin; a strict YAML 1.2 reader gives back
  // the JSON document exactly.
  assert.deepEqual(spdxYaml.decode({ text }).sbom.components, spdxJson.decode({ text: jsonText }).sbom.components);
  assert.deepEqual(
    spdxYaml.decode({ text }).sbom.components.map((c) => c.version),
    tricky.map((v) => v.trim() || undefined), // the SPDX reader trims a version
  );
  const { parse } = await import('yaml');
  assert.deepEqual(parse(text, { version: '1.2' }), expected);
  // A YAML 1.1 reader (booleans yes/no/on/off, sexagesimal numbers) reads the same texts.
  assert.deepEqual(parse(text, { version: '1.1' }), expected);
  assert.doesNotMatch(text, /(?:: |- )[&*]ref_\d/, 'no anchors or aliases');
});
