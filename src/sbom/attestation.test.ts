// SBOMs published as attestations (cosign attest, trivy): the in-toto Statement and its DSSE envelope
// are read as the document they carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom, UnsupportedDocumentError } from './read.js';

const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.4',
  version: 1,
  metadata: {
    component: {
      'bom-ref': 'pkg:oci/base@sha256:ab12',
      type: 'container',
      name: 'base:1',
      purl: 'pkg:oci/base@sha256:ab12',
    },
  },
  components: [
    {
      'bom-ref': 'pkg:apk/alpine/zlib@1.3-r0',
      type: 'library',
      name: 'zlib',
      version: '1.3-r0',
      purl: 'pkg:apk/alpine/zlib@1.3-r0',
      licenses: [{ expression: 'Zlib' }],
    },
  ],
  dependencies: [{ ref: 'pkg:oci/base@sha256:ab12', dependsOn: ['pkg:apk/alpine/zlib@1.3-r0'] }],
};

const subject = [{ name: 'registry.example/base', digest: { sha256: 'ab12' } }];

/** cosign's older shape: the BOM one level down, under predicate.Data. */
const cosignStatement = {
  _type: 'https://in-toto.io/Statement/v0.1',
  predicateType: 'https://cyclonedx.org/schema',
  subject,
  predicate: { Data: bom, Timestamp: '' },
};

function readsTheBom(text: string, wrappers: string[]) {
  const r = readSbom(text, 'attestation.json');
  assert.equal(r.format.id, 'cyclonedx-json');
  assert.equal(r.sbom.metadata.component?.name, 'base:1');
  assert.deepEqual(
    r.sbom.components.map((c) => [c.purl, c.licenses.declared?.expression]),
    [['pkg:apk/alpine/zlib@1.3-r0', 'Zlib']],
  );
  assert.deepEqual(r.sbom.dependencies, [
    { ref: 'pkg:oci/base@sha256:ab12', dependsOn: ['pkg:apk/alpine/zlib@1.3-r0'] },
  ]);
  const notes = r.issues.filter((i) => i.code === 'envelope');
  assert.deepEqual(
    notes.map((i) => [i.severity, i.field]),
    wrappers.map((w) => ['info', w]),
  );
  // Schema validation sees the BOM, not its wrapper.
  assert.equal((r.json as { bomFormat?: string }).bomFormat, 'CycloneDX');
}

test('an in-toto Statement with the BOM under predicate.Data reads as that BOM', () => {
  // Its head shows the nested "bomFormat": it used to be refused as "bomFormat is not CycloneDX".
  readsTheBom(JSON.stringify(cosignStatement), ['predicate.Data']);
});

test('an in-toto v1 Statement with the BOM as its predicate reads as that BOM', () => {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject,
    predicateType: 'https://cyclonedx.org/bom',
    predicate: bom,
  };
  readsTheBom(JSON.stringify(statement, null, 2), ['predicate']);
});

test('a DSSE envelope (cosign download attestation) reads as the BOM of its Statement', () => {
  const envelope = {
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(cosignStatement)).toString('base64'),
    signatures: [{ keyid: '', sig: 'MEUCIQDx' }],
  };
  readsTheBom(JSON.stringify(envelope), ['payload', 'predicate.Data']);
});

test('a Statement whose predicate comes first and is large is still unwrapped', () => {
  const big = {
    ...bom,
    components: [
      ...bom.components,
      ...Array.from({ length: 900 }, (_, n) => ({ type: 'file', name: `f${n}`.padEnd(80, 'x') })),
    ],
  };
  const text = JSON.stringify({
    predicate: { Data: big },
    predicateType: 'https://cyclonedx.org/schema',
    subject,
    _type: 'https://in-toto.io/Statement/v0.1',
  });
  assert.ok(text.length > 64 * 1024);
  const r = readSbom(text, 'late.json');
  assert.equal(r.sbom.components.length, 901);
  assert.equal(r.issues[0]?.code, 'envelope');
});

test('an SPDX tag-value document held as a string in predicate.Data is read', () => {
  const tagValue = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: base',
    'DocumentNamespace: https://example.org/spdx/base-1',
    'Creator: Tool: cosign',
    'Created: 2024-01-01T00:00:00Z',
    '',
    'PackageName: zlib',
    'SPDXID: SPDXRef-zlib',
    'PackageVersion: 1.3',
    'PackageDownloadLocation: NOASSERTION',
    'PackageLicenseConcluded: Zlib',
    'PackageLicenseDeclared: Zlib',
    'PackageCopyrightText: NOASSERTION',
    'FilesAnalyzed: false',
    '',
  ].join('\n');
  const statement = {
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://spdx.dev/Document',
    subject,
    predicate: { Data: tagValue },
  };
  const r = readSbom(JSON.stringify(statement), 'spdx.att.json');
  assert.equal(r.format.id, 'spdx-tagvalue');
  assert.equal(r.sbom.components.length + (r.sbom.metadata.component ? 1 : 0), 1);
});

test('a Statement that carries no SBOM is refused saying what it is', () => {
  const provenance = {
    _type: 'https://in-toto.io/Statement/v1',
    subject,
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: { buildDefinition: { buildType: 'x' } },
  };
  assert.throws(
    () => readSbom(JSON.stringify(provenance), 'prov.json'),
    (err: unknown) =>
      err instanceof UnsupportedDocumentError &&
      /in-toto Statement \(predicateType https:\/\/slsa\.dev\/provenance\/v1\)/.test(err.message) &&
      /not an SBOM format/.test(err.message),
  );
});
