// A relationship to an element of another SPDX document (DocumentRef-x:SPDXRef-y, as Yocto and
// Kubernetes' bom write them across their per-package documents) cannot be followed from this one:
// the reader says so once per document instead of dropping the edges without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spdxJson } from '../spdx-json/index.js';

const doc = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'image',
  documentNamespace: 'https://example.org/spdx/image-1',
  creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: example'] },
  externalDocumentRefs: [
    {
      externalDocumentId: 'DocumentRef-libs',
      spdxDocument: 'https://example.org/spdx/libs-1',
      checksum: { algorithm: 'SHA1', checksumValue: 'd6a770ba38583ed4bb4525bd96e50461655d2758' },
    },
  ],
  packages: [
    { SPDXID: 'SPDXRef-app', name: 'app', versionInfo: '1.0', downloadLocation: 'NOASSERTION' },
    { SPDXID: 'SPDXRef-zlib', name: 'zlib', versionInfo: '1.3', downloadLocation: 'NOASSERTION' },
  ],
  relationships: [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-app' },
    { spdxElementId: 'SPDXRef-app', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-zlib' },
    {
      spdxElementId: 'SPDXRef-app',
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: 'DocumentRef-libs:SPDXRef-openssl',
    },
    {
      spdxElementId: 'SPDXRef-zlib',
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: 'DocumentRef-libs:SPDXRef-libc',
    },
  ],
};

test('edges to elements of another document are reported once per document, as information', () => {
  const { sbom, issues } = spdxJson.decode({ text: JSON.stringify(doc) });
  const external = issues.filter((i) => i.code === 'external-element');
  assert.equal(external.length, 1);
  assert.equal(external[0]!.severity, 'info');
  assert.match(external[0]!.message, /2 dependency relationships .*DocumentRef-libs/);
  // The edges inside the document are kept; nothing is reported as dangling.
  assert.deepEqual(sbom.dependencies.find((d) => d.ref === 'SPDXRef-app')?.dependsOn, ['SPDXRef-zlib']);
  assert.equal(issues.filter((i) => i.code === 'dangling-ref').length, 0);
});

test('a document that describes only an element of another document says so, once', async () => {
  const { checkSbomSemantics } = await import('../../validate/index.js');
  const indexDoc = {
    ...doc,
    packages: [],
    documentDescribes: ['DocumentRef-libs:SPDXRef-image'],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'DocumentRef-libs:SPDXRef-image',
      },
    ],
  };
  const { sbom, issues } = spdxJson.decode({ text: JSON.stringify(indexDoc) });
  assert.equal(sbom.metadata.component, undefined);
  const said = issues.filter((i) => i.code === 'external-primary');
  assert.equal(said.length, 1);
  assert.match(said[0]!.message, /describes DocumentRef-libs:SPDXRef-image, an element of another document/);
  // The semantic checks do not add that the document says nothing of what it describes.
  const semantic = checkSbomSemantics(sbom, issues);
  assert.equal(semantic.filter((i) => i.code === 'missing-primary-component').length, 0);
  // A document describing nothing at all still hears it.
  const none = spdxJson.decode({ text: JSON.stringify({ ...indexDoc, documentDescribes: [], relationships: [] }) });
  assert.equal(
    checkSbomSemantics(none.sbom, none.issues).filter((i) => i.code === 'missing-primary-component').length,
    1,
  );
});
