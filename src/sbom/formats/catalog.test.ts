// ADR 51: the format catalog identifies without loading readers or writers; each format loads when
// chosen. The catalog and the table of whole formats must describe the same formats the same way,
// and reading through the catalog (the CLI) must give what readSbom gives, errors included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_CATALOG, loadFormat, outputTargets, resolveOutputEntry } from './catalog.js';
import { SBOM_FORMATS } from './index.js';
import { readSbom } from '../read.js';
import { readSbomAsNeeded } from '../read-steps.js';
import { HEAD_BYTES } from '../detect.js';

test('the catalog lists the formats of the full table, in its order, described the same way', async () => {
  assert.deepEqual(
    FORMAT_CATALOG.map((f) => f.id),
    SBOM_FORMATS.map((f) => f.id),
  );
  for (const entry of FORMAT_CATALOG) {
    const loaded = await loadFormat(entry.id);
    assert.equal(
      loaded,
      SBOM_FORMATS.find((f) => f.id === entry.id),
      `${entry.id}: the same module`,
    );
    assert.equal(loaded!.name, entry.name);
    assert.deepEqual(loaded!.decodes, entry.decodes);
    assert.deepEqual(loaded!.encodes, entry.encodes);
    assert.equal(loaded!.identify, entry.identify, `${entry.id}: the same identification`);
    assert.equal(await entry.loadEncoder(), loaded!.encode, `${entry.id}: the same writer`);
  }
  assert.equal(await loadFormat('spdx-rdf'), undefined);
});

const cyclonedx = (specVersion: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion,
    version: 1,
    components: [{ type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' }],
    ...extra,
  });
const spdx2 = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'doc',
  documentNamespace: 'https://example.org/doc',
  creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: hand'] },
  packages: [{ name: 'left-pad', SPDXID: 'SPDXRef-p', versionInfo: '1.3.0', downloadLocation: 'NOASSERTION' }],
};
// Markers beyond the head: only whole-document identification finds the format.
const filler = Array.from({ length: 2000 }, (_, n) => ({ type: 'library', name: `pkg-${n}`, version: '1.0.0' }));
const late = JSON.stringify({ components: filler, bomFormat: 'CycloneDX', specVersion: '1.5' });

const statement = (inner: string) =>
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://cyclonedx.org/bom',
    subject: [{ name: 'app', digest: { sha256: '00' } }],
    predicate: JSON.parse(inner) as unknown,
  });

/** Documents of every format, and refusals of every kind; the format id each one should read as. */
const DOCUMENTS: [label: string, text: string, format?: string][] = [
  ['CycloneDX JSON 1.6', cyclonedx('1.6'), 'cyclonedx-json'],
  [
    'CycloneDX XML 1.6',
    '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components><component type="library"><name>left-pad</name><version>1.3.0</version></component></components></bom>',
    'cyclonedx-xml',
  ],
  ['SPDX JSON 2.3', JSON.stringify(spdx2), 'spdx-json'],
  ['SPDX JSON in GitHub envelope', JSON.stringify({ sbom: spdx2 }), 'spdx-json'],
  [
    'SPDX YAML 2.3',
    'spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nname: doc\npackages:\n  - name: left-pad\n    SPDXID: SPDXRef-p\n    versionInfo: 1.3.0\n',
    'spdx-yaml',
  ],
  [
    'SPDX tag-value 2.3',
    'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: doc\n\nPackageName: left-pad\nSPDXID: SPDXRef-p\nPackageVersion: 1.3.0\n',
    'spdx-tagvalue',
  ],
  [
    'SPDX 3 JSON-LD',
    JSON.stringify({
      '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
      '@graph': [{ type: 'CreationInfo', '@id': '_:c', specVersion: '3.0.1', created: '2026-01-01T00:00:00Z' }],
    }),
    'spdx3-jsonld',
  ],
  [
    'ORT analyzer result (YAML)',
    'repository:\n  vcs:\n    type: Git\n  vcs_processed:\n    type: Git\nanalyzer:\n  result:\n    projects: []\n    packages: []\n',
    'ort',
  ],
  ['KISSBOM CSV', 'purl,license\npkg:npm/left-pad@1.3.0,MIT\n', 'kissbom'],
  ['CycloneDX JSON, markers beyond the head', late, 'cyclonedx-json'],
  ['CycloneDX JSON in an in-toto Statement', statement(cyclonedx('1.6')), 'cyclonedx-json'],
  [
    'CycloneDX JSON in a DSSE envelope',
    JSON.stringify({
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(statement(cyclonedx('1.6'))).toString('base64'),
      signatures: [],
    }),
    'cyclonedx-json',
  ],
  ['CycloneDX JSON 1.1 in an in-toto Statement (not read)', statement(cyclonedx('1.1'))],
  ['CycloneDX JSON 1.1 (not read)', cyclonedx('1.1')],
  ['SPDX 2.0 tag-value (not read)', 'SPDXVersion: SPDX-2.0\nSPDXID: SPDXRef-DOCUMENT\n'],
  ['truncated JSON', cyclonedx('1.6').slice(0, 60)],
  ['an npm lockfile', JSON.stringify({ name: 'a', lockfileVersion: 3, packages: {} })],
  ['plain text', 'hello\n'],
  ['XML of another kind', '<html><body/></html>'],
];

function outcome(read: () => ReturnType<typeof readSbom>) {
  try {
    const r = read();
    return { format: r.format.id, specVersion: r.specVersion, sbom: JSON.stringify(r.sbom), issues: r.issues };
  } catch (err) {
    return { error: (err as Error).name, message: (err as Error).message };
  }
}

test('reading through the catalog gives what readSbom gives, for every format and every refusal', async () => {
  assert.ok(late.indexOf('"bomFormat"') > HEAD_BYTES);
  for (const [label, text, format] of DOCUMENTS) {
    const expected = outcome(() => readSbom(text, 'doc'));
    let got;
    try {
      const r = await readSbomAsNeeded(text, 'doc');
      got = outcome(() => r);
    } catch (err) {
      got = { error: (err as Error).name, message: (err as Error).message };
    }
    assert.deepEqual(got, expected, label);
    if (format) assert.equal((expected as { format?: string }).format, format, `${label}: ${JSON.stringify(expected)}`);
    else assert.ok('error' in expected, `${label} is refused`);
  }
});

test('output targets are checked on the catalog with the same messages', () => {
  assert.ok(outputTargets().includes('cyclonedx-json@1.6'));
  assert.ok(!outputTargets().some((t) => t.startsWith('ort@')));
  const chosen = resolveOutputEntry('spdx-json');
  assert.ok(typeof chosen !== 'string');
  assert.equal(chosen.entry.id, 'spdx-json');
  assert.equal(chosen.specVersion, '2.3');
  assert.match(resolveOutputEntry('ort') as string, /^unknown output format "ort"; choose one of: cyclonedx-json@/);
  assert.match(
    resolveOutputEntry('cyclonedx-json@9.9') as string,
    /^CycloneDX JSON 9\.9 is not an output Vigie writes; choose one of: /,
  );
});
