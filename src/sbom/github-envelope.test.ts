// GitHub's dependency-graph SBOM API answers {"sbom": <SPDX 2.3 document>}; the document inside is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEAD_BYTES } from './detect.js';
import { readSbom } from './read.js';

function repositoryExport(extraPackages = 0) {
  const dep = (n: number) => ({
    name: `dep-${n}`,
    SPDXID: `SPDXRef-npm-dep-${n}`,
    versionInfo: '1.0.0',
    downloadLocation: 'NOASSERTION',
    licenseConcluded: 'MIT',
    externalRefs: [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: `pkg:npm/dep-${n}@1.0.0` },
    ],
  });
  const deps = Array.from({ length: 2 + extraPackages }, (_, n) => dep(n));
  return {
    // Packages first, so that a big export's head shows no spdxVersion.
    packages: [
      { name: 'acme/shop', SPDXID: 'SPDXRef-repo', versionInfo: 'main', downloadLocation: 'NOASSERTION' },
      ...deps,
    ],
    relationships: [
      { relationshipType: 'DESCRIBES', spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-repo' },
      ...deps.map((d) => ({
        relationshipType: 'DEPENDS_ON',
        spdxElementId: 'SPDXRef-repo',
        relatedSpdxElement: d.SPDXID,
      })),
    ],
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'com.github.acme/shop',
    documentNamespace: 'https://spdx.org/spdxdocs/protobom/00000000-0000-4000-8000-000000000001',
    creationInfo: { creators: ['Tool: GitHub.com-Dependency-Graph'], created: '2025-01-01T00:00:00Z' },
  };
}

test("the API's {sbom: …} answer reads as the SPDX document it wraps", () => {
  const bare = readSbom(JSON.stringify(repositoryExport()), 'bare.json');
  const wrapped = readSbom(JSON.stringify({ sbom: repositoryExport() }), 'api.json');
  assert.equal(wrapped.format.id, 'spdx-json');
  assert.equal(wrapped.sbom.metadata.component?.name, 'acme/shop');
  assert.deepEqual(
    wrapped.sbom.components.map((c) => c.purl),
    bare.sbom.components.map((c) => c.purl),
  );
  assert.equal(wrapped.sbom.components.length, 2);
  assert.deepEqual(wrapped.sbom.dependencies, bare.sbom.dependencies);
  assert.deepEqual(
    wrapped.issues.map((i) => [i.severity, i.code]),
    [['info', 'envelope'], ...bare.issues.map((i) => [i.severity, i.code])],
  );
  // Schema validation reads the same value: the document, not its envelope.
  assert.equal((wrapped.json as { spdxVersion?: string }).spdxVersion, 'SPDX-2.3');
});

test('a big answer whose head shows no spdxVersion is identified from the document inside', () => {
  const text = JSON.stringify({ sbom: repositoryExport(400) });
  assert.ok(text.indexOf('spdxVersion') > HEAD_BYTES);
  const { format, sbom } = readSbom(text, 'api.json');
  assert.equal(format.id, 'spdx-json');
  assert.equal(sbom.components.length, 402);
});
