// Step 1's blocker names the licence string it judged and gives that string's own problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotFromSbom, validateRelease } from '../../src/compliance/index.js';
import { readSbom } from '../../src/sbom/read.js';
import { policy } from './fixtures.js';

test('step 1: a declared licence that is no valid expression is blamed for its own problem, not for a NOASSERTION beside it', () => {
  // The usual SPDX 2 writer's package: no conclusion (NOASSERTION), the declared licence names a
  // LicenseRef that neither the knowledge base nor the policy knows.
  const document = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'shop',
    documentNamespace: 'https://example.com/shop-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    documentDescribes: ['SPDXRef-shop'],
    packages: [
      { SPDXID: 'SPDXRef-shop', name: 'shop', versionInfo: '1', downloadLocation: 'NOASSERTION' },
      {
        SPDXID: 'SPDXRef-cart',
        name: 'cart',
        versionInfo: '2',
        downloadLocation: 'NOASSERTION',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'MIT AND LicenseRef-Cart-Terms',
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-shop', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-cart' },
    ],
  });
  const snapshot = snapshotFromSbom(readSbom(document, 'shop.spdx.json').sbom, {
    outboundLicenses: ['MIT'],
    policy: policy({ always: ['MIT'] }),
  });
  const [blocker, ...others] = validateRelease(snapshot).steps[0]!.blockers;
  assert.equal(others.length, 0);
  assert.equal(blocker?.license, 'MIT AND LicenseRef-Cart-Terms');
  assert.match(blocker!.message, /LicenseRef-Cart-Terms/);
  assert.doesNotMatch(blocker!.message, /NOASSERTION/);
});

test('step 1: a package whose licences are all NOASSERTION has no licence, as the same package without licences in CycloneDX', () => {
  const spdx = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'image',
    documentNamespace: 'https://example.com/image-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    documentDescribes: ['SPDXRef-image'],
    packages: [
      { SPDXID: 'SPDXRef-image', name: 'image', versionInfo: '1', downloadLocation: 'NOASSERTION' },
      {
        SPDXID: 'SPDXRef-zlib',
        name: 'zlib',
        versionInfo: '1.3',
        downloadLocation: 'NOASSERTION',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        externalRefs: [
          { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/zlib@1.3' },
        ],
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-image', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-zlib' },
    ],
  });
  const cyclonedx = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { component: { type: 'container', 'bom-ref': 'image', name: 'image', version: '1' } },
    components: [{ type: 'library', 'bom-ref': 'zlib', name: 'zlib', version: '1.3', purl: 'pkg:deb/debian/zlib@1.3' }],
    dependencies: [{ ref: 'image', dependsOn: ['zlib'] }],
  });
  const blockersOf = (text: string, name: string) =>
    validateRelease(
      snapshotFromSbom(readSbom(text, name).sbom, { outboundLicenses: ['MIT'], policy: policy({ always: ['MIT'] }) }),
    ).steps[0]!.blockers;
  const [fromSpdx] = blockersOf(spdx, 'image.spdx.json');
  const [fromCycloneDx] = blockersOf(cyclonedx, 'image.cdx.json');
  assert.equal(fromCycloneDx?.kind, 'no-license');
  assert.equal(fromSpdx?.kind, 'no-license');
  assert.equal(fromSpdx?.license, null);
  assert.deepEqual(fromSpdx?.fix.suggestions, []);
  assert.match(fromSpdx!.message, /NOASSERTION/);
});

test('step 1: a concluded licence naming an unknown LicenseRef blocks; the declared licence does not stand in for it', () => {
  const pkg = (id: string, concluded: string, declared: string) => ({
    SPDXID: `SPDXRef-${id}`,
    name: id,
    versionInfo: '1',
    downloadLocation: 'NOASSERTION',
    licenseConcluded: concluded,
    licenseDeclared: declared,
  });
  const document = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'shop',
    documentNamespace: 'https://example.com/shop-2',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    documentDescribes: ['SPDXRef-shop'],
    packages: [
      { SPDXID: 'SPDXRef-shop', name: 'shop', versionInfo: '1', downloadLocation: 'NOASSERTION' },
      // A reviewer found vendor terms in the sources beside the declared MIT.
      pkg('cart', 'MIT AND LicenseRef-Cart-Terms', 'MIT'),
      // An unparseable conclusion still leaves the declared licence to speak.
      pkg('till', 'MIT,,', 'MIT'),
      // So does a conclusion of NONE.
      pkg('scale', 'NONE', 'MIT'),
    ],
    relationships: ['cart', 'till', 'scale'].map((id) => ({
      spdxElementId: 'SPDXRef-shop',
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: `SPDXRef-${id}`,
    })),
  });
  const snapshot = snapshotFromSbom(readSbom(document, 'shop.spdx.json').sbom, {
    outboundLicenses: ['MIT'],
    policy: policy({ always: ['MIT'] }),
  });
  const blockers = validateRelease(snapshot).steps[0]!.blockers;
  assert.deepEqual(
    blockers.map((b) => [b.kind, b.license]),
    [['invalid-expression', 'MIT AND LicenseRef-Cart-Terms']],
  );
  assert.match(blockers[0]!.message, /LicenseRef-Cart-Terms is not in the knowledge base/);
});
